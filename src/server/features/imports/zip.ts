// The LinkedIn export arrives as a zip. yauzl reads it from disk through its central directory,
// so a truncated download is refused before anything is imported, and each entry is streamed
// (and can be streamed again: owner detection reads messages.csv twice).
// Nothing is ever extracted to disk, but a zip is still checked before anything is read: how many
// entries, how much they inflate to (a zip bomb declares, or hides, gigabytes), and names that
// climb out of the folder (`../`, `/etc/…`, `C:\…`).
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

/** A LinkedIn export holds a few dozen files. */
export const MAX_ZIP_ENTRIES = 1_000;
/**
 * What the entries may inflate to, together: a heavy user's export is ~100 MB unzipped. The sizes
 * are the ones the zip declares; yauzl (validateEntrySizes) stops an entry that inflates past its
 * declared size, so a zip cannot lie its way under the cap.
 */
export const MAX_ZIP_UNCOMPRESSED_BYTES = 1024 ** 3;

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

/** yauzl's refusals of a name that would climb out of the folder. */
const UNSAFE_NAME = /^(absolute path|invalid relative path|invalid characters in fileName)/;

function refusedEntry(zipName: string, error: unknown): ImportError {
  const detail = error instanceof Error ? error.message : String(error);
  if (UNSAFE_NAME.test(detail)) return new ImportError('unsafe_name', `the zip holds a file with an unsafe name (${detail.slice(0, 200)}): it is not a LinkedIn export`, zipName);
  return damaged(zipName, error);
}

const tooBig = (zipName: string, what: string) => new ImportError('too_large', `${what}: it is not a LinkedIn export (a zip bomb?)`, zipName);

export async function openZip(path: string, zipName: string): Promise<OpenZip> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.open(path, { lazyEntries: true, autoClose: false, validateEntrySizes: true, strictFileNames: false }, (error, zipfile) =>
      error || !zipfile ? reject(damaged(zipName, error)) : resolve(zipfile),
    ),
  );
  const entries: yauzl.Entry[] = [];
  try {
    if (zip.entryCount > MAX_ZIP_ENTRIES) throw tooBig(zipName, `the zip holds ${zip.entryCount} files, more than ${MAX_ZIP_ENTRIES}`);
    let uncompressed = 0;
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: yauzl.Entry) => {
        // Control characters have no place in a file name (they would forge lines in the report).
        if (/[\u0000-\u001f\u007f]/.test(entry.fileName)) return reject(new ImportError('unsafe_name', 'the zip holds a file whose name has control characters', zipName));
        uncompressed += entry.uncompressedSize;
        if (uncompressed > MAX_ZIP_UNCOMPRESSED_BYTES) {
          return reject(tooBig(zipName, `the zip unpacks to more than ${MAX_ZIP_UNCOMPRESSED_BYTES / 1024 ** 3} GB`));
        }
        const isDirectory = entry.fileName.endsWith('/');
        if (!isDirectory && !entry.fileName.startsWith('__MACOSX/')) entries.push(entry);
        zip.readEntry();
      });
      zip.once('end', () => resolve());
      zip.once('error', (error: unknown) => reject(refusedEntry(zipName, error)));
      zip.readEntry();
    });
  } catch (error) {
    zip.close();
    throw error;
  }
  const files = entries.map((entry): ImportFile => ({
    name: basename(entry.fileName),
    open: () =>
      new Promise<Readable>((resolve, reject) =>
        zip.openReadStream(entry, (error, stream) => (error || !stream ? reject(damaged(zipName, error)) : resolve(stream))),
      ),
  }));
  return { files, close: () => zip.close() };
}
