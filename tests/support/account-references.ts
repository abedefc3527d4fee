// The references between an account's rows, read from the schema: the tests of the composite
// keys and of the migration that repairs old rows are generated from this list.
import { is } from 'drizzle-orm';
import { getTableConfig, PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import * as schema from '../../src/server/db/schema.js';

export interface Reference {
  name: string;
  table: string;
  columns: string[];
  target: string;
  targetColumns: string[];
  /** As declared in the schema: 'cascade', or `set null ("<column>")` for the column alone. */
  onDelete: string;
  /** The reference column (the one that is not account_id). */
  column: PgColumn;
  /** Its table's primary key columns: how a row is found again after an update. */
  primaryKey: string[];
}

export const tables: PgTable[] = (Object.values(schema) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
export const nameOf = (table: PgTable) => getTableConfig(table).name;
const isAccountOwned = (table: PgTable) => getTableConfig(table).columns.some((c) => c.name === 'account_id');
export const ownedTables = new Set(tables.filter(isAccountOwned).map(nameOf));

/** Every foreign key of the schema between two account-owned tables (not those to `accounts`). */
export const foreignKeys: Reference[] = tables.flatMap((table) => {
  const config = getTableConfig(table);
  const primaryKey = config.primaryKeys[0]?.columns.map((c) => c.name) ?? config.columns.filter((c) => c.primary).map((c) => c.name);
  return config.foreignKeys
    .map((fk) => ({ fk, ref: fk.reference() }))
    .filter(({ ref }) => ownedTables.has(config.name) && ownedTables.has(nameOf(ref.foreignTable)))
    .map(({ fk, ref }) => ({
      name: fk.getName(),
      table: config.name,
      columns: ref.columns.map((c) => c.name),
      target: nameOf(ref.foreignTable),
      targetColumns: ref.foreignColumns.map((c) => c.name),
      onDelete: fk.onDelete ?? 'no action',
      column: ref.columns.find((c) => c.name !== 'account_id') ?? ref.columns[0]!,
      primaryKey,
    }));
});

/**
 * The references kept by statement-level triggers instead of foreign keys (migration 0029,
 * docs/architecture.md#database): a link's touch and contact. The same tests run on them, and the
 * triggers' errors name these constraints.
 */
export const checkedByTriggers: Reference[] = [
  { name: 'interaction_contacts_interaction_id_fk', target: 'interactions', column: schema.interactionContacts.interactionId },
  { name: 'interaction_contacts_contact_id_fk', target: 'contacts', column: schema.interactionContacts.contactId },
].map(({ name, target, column }) => ({
  name,
  table: 'interaction_contacts',
  columns: ['account_id', column.name],
  target,
  targetColumns: ['account_id', 'id'],
  onDelete: 'cascade',
  column,
  primaryKey: ['interaction_id', 'contact_id'],
}));

/** Every reference between two account-owned tables, kept by a foreign key or by triggers. */
export const references: Reference[] = [...foreignKeys, ...checkedByTriggers];

/** The PostgreSQL error behind a failed query (drizzle wraps it in `cause`). */
export function databaseError(error: unknown): { code?: string; constraint?: string; message: string } {
  let current = error as { code?: string; constraint?: string; message: string; cause?: unknown } | undefined;
  while (current && current.code === undefined && current.cause) current = current.cause as typeof current;
  return current ?? { message: String(error) };
}
