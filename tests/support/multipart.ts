// Multipart uploads (imports) as a logged-in user (the session cookie and CSRF header, as the web
// app sends them), or with any headers (an API token).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { App } from '../../src/server/http/context.js';
import type { ApiClient, Reply } from './client.js';

// Copied from the shared sample exports, so a fresh clone (CI) has them.
export const FIXTURES = join(process.cwd(), 'tests', 'fixtures');
export const fixture = (path: string) => readFileSync(join(FIXTURES, path));

export interface UploadFile {
  name: string;
  content: Buffer | string;
}

export interface Uploader {
  upload<T = any>(url: string, fields: Record<string, string>, files: UploadFile[]): Promise<Reply<T>>;
}

export async function uploaderFor(app: App, client: ApiClient): Promise<Uploader> {
  return uploaderWith(app, client.headers);
}

export function uploaderWith(app: App, headers: Record<string, string>): Uploader {
  return {
    async upload(url, fields, files) {
      const form = new FormData();
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      for (const file of files) form.append('file', new Blob([typeof file.content === 'string' ? file.content : new Uint8Array(file.content)]), file.name);
      const request = new Request('http://localhost/', { method: 'POST', body: form });
      const response = await app.inject({
        method: 'POST',
        url,
        headers: { ...headers, 'content-type': request.headers.get('content-type')! },
        payload: Buffer.from(await request.arrayBuffer()),
      });
      let body: unknown = response.body;
      try {
        body = JSON.parse(response.body);
      } catch {
        // not JSON
      }
      return { status: response.statusCode, body: body as never, headers: response.headers };
    },
  };
}

/** A zip of the given files, as LinkedIn sends its export. */
export async function zipOf(files: UploadFile[]): Promise<Buffer> {
  const { ZipFile } = await import('yazl');
  const zip = new ZipFile();
  for (const file of files) zip.addBuffer(Buffer.from(file.content), file.name);
  zip.end();
  const chunks: Buffer[] = [];
  for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}
