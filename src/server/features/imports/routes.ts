// Imports (LinkedIn export, vCard, CSV) and the vCard export over HTTP. Uploads are multipart,
// so these routes live in their own scope where @fastify/multipart is registered.
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CsvMapping, CsvPreview, ImportReport, ImportSource, VcardExportQuery } from '#shared/schemas/imports.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { HttpProblem, badRequest } from '../../http/problems.js';
import { loadUserContext } from '../settings/user-context.js';
import { ImportError } from './errors.js';
import { runImport, type FileImportSource } from './pipeline.js';
import { previewCsv } from './preview.js';
import { receiveUpload, MAX_UPLOAD_BYTES } from './upload.js';
import { vcardExport } from './vcard-export.js';

const tags = ['imports'];
const fileSources: readonly FileImportSource[] = ['linkedin', 'vcard', 'csv'];

/** A refused file is the caller's to fix: a 400 naming the file, line or card. */
function refused(error: ImportError): HttpProblem {
  return new HttpProblem(400, 'Import refused', error.message, [{ field: 'file', message: error.message, code: error.code }]);
}

function sourceOf(value: string | undefined): FileImportSource {
  const parsed = ImportSource.safeParse(value);
  if (!parsed.success) throw badRequest('source', `must be one of ${fileSources.join(', ')}`, 'invalid_enum_value');
  if (!fileSources.includes(parsed.data as FileImportSource)) throw badRequest('source', `${parsed.data} is imported by restoring a backup`, 'unsupported');
  return parsed.data as FileImportSource;
}

function mappingOf(value: string | undefined): CsvMapping | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  let json: unknown;
  try {
    json = JSON.parse(value);
  } catch {
    throw badRequest('mapping', 'must be JSON: {"column name": "contactField"}');
  }
  const parsed = CsvMapping.safeParse(json);
  if (!parsed.success) throw badRequest('mapping', `maps columns to ${CsvMapping.valueType.options.join(', ')}`);
  return parsed.data;
}

export function importRoutes(app: App, { db, now }: AppContext) {
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: MAX_UPLOAD_BYTES } });
    const typed = scope.withTypeProvider<ZodTypeProvider>();

    typed.post('/api/imports', {
      schema: {
        tags,
        summary: 'Import a LinkedIn export, vCards or a CSV of contacts (multipart: `source`, one or more `file`, `mapping` for a generic CSV)',
        description:
          'All or nothing: a malformed file is refused (400, naming the file and line or card) and changes nothing. Importing the same file twice creates no duplicates; existing contacts only gain what they lacked.',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport },
      },
      handler: async (request) => {
        const upload = await receiveUpload(request);
        try {
          const source = sourceOf(upload.fields.source);
          const mapping = mappingOf(upload.fields.mapping);
          if (upload.files.length === 0) throw badRequest('file', 'attach the file to import', 'required');
          const user = await loadUserContext(db, authOf(request), now());
          return await runImport(db, user, { source, files: upload.files, mapping });
        } catch (error) {
          throw error instanceof ImportError ? refused(error) : error;
        } finally {
          await upload.cleanup();
        }
      },
    });

    typed.post('/api/imports/preview', {
      schema: {
        tags,
        summary: 'The columns and first rows of a CSV, and whether it is a Google or Outlook export (multipart: `file`)',
        consumes: ['multipart/form-data'],
        response: { 200: CsvPreview },
      },
      handler: async (request) => {
        const upload = await receiveUpload(request, 1);
        try {
          const [file] = upload.files;
          if (!file) throw badRequest('file', 'attach the CSV file', 'required');
          return await previewCsv(file);
        } catch (error) {
          throw error instanceof ImportError ? refused(error) : error;
        } finally {
          await upload.cleanup();
        }
      },
    });
  });

  app.get('/api/exports/vcard', {
    schema: {
      tags,
      summary: 'Every contact as vCard 4.0 (or `version=3.0`), photos included',
      querystring: VcardExportQuery,
      produces: ['text/vcard'],
      response: { 200: z.string().describe('text/vcard') },
    },
    handler: async (request, reply) => {
      const { accountId } = authOf(request);
      return reply
        .type('text/vcard; charset=utf-8')
        .header('content-disposition', 'attachment; filename="circulo-contacts.vcf"')
        .send(Readable.from(vcardExport(db, accountId, request.query.version)) as never); // a stream: Fastify pipes it unserialised
    },
  });
}
