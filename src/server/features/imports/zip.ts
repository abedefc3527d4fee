// The LinkedIn export arrives as a zip. yauzl reads it from disk through its central directory,
// so a truncated download is refused before anything is imported, and each entry is streamed
// (and can be streamed again: owner detection reads messages.csv twice).
import { open as openFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { ImportError } from './errors.js';

/** A file to import: an upload, a file on disk or an entry of a zip. */
export interface ImportFile {
  /** The name to show in the report and in errors. */
  name: string;
  open(): Promise<Readable>;
}

/** No LinkedIn export file comes near this: a bigger entry is a zip bomb or not an export. */
const MAX_ENTRY_BYTES = 2 * 1024 ** 3;

export async function isZipFile(path: string): Promise<boolean> {
  const handle = await openFile(path, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4), 0, 4, 0);
    return bytesRead === 4 && buffer.readUInt32LE(0) === 0x04034b50;
  } finally {
    await handle.close();
  }
}

function damaged(zipName: string, error: unknown): ImportError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ImportError('zip', `the zip file is damaged or incomplete (was the download cut short?): ${detail}`, zipName);
}

export interface OpenZip {
  files: ImportFile[];
  close(): void;
}

export async function openZip(path: string, zipName: string): Promise<OpenZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zipfile) =>
      error || !zipfile ? reject(damaged(zipName, error)) : resolve(zipfile),
    ),
  );
  const entries: yauzl.Entry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        const isDirectory = entry.fileName.endsWith('/');
        if (!isDirectory && !entry.fileName.startsWith('__MACOSX/')) entries.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (error: unknown) => reject(damaged(zipName, error)));
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  const files = entries.map((entry): ImportFile => ({
    name: basename(entry.fileName),
    open: () => {
      if (entry.uncompressedSize > MAX_ENTRY_BYTES) return Promise.reject(new ImportError('too_large', 'this file in the zip is too large', entry.fileName));
      return new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(damaged(zipName, error)) : resolve(stream))),
      );
    },
  }));
  return { files, close: () => zip.close() };
}
