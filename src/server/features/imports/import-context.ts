// What every step of one import shares: the transaction, the caller, the contact batcher, the
// report, and how to read a file as text or CSV records.
import type { Tx } from '../../db/database.js';
import type { UserContext } from '../settings/user-context.js';
import type { ContactBatcher } from './contact-batcher.js';
import type { ContactDraft } from './contact-draft.js';
import { csvRows, type CsvRow } from './csv-records.js';
import type { Parsed } from './parsers/parsed.js';
import type { ReportBuilder } from './report.js';
import { decodeText } from './text.js';
import type { ImportFile } from './zip.js';

/** Told every few thousand records (the CLI draws a progress line from it). */
export type ImportProgress = (file: string, records: number) => void;

export interface ImportContext {
  tx: Tx;
  user: UserContext;
  /** The importing user's name: a hint for recognising the owner of a LinkedIn export. */
  userName: string | null;
  batcher: ContactBatcher;
  report: ReportBuilder;
  progress: ImportProgress;
  /** Contacts a touch was added to or found on (messages): finishImport() refreshes them. */
  touchedContacts: Set<string>;
}

export async function readText(file: ImportFile): Promise<AsyncGenerator<string>> {
  return decodeText(await file.open(), file.name);
}

export async function readCsv(file: ImportFile): Promise<AsyncGenerator<CsvRow>> {
  return csvRows(await readText(file), file.name);
}

/** Progress is told every this many records. */
export const PROGRESS_EVERY = 1_000;

/** Feeds parsed contact drafts to the batcher, skips and warnings to the report. */
export async function importDrafts(ctx: ImportContext, file: string, parsed: AsyncIterable<Parsed<ContactDraft>>) {
  let count = 0;
  for await (const item of parsed) {
    if (++count % PROGRESS_EVERY === 0) ctx.progress(file, count);
    if (item.kind === 'skip') {
      ctx.report.skip(file, item.at, item.code, item.reason);
      continue;
    }
    ctx.report.warnAt(file, item.at, item.warnings);
    await ctx.batcher.add(item.value);
  }
  ctx.progress(file, count);
}
