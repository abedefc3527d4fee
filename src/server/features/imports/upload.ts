// A multipart upload spooled to a private temporary folder: a zip is read by its central
// directory (at the end of the file) and messages.csv is read twice, so imports need files, not
// one pass over the request. The folder is removed when the request is done.
// The whole upload (every file of it) is capped: past the cap the request is refused with a 413
// problem before anything is imported.
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { HttpProblem, badRequest } from '../../http/problems.js';
import { megabytes } from '../../http/limits.js';
import type { DiskFile } from './pipeline.js';

export interface Upload {
  fields: Record<string, string>;
  files: DiskFile[];
  cleanup(): Promise<void>;
}

const tooLarge = (maxBytes: number) =>
  new HttpProblem(413, 'Payload Too Large', `the upload is larger than ${megabytes(maxBytes)}: nothing was imported`, [
    { field: 'file', message: `at most ${megabytes(maxBytes)} in all`, code: 'too_large' },
  ]);

/** Counts the bytes of the whole upload as they pass, and stops the stream past the cap. */
function budget(maxBytes: number, used: { bytes: number }) {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      used.bytes += chunk.length;
      if (used.bytes > maxBytes) done(tooLarge(maxBytes));
      else done(null, chunk);
    },
  });
}

/**
 * Receives the fields and files of a multipart upload. `capFor` gives the cap from the fields
 * sent before the first file (a backup restore, `source=json`, may be larger than an import);
 * `largestCap` is the most it can ever give.
 */
export async function receiveUpload(
  request: FastifyRequest,
  { capFor, largestCap, maxFiles = 10 }: { capFor: (fields: Record<string, string>) => number; largestCap: number; maxFiles?: number },
): Promise<Upload> {
  if (!request.isMultipart()) {
    throw new HttpProblem(415, 'Unsupported Media Type', 'send the file as multipart/form-data (fields: source, file, mapping)');
  }
  const dir = await mkdtemp(join(tmpdir(), 'circulo-upload-'));
  const cleanup = () => rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  const files: DiskFile[] = [];
  const used = { bytes: 0 };
  let maxBytes = largestCap;
  try {
    // fileSize stops one file at the largest cap even before the running total sees it.
    for await (const part of request.parts({ limits: { fileSize: largestCap + 1, files: maxFiles, fields: 20, fieldSize: 1_000_000 } })) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (files.length === 0) maxBytes = Math.min(capFor(fields), largestCap);
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw badRequest(part.fieldname, 'unexpected file field: send files as "file"');
      }
      const path = join(dir, `upload-${files.length}`);
      await pipeline(part.file, budget(maxBytes, used), createWriteStream(path));
      if (part.file.truncated) throw tooLarge(maxBytes);
      files.push({ name: basename(part.filename || `file ${files.length + 1}`), path });
    }
  } catch (error) {
    await cleanup();
    // @fastify/multipart's own "file too large" (413) becomes the same problem as ours.
    if ((error as { statusCode?: number }).statusCode === 413 && !(error instanceof HttpProblem)) throw tooLarge(maxBytes);
    throw error;
  }
  return { fields, files, cleanup };
}
