// Writes the backup of an account (the format of src/shared/schemas/backup.ts) as JSON text, one
// record per line. PostgreSQL itself turns each record into JSON (row_to_json), so a record is
// never built as an object in Node: the export streams in the memory of one batch.
import type { Readable } from 'node:stream';
import { eq, sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { BACKUP_FORMAT, BACKUP_VERSION, backupSections, type BackupDocument, type BackupSectionKey } from '#shared/schemas/backup.js';
import type { Db, Tx } from '../../db/database.js';
import { users } from '../../db/schema.js';
import { loadAccountSettings } from '../settings/cadences.js';
import { accountColumn, backedUpColumns, isTimestamp, sections, type BackupSection } from './sections.js';
import { cursorBatches, snapshotStream, type Write } from './snapshot-stream.js';

/** Whose backup: the account, and the user whose profile goes with it. */
export interface BackupOwner {
  accountId: string;
  userId: string;
}

/** Told how many records of a section are written so far (the CLI shows it on a terminal). */
export type BackupProgress = (section: BackupSectionKey, written: number) => void;

export function backupStream(db: Db, owner: BackupOwner, now: Date, onProgress?: BackupProgress): Readable {
  return snapshotStream(db, (tx, write) => writeBackup(tx, owner, now, write, onProgress));
}

export async function writeBackup(tx: Tx, owner: BackupOwner, now: Date, write: Write, onProgress?: BackupProgress) {
  const header: Pick<BackupDocument, 'format' | 'version' | 'exportedAt' | 'profile' | 'settings'> = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    profile: await loadProfile(tx, owner.userId),
    settings: await loadAccountSettings(tx, owner.accountId),
  };
  const opening = JSON.stringify(header);
  await write(`${opening.slice(0, -1)},\n`);
  for (const [index, section] of sections.entries()) {
    await write(`${JSON.stringify(section.key)}:[`);
    let written = 0;
    for await (const batch of cursorBatches<{ json: string }>(tx, sectionQuery(section, owner.accountId))) {
      const lines = batch.map((row) => row.json).join(',\n');
      await write(`${written === 0 ? '\n' : ',\n'}${lines}`);
      written += batch.length;
      onProgress?.(section.key, written);
    }
    const first = written === 0;
    await write(`${first ? '' : '\n'}]${index < sections.length - 1 ? ',\n' : '}\n'}`);
  }
}

async function loadProfile(tx: Tx, userId: string): Promise<BackupDocument['profile']> {
  const [u] = await tx.select().from(users).where(eq(users.id, userId));
  if (!u) throw new Error(`user ${userId} not found`);
  return {
    name: u.name,
    timeZone: u.timeZone,
    language: u.language,
    weeklyTarget: u.weeklyTarget,
    pitchShort: u.pitchShort,
    pitchLong: u.pitchLong,
    goals: u.goals,
    companies: u.companies,
    schools: u.schools,
    interests: u.interests,
    places: u.places,
    communities: u.communities,
  };
}

/** A column as the backup writes it: instants in UTC to the millisecond (as JavaScript reads them back), dates as `YYYY-MM-DD`. */
function jsonValue(column: PgColumn): SQL {
  if (isTimestamp(column)) return sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
  if (column.getSQLType() === 'date') return sql`to_char(${column}, 'YYYY-MM-DD')`;
  return sql`${column}`;
}

/** One JSON text per record, fields in the order of the format's row schema. */
export function sectionQuery(section: BackupSection, accountId: string): SQL {
  const columns = new Map(backedUpColumns(section));
  const fields = Object.keys(backupSections[section.key].shape).map((key) => {
    const column = columns.get(key);
    const value = column ? jsonValue(column) : section.computed?.[key];
    if (!value) throw new Error(`backup: ${section.key}.${key} is neither a column nor a computed field`);
    return sql`${value} as ${sql.identifier(key)}`;
  });
  return sql`select row_to_json(r)::text as json from (
    select ${sql.join(fields, sql`, `)} from ${section.table}
    where ${accountColumn(section)} = ${accountId}
    order by ${sql.join(section.orderBy, sql`, `)}) r`;
}
