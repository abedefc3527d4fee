// A multipart upload spooled to a private temporary folder: a zip is read by its central
// directory (at the end of the file) and messages.csv is read twice, so imports need files, not
// one pass over the request. The folder is removed when the request is done.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { HttpProblem, badRequest } from '../../http/problems.js';
import type { DiskFile } from './pipeline.js';

/** The LinkedIn export of a heavy user is well under this (messages.csv ~50 MB zipped to less). */
export const MAX_UPLOAD_BYTES = 512 * 1024 * 1024;

export interface Upload {
  fields: Record<string, string>;
  files: DiskFile[];
  cleanup(): Promise<void>;
}

export async function receiveUpload(request: FastifyRequest, maxFiles = 10): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new HttpProblem(415, 'Unsupported Media Type', 'send the file as multipart/form-data (fields: source, file, mapping)');
  }
  const dir = await mkdtemp(join(tmpdir(), 'circulo-upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  const files: DiskFile[] = [];
  try {
    for await (const part of request.parts({ limits: { fileSize: MAX_UPLOAD_BYTES, files: maxFiles, fields: 20, fieldSize: 1_000_000 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest(part.fieldname, 'unexpected file field: send files as "file"');
      }
      const path = join(dir, `upload-${files.length}`);
      await pipeline(part.file, createWriteStream(path));
      if (part.file.truncated) throw new HttpProblem(413, 'Payload Too Large', `${part.filename} is larger than ${MAX_UPLOAD_BYTES / 1024 ** 2} MB`);
      files.push({ name: basename(part.filename || `file ${files.length + 1}`), path });
    }
  } catch (error) {
    await cleanup();
    throw error;
  }
  return { fields, files, cleanup };
}
