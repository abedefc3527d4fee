// Imports (LinkedIn export, vCard, CSV) and the vCard export over HTTP. Uploads are multipart,
// so these routes live in their own scope where @fastify/multipart is registered.
import { readFile } from 'node:fs/promises';
import { Readable } from 'node:stream';
import multipart from '@fastify/multipart';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CsvMapping, CsvPreview, ImportReport, ImportSource, VcardExportQuery } from '#shared/schemas/imports.js';
import type { RestoreReport } from '#shared/schemas/backup.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { limitsOf } from '../../http/limits.js';
import { HttpProblem, badRequest } from '../../http/problems.js';
import { requireSession } from '../auth/caller-rules.js';
import { restoreBackup } from '../backup/restore.js';
import { parseBackupJson } from '../backup/validate.js';
import { userOf } from '../settings/user-context.js';
import { CsvMappingError, mappableFields, parseCsvMapping } from './csv-mapping.js';
import { ImportError } from './errors.js';
import { runImport } from './pipeline.js';
import { previewCsv } from './preview.js';
import { receiveUpload } from './upload.js';
import { vcardExport } from './vcard-export.js';

const tags = ['imports'];

/** A refused file is the caller's to fix: a 400 naming the file, line or card (413 when it is too large). */
function refused(error: ImportError): HttpProblem {
  // The code and the place let the web app say it in the user's language (the message is English).
  const place = { ...(error.file ? { file: error.file } : {}), ...(error.at.line !== undefined ? { line: error.at.line } : {}), ...(error.at.card !== undefined ? { card: error.at.card } : {}) };
  return new HttpProblem(error.code === 'too_large' ? 413 : 400, 'Import refused', error.message, [{ field: 'file', message: error.message, code: error.code, ...place }]);
}

function sourceOf(value: string | undefined): ImportSource {
  const parsed = ImportSource.safeParse(value);
  if (!parsed.success) throw badRequest('source', `must be one of ${ImportSource.options.join(', ')}`, 'invalid_enum_value');
  return parsed.data;
}

function replaceOf(value: string | undefined): boolean {
  if (value === undefined || value === '' || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest('replace', 'must be true or false');
}

/** A restore told in the words of an import: contacts, interactions and invitations it brought in. */
function restoreAsImport(restored: RestoreReport): ImportReport {
  const n = (section: string) => restored.restored[section] ?? 0;
  return {
    source: 'json',
    created: n('contacts'),
    updated: 0,
    unchanged: 0,
    skipped: [],
    skippedTotal: 0,
    interactions: { created: n('interactions'), unchanged: 0 },
    invitations: { created: n('invitations'), updated: 0, unchanged: 0 },
    warnings: [],
    notices: [],
    restored,
  };
}

function mappingOf(value: string | undefined): CsvMapping | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  try {
    return parseCsvMapping(value);
  } catch (error) {
    if (!(error instanceof CsvMappingError)) throw error;
    throw badRequest('mapping', error.kind === 'not_json' ? 'must be JSON: {"column name": "contactField"}' : `maps columns to ${mappableFields.join(', ')}`);
  }
}

export function importRoutes(app: App, ctx: AppContext) {
  const { db, limits } = ctx;
  const { uploadBytes, restoreBytes } = limitsOf(limits);
  const largestCap = Math.max(uploadBytes, restoreBytes);
  // A backup (source=json, sent before the file as the web app does) may be as large as POST /api/backup/restore takes.
  const capFor = (fields: Record<string, string>) => (fields.source === 'json' ? restoreBytes : uploadBytes);
  app.register(async (scope) => {
    await scope.register(multipart, { limits: { fileSize: largestCap + 1 } });
    const typed = scope.withTypeProvider<ZodTypeProvider>();

    typed.post('/api/imports', {
      schema: {
        tags,
        summary: 'Import a LinkedIn export, vCards, a CSV of contacts or a JSON backup (multipart: `source`, one or more `file`, `mapping` for a generic CSV, `replace` for a backup)',
        description:
          'All or nothing: a malformed file is refused (400, naming the file and line or card) and changes nothing. Importing the same file twice creates no duplicates; existing contacts only gain what they lacked. A JSON backup (`source=json`) is restored as by POST /api/backup/restore: refused (409) into an account that is not empty unless `replace=true`, which deletes everything it has first. Like that route, a backup is restored only from a logged-in session, never with an API token (403).',
        consumes: ['multipart/form-data'],
        response: { 200: ImportReport },
      },
      handler: async (request) => {
        const upload = await receiveUpload(request, { capFor, largestCap });
        try {
          const source = sourceOf(upload.fields.source);
          if (upload.files.length === 0) throw badRequest('file', 'attach the file to import', 'required');
          if (source === 'json') {
            requireSession(authOf(request)); // a restore, so the same rule as POST /api/backup/restore
            // The backup file is restored exactly as POST /api/backup/restore would (same checks,
            // same 409 for an account that is not empty unless `replace` is "true").
            const [file, ...more] = upload.files;
            if (!file || more.length > 0) throw badRequest('file', 'attach one backup file', 'too_many');
            const backup = parseBackupJson(await readFile(file.path, 'utf8'));
            return restoreAsImport(await restoreBackup(db, authOf(request), backup, { replace: replaceOf(upload.fields.replace) }));
          }
          const mapping = mappingOf(upload.fields.mapping);
          const user = await userOf(ctx, request);
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
        const upload = await receiveUpload(request, { capFor: () => uploadBytes, largestCap, maxFiles: 1 });
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
