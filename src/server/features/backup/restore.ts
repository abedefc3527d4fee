// Restores a backup into an account, in one transaction: all of it or nothing. Records keep their
// ids unless another account's record already has it (the same backup restored into a second
// account); those get new ids, and every reference to them follows.
import { randomUUID } from 'node:crypto';
import { and, count, eq, sql } from 'drizzle-orm';
import type { BackupDocument, BackupSectionKey, RestoreReport } from '#shared/schemas/backup.js';
import { queryRows, refreshStatistics, type Db, type Tx } from '../../db/database.js';
import { accounts, users } from '../../db/schema.js';
import { HttpProblem } from '../../http/problems.js';
import type { BackupOwner } from './export-json.js';
import { remapTakenIds, type BackupRows } from './references.js';
import { accountColumn, backedUpColumns, isTimestamp, sections, type BackupSection } from './sections.js';
import { validateBackup } from './validate.js';

export interface RestoreOptions {
  /** Delete everything the account has first; without it, a non-empty account is refused. */
  replace: boolean;
  /** Where new ids come from (tests pass a predictable one). */
  newId?: () => string;
  /** Told how many records of a section are restored so far (the CLI shows it on a terminal). */
  onProgress?: (section: BackupSectionKey, restored: number, total: number) => void;
}

/**
 * Restores `input` (a parsed backup file: validated here) into the owner's account. Throws a
 * 400 problem naming the bad fields of an invalid backup, and a 409 for a non-empty account
 * without `replace`; in both cases nothing changes.
 */
export async function restoreBackup(db: Db, owner: BackupOwner, input: unknown, options: RestoreOptions): Promise<RestoreReport> {
  return restoreValidBackup(db, owner, validateBackup(input), options);
}

/** Restores a backup that validateBackup() accepted (the CLI checks the file before it opens the database). */
export async function restoreValidBackup(db: Db, owner: BackupOwner, backup: BackupDocument, options: RestoreOptions): Promise<RestoreReport> {
  const rows = backup as unknown as BackupRows;
  const report = await db.transaction(async (tx) => {
    // Two restores into one account at once would both find it empty.
    await tx.select({ id: accounts.id }).from(accounts).where(eq(accounts.id, owner.accountId)).for('update');
    if (!options.replace) await refuseUnlessEmpty(tx, owner.accountId);
    for (const section of deletionOrder(sections)) {
      await tx.delete(section.table).where(eq(accountColumn(section), owner.accountId));
    }
    const idsChanged = remapTakenIds(rows, sections, await takenIds(tx, rows), options.newId ?? randomUUID);

    const restored: Record<string, number> = {};
    const later: LaterReference[] = [];
    const done = new Set<BackupSectionKey>();
    for (const section of sections) {
      const list = rows[section.key] ?? [];
      await insertSection(tx, section, owner.accountId, list, done, later, (n) => options.onProgress?.(section.key, n, list.length));
      done.add(section.key);
      restored[section.key] = list.length;
    }
    await fillLaterReferences(tx, later);
    // Settings first: what afterRestore recomputes (keep-in-touch dates) depends on the
    // restored cadences and time zone.
    await restoreProfileAndSettings(tx, owner, backup);
    for (const section of sections) await section.afterRestore?.(tx, owner.accountId);
    return { replaced: options.replace, idsChanged, restored };
  });
  // A whole account arrived at once: fresh planner statistics (see refreshStatistics).
  if (Object.values(report.restored).reduce((a, b) => a + b, 0) >= 1_000) await refreshStatistics(db);
  return report;
}

async function refuseUnlessEmpty(tx: Tx, accountId: string) {
  const found: string[] = [];
  for (const section of sections) {
    const [row] = await tx
      .select({ n: count() })
      .from(section.table)
      .where(and(eq(accountColumn(section), accountId), section.content));
    if (row && row.n > 0) found.push(`${row.n} ${section.key}`);
  }
  if (found.length > 0) {
    throw new HttpProblem(
      409,
      'Account not empty',
      `This account already has data (${found.join(', ')}). Restoring would mix it with the backup: restore with replace=true (\`circulo restore --replace\`) to replace everything in it with the backup.`,
    );
  }
}

/**
 * Records that refer to others go first: deleting a favor makes PostgreSQL look for follow-ups
 * that point to it, a quick look once the account's follow-ups are already gone.
 */
