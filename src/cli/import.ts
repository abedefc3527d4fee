// `circulo import <linkedin|vcard|csv|ical|json> <path>`: the same import as the web app's, from a
// file, a folder (the unzipped LinkedIn export, or a folder of .vcf files) or the export zip.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { CsvMappingError, mappableFields, parseCsvMapping } from '../server/features/imports/csv-mapping.js';
import { ImportError } from '../server/features/imports/errors.js';
import { runImport, type DiskFile, type FileImportSource } from '../server/features/imports/pipeline.js';
import { restoreCommand, terminalProgress } from './backup.js';
import { formatReport, importMessagesFor } from './import-messages.js';
import { CliError, printJson, withDatabase } from './shared.js';
import { cliUser } from './user-context.js';

export interface ImportOptions {
  mapping?: string;
  email?: string;
  json?: boolean;
}

const extensions: Record<FileImportSource, string[]> = { linkedin: ['.csv', '.zip'], vcard: ['.vcf', '.vcard'], csv: ['.csv'], ical: ['.ics', '.ical', '.ifb'] };

/** A file is itself; a folder gives the files of the source's kind in it. */
async function filesAt(source: FileImportSource, path: string): Promise<DiskFile[]> {
  let info;
  try {
    info = await stat(path);
  } catch {
    throw new CliError(`Cannot read ${path}: no such file or folder.`);
  }
  if (!info.isDirectory()) return [{ name: basename(path), path }];
  const names = (await readdir(path)).filter((n) => extensions[source].includes(extname(n).toLowerCase())).sort();
  if (names.length === 0) throw new CliError(`${path} holds no ${extensions[source].join(' or ')} file.`);
  return names.map((name) => ({ name, path: join(path, name), inExport: true }));
}

async function mappingFrom(path: string | undefined) {
  if (!path) return undefined;
  try {
    return parseCsvMapping(await readFile(path, 'utf8'));
  } catch (error) {
    if (error instanceof CsvMappingError && error.kind === 'not_a_mapping') {
      throw new CliError(`--mapping: ${path} must map column names to one of ${mappableFields.join(', ')}.`);
    }
    throw new CliError(`--mapping: cannot read ${path} as JSON (${(error as Error).message}).`);
  }
}

export async function importCommand(source: string, path: string, options: ImportOptions) {
  // The JSON backup has its own command; `import json` is the same thing under the name the other imports use.
  if (source === 'json') return restoreCommand(path, { ...(options.email ? { email: options.email } : {}), ...(options.json ? { json: true } : {}) });
  if (!(source in extensions)) throw new CliError(`Unknown import source "${source}": use linkedin, vcard, csv, ical or json.`);
  const fileSource = source as FileImportSource;
  const files = await filesAt(fileSource, path);
  const mapping = await mappingFrom(options.mapping);
  const progress = terminalProgress();
  const { report, language } = await withDatabase(
    `circulo import ${source}`,
    async ({ db }) => {
      const user = await cliUser(db, options.email);
      const m = importMessagesFor(user.language);
      try {
        const report = await runImport(db, user, { source: fileSource, files, mapping, onProgress: (file, n) => progress.show(m.reading(file, n)) });
        return { report, language: user.language };
      } catch (error) {
        if (error instanceof ImportError) throw new CliError(`Nothing was imported. ${error.message}`);
        throw error;
      } finally {
        progress.clear();
      }
    },
    { writes: true },
  );
  if (options.json) printJson(report);
  else console.log(formatReport(report, importMessagesFor(language)));
}
