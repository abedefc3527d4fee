// Runs one import: the files are resolved (a zip is opened and checked first), then everything
// happens in ONE transaction: a file refused halfway (an ImportError) rolls back what the import
// had already written, so a malformed file changes nothing. Imports into one account run one at
// a time (an advisory lock), so two uploads of the same file cannot both create its contacts.
import { eq, sql } from 'drizzle-orm';
import type { CsvMapping, ImportReport } from '#shared/schemas/imports.js';
import { refreshStatistics, type Db, type Tx } from '../../db/database.js';
import { refreshContacts } from '../contacts/derived.js';
import { users } from '../../db/schema.js';
import type { UserContext } from '../settings/user-context.js';
import { refreshLastInteraction } from '../interactions/queries.js';
import { ContactBatcher } from './contact-batcher.js';
import { ImportError } from './errors.js';
import { importDrafts, readCsv, readText, type ImportContext, type ImportProgress } from './import-context.js';
import { importLinkedin } from './linkedin-import.js';
import { parseContactsCsv } from './parsers/contacts-csv.js';
import { parseVcards } from './parsers/vcard.js';
import { ReportBuilder } from './report.js';
import { isZipFile, openZip, type ImportFile, type OpenZip } from './zip.js';
import { createReadStream } from 'node:fs';

/** The sources this pipeline imports (`json`, the backup, is restored by the backup feature). */
export type FileImportSource = 'linkedin' | 'vcard' | 'csv';

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
};

/**
 * The one place where an import's transaction ends, with every contact it affected: `changed`,
 * the contacts it created or changed (fields, e-mails, phones, names); `touched`, the contacts
 * whose touches it may have changed (messages). Values derived from those (the last touch here;
 * any stored keep-in-touch date or duplicate key) are refreshed here, with set-based statements.
 */
async function finishImport(tx: Tx, user: UserContext, contacts: { changed: string[]; touched: string[] }) {
  // What is stored per contact and derived from its fields or touches (features/contacts/derived.ts:
  // last touch, keep-in-touch dates, matching keys) gets its one set-based refresh here.
  await refreshLastInteraction(tx, user.accountId, contacts.touched);
  await refreshContacts(tx, user.accountId, contacts.changed);
}

async function resolveFiles(request: ImportRequest, opened: OpenZip[]): Promise<ResolvedFile[]> {
  if (request.files.length === 0) throw new ImportError('empty', 'no file to import');
  const resolved: ResolvedFile[] = [];
  for (const disk of request.files) {
    if (await isZipFile(disk.path)) {
      if (request.source !== 'linkedin') throw new ImportError('wrong_format', `this is a zip file; a ${request.source === 'vcard' ? '.vcf' : '.csv'} file was expected`, disk.name);
      const zip = await openZip(disk.path, disk.name);
      opened.push(zip);
      resolved.push(...zip.files.map((file) => ({ file, inExport: true })));
    } else {
      resolved.push({ file: { name: disk.name, open: async () => createReadStream(disk.path) }, inExport: disk.inExport ?? false });
    }
  }
  return resolved;
}

export async function runImport(db: Db, user: UserContext, request: ImportRequest): Promise<ImportReport> {
  const opened: OpenZip[] = [];
  try {
    const files = await resolveFiles(request, opened);
    const report = await db.transaction(async (tx) => {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`circulo-import:${user.accountId}`}))`);
      const [me] = await tx.select({ name: users.name }).from(users).where(eq(users.id, user.userId));
      const batcher = await ContactBatcher.open(tx, user.accountId, user.now);
      const report = new ReportBuilder(request.source);
      const ctx: ImportContext = { tx, user, userName: me?.name ?? null, batcher, report, progress: request.onProgress ?? (() => {}), touchedContacts: new Set() };
      await importers[request.source](ctx, files, request);
      await batcher.flush();
      await finishImport(tx, user, { changed: batcher.changedIds(), touched: [...ctx.touchedContacts] });
      return report.build(batcher.counts());
    });
    // Thousands of new rows change the best plans (search by trigram index…); PGlite has no
    // autovacuum to notice, so tell the planner now rather than at the next start.
    const written = report.created + report.updated + report.interactions.created + report.invitations.created;
    if (written >= 1_000) await refreshStatistics(db);
    return report;
  } finally {
    for (const zip of opened) zip.close();
  }
}