export function deletionOrder(all: readonly BackupSection[]): BackupSection[] {
  const remaining = [...all];
  const order: BackupSection[] = [];
  while (remaining.length > 0) {
    const index = remaining.findIndex((s) => !remaining.some((other) => other !== s && Object.values(other.references).includes(s.key)));
    if (index < 0) throw new Error('backup sections refer to each other in a cycle');
    order.push(...remaining.splice(index, 1));
  }
  return order;
}

/** Ids of the backup that records of other accounts already use, per section. */
async function takenIds(tx: Tx, rows: BackupRows): Promise<Map<BackupSectionKey, Set<string>>> {
  const taken = new Map<BackupSectionKey, Set<string>>();
  for (const section of sections.filter((s) => s.hasIds)) {
    const ids = (rows[section.key] ?? []).map((row) => row.id as string);
    const found = new Set<string>();
    for (let i = 0; i < ids.length; i += 5000) {
      const chunk = ids.slice(i, i + 5000).join(',');
      const hits = await queryRows<{ id: string }>(tx, sql`select id::text as id from ${section.table} where id = any(string_to_array(${chunk}, ',')::uuid[])`);
      hits.forEach((hit) => found.add(hit.id));
    }
    taken.set(section.key, found);
  }
  return taken;
}

/** A reference to a record restored later (or in a later batch): stored once that record exists. */
interface LaterReference {
  section: BackupSection;
  field: string;
  pairs: [id: string, target: string][];
}

async function insertSection(
  tx: Tx,
  section: BackupSection,
  accountId: string,
  list: Record<string, unknown>[],
  done: Set<BackupSectionKey>,
  later: LaterReference[],
  onProgress: (restored: number) => void,
) {
  if (list.length === 0) return;
  const columns = backedUpColumns(section);
  const deferred = Object.entries(section.references)
    .filter(([field, target]) => (target === section.key || !done.has(target)) && columns.some(([key]) => key === field))
    .map(([field]) => ({ section, field, pairs: [] as [string, string][] }));
  if (deferred.length > 0 && !section.hasIds) throw new Error(`backup: ${section.key} refers to a later section but has no ids to update by`);
  later.push(...deferred);

  // PostgreSQL takes at most 65,535 parameters a statement.
  const batchSize = Math.min(1000, Math.floor(30_000 / (columns.length + 1)));
  for (let start = 0; start < list.length; start += batchSize) {
    const batch = list.slice(start, start + batchSize);
    const values = batch.map((row) => {
      const value: Record<string, unknown> = { accountId };
      for (const [key, column] of columns) {
        const v = row[key];
        value[key] = v !== null && v !== undefined && isTimestamp(column) ? new Date(v as string) : v;
      }
      for (const d of deferred) {
        if (row[d.field] !== null && row[d.field] !== undefined) d.pairs.push([row.id as string, row[d.field] as string]);
        value[d.field] = null;
      }
      return value;
    });
    await tx.insert(section.table).values(values as never);
    await section.storeComputed?.(tx, accountId, batch);
    onProgress(start + batch.length);
  }
}

async function fillLaterReferences(tx: Tx, later: LaterReference[]) {
  for (const { section, field, pairs } of later) {
    const columns = new Map(backedUpColumns(section));
    const column = columns.get(field)!;
    const id = columns.get('id')!;
    for (let i = 0; i < pairs.length; i += 1000) {
      const values = pairs.slice(i, i + 1000).map(([rowId, target]) => sql`(${rowId}::uuid, ${target}::uuid)`);
      await tx.execute(sql`update ${section.table} set ${sql.identifier(column.name)} = v.target
        from (values ${sql.join(values, sql`, `)}) as v(id, target) where ${id} = v.id`);
    }
  }
}

async function restoreProfileAndSettings(tx: Tx, owner: BackupOwner, backup: BackupDocument) {
  await tx.update(users).set(backup.profile).where(eq(users.id, owner.userId));
  const { cadences, followupDelays } = backup.settings;
  await tx
    .update(accounts)
    .set({
      cadencePersonalDays: cadences.personal,
      cadenceProfessionalDays: cadences.professional,
      cadenceOpportunityDays: cadences.opportunity,
      thankYouDelayDays: followupDelays.thankYouDays,
      outcomeReportDelayDays: followupDelays.outcomeReportDays,
    })
    .where(eq(accounts.id, owner.accountId));
}
