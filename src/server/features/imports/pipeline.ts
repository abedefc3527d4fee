// Runs one import: the files are resolved (a zip is opened and checked first), then everything
// happens in ONE transaction: a file refused halfway (an ImportError) rolls back what the import
// had already written, so a malformed file changes nothing. Imports into one account run one at
// a time (an advisory lock), so two uploads of the same file cannot both create its contacts.
import { eq, sql } from 'drizzle-orm';
import type { CsvMapping, ImportReport } from '#shared/schemas/imports.js';
import { refreshStatistics, type Db, type Tx } from '../../db/database.js';
import { refreshKeepInTouch, refreshMatchKeys, type KeyFields } from '../contacts/derived.js';
import { users } from '../../db/schema.js';
import type { UserContext } from '../settings/user-context.js';
import { refreshLastInteraction } from '../interactions/queries.js';
import { ContactBatcher } from './contact-batcher.js';
import { ImportError } from './errors.js';
import { importDrafts, readCsv, readText, type ImportContext, type ImportProgress } from './import-context.js';
import { importLinkedin } from './linkedin-import.js';
import { importCalendar, type TouchCounts } from '../calendar-import/touches.js';
import { parseContactsCsv } from './parsers/contacts-csv.js';
import { parseVcards } from './parsers/vcard.js';
import { ReportBuilder } from './report.js';
import { isZipFile, openZip, type ImportFile, type OpenZip } from './zip.js';
import { createReadStream } from 'node:fs';

/** The sources this pipeline imports (`json`, the backup, is restored by the backup feature). */
export type FileImportSource = 'linkedin' | 'vcard' | 'csv' | 'ical';

/** A file on disk: an upload spooled to a temporary file, or a path given to the CLI. */
export interface DiskFile {
  /** The name the user knows it by. */
  name: string;
  path: string;
  /** One of many files of an export folder: a file it does not know is passed over, not refused. */
  inExport?: boolean;
}

export interface ImportRequest {
  source: FileImportSource;
  files: DiskFile[];
  /** Generic CSV only: which column holds which contact field. */
  mapping?: CsvMapping | undefined;
  onProgress?: ImportProgress;
}

type ResolvedFile = { file: ImportFile; inExport: boolean };

const importers: Record<FileImportSource, (ctx: ImportContext, files: ResolvedFile[], request: ImportRequest) => Promise<void>> = {
  linkedin: (ctx, files) => importLinkedin(ctx, files),
  vcard: async (ctx, files) => {
    for (const { file } of files) await importDrafts(ctx, file.name, parseVcards(await readText(file), file.name));
  },
  csv: async (ctx, files, request) => {
    for (const { file } of files) await importDrafts(ctx, file.name, parseContactsCsv(await readCsv(file), { mapping: request.mapping, file: file.name }));
  },
  // A calendar is read whole: ical.js parses a document, and expanding a recurring meeting needs
  // its exceptions, which may come anywhere in the file. Uploads are capped (http/limits.ts).
  ical: async (ctx, files) => {
    for (const { file } of files) await importCalendar(ctx, file.name, await readWhole(file));
  },
};

async function readWhole(file: ImportFile): Promise<string> {
  let text = '';
  for await (const chunk of await readText(file)) text += chunk;
  return text;
}

/**
 * The one place where an import's transaction ends, with every contact it affected: `changed`,
 * the contacts it created or changed (fields, e-mails, phones, names), of which `created` were
 * inserted by it and `rewritten` were updated; `touched`, the contacts whose touches it may have
 * changed (messages). Values derived from those (the last touch here; any stored keep-in-touch
 * date or duplicate key) are refreshed here, with set-based statements.
 */
async function finishImport(
  tx: Tx,
  user: UserContext,
  contacts: { changed: string[]; created: ReadonlySet<string>; rewritten: string[]; touched: string[]; written: ReadonlyMap<string, KeyFields> },
) {
  // What is stored per contact and derived from its fields or touches (features/contacts/derived.ts:
  // last touch, keep-in-touch dates, matching keys) gets its one set-based refresh here. A contact
  // inserted and not written since has its keep-in-touch dates from the insert (contact-writes.ts):
  // refreshing them would rewrite every new row for nothing (30,000 rows for a LinkedIn export).
  await refreshLastInteraction(tx, user.accountId, contacts.touched);
  const touched = new Set(contacts.touched);
  await refreshKeepInTouch(tx, user.accountId, contacts.rewritten.filter((id) => !touched.has(id)));
  await refreshMatchKeys(tx, user.accountId, contacts.changed, { created: contacts.created, written: contacts.written });
}

const expectedExtension: Record<FileImportSource, string> = { linkedin: '.zip', vcard: '.vcf', csv: '.csv', ical: '.ics' };

async function resolveFiles(request: ImportRequest, opened: OpenZip[]): Promise<ResolvedFile[]> {
  if (request.files.length === 0) throw new ImportError('empty', 'no file to import');
  const resolved: ResolvedFile[] = [];
  for (const disk of request.files) {
    if (await isZipFile(disk.path)) {
      if (request.source !== 'linkedin') throw new ImportError('wrong_format', `this is a zip file; a ${expectedExtension[request.source]} file was expected`, disk.name);
      const zip = await openZip(disk.path, disk.name);
      opened.push(zip);
      resolved.push(...zip.files.map((file) => ({ file, inExport: true })));
    } else {
      resolved.push({ file: { name: disk.name, open: async () => createReadStream(disk.path) }, inExport: disk.inExport ?? false });
    }
  }
  return resolved;
}

/** One import's transaction: the per-account lock, the shared context, then finishImport(). */
async function inImportTransaction(db: Db, user: UserContext, source: FileImportSource, onProgress: ImportProgress | undefined, work: (ctx: ImportContext) => Promise<void>): Promise<ImportReport> {
  const report = await db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`circulo-import:${user.accountId}`}))`);
    const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, user.userId));
    const batcher = await ContactBatcher.open(tx, user.accountId, user.now);
    const report = new ReportBuilder(source);
    const ctx: ImportContext = { tx, user, userName: me?.name ?? null, batcher, report, progress: onProgress ?? (() => {}), touchedContacts: new Set() };
    await work(ctx);
    await batcher.flush();
    await finishImport(tx, user, { changed: batcher.changedIds(), created: batcher.createdIds(), rewritten: batcher.rewrittenIds(), touched: [...ctx.touchedContacts], written: batcher.writtenKeyFields() });
    return report.build(batcher.counts());
  });
  await refreshStatistics(db, statisticsToRefresh(report));
  return report;
}

/** The stored keep-in-touch columns (contacts/derived.ts) a new touch can change. */
const TOUCHED_CONTACT_COLUMNS = 'contacts (last_interaction_at, keep_in_touch_base, keep_in_touch_cadence, keep_in_touch_due_on)';

/**
 * What to ANALYZE after an import. Thousands of new rows change the best plans (search by trigram
 * index…) and PGlite has no autovacuum to notice, so the planner is told now rather than at the
 * next start; only about the tables the import wrote, and of contacts that only gained touches,
 * only the columns the touches changed.
 */
export function statisticsToRefresh(report: ImportReport): string[] {
  const contacts = report.created + report.updated;
  const { interactions, invitations } = report;
  if (contacts + interactions.created + invitations.created < 1_000) return [];
  const targets: string[] = [];
  if (contacts > 0) targets.push('contacts');
  else if (interactions.created > 0) targets.push(TOUCHED_CONTACT_COLUMNS);
  if (interactions.created > 0) targets.push('interactions', 'interaction_contacts');
  if (invitations.created > 0) targets.push('invitations');
  return targets;
}

export async function runImport(db: Db, user: UserContext, request: ImportRequest): Promise<ImportReport> {
  const opened: OpenZip[] = [];
  try {
    const files = await resolveFiles(request, opened);
    return await inImportTransaction(db, user, request.source, request.onProgress, (ctx) => importers[request.source](ctx, files, request));
  } finally {
    for (const zip of opened) zip.close();
  }
}

/** A calendar already in memory (a subscription's fetch), imported as an uploaded .ics would be. */
export async function runCalendarImport(db: Db, user: UserContext, name: string, text: string): Promise<{ report: ImportReport; counts: TouchCounts }> {
  let counts: TouchCounts = { created: 0, updated: 0, removed: 0 };
  const report = await inImportTransaction(db, user, 'ical', undefined, async (ctx) => {
    counts = await importCalendar(ctx, name, text);
  });
  return { report, counts };
}
