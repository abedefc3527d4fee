// The trash (docs/domain.md, "Trash"): deleting a contact stores it and every row that went with
// it as JSON, then deletes them as before; restoring puts the rows back with their own ids. The
// database converts both ways (`to_jsonb`, `jsonb_populate_recordset`), so no column is mapped
// by hand and a column added to a table later is carried without a change here.
//
// A snapshot rather than a "trashed" flag on contacts: with a flag, every query that reads
// contacts, touches, follow-ups, favors, events or campaigns would have to skip trashed ones,
// and one that forgot would show a deleted person. Here the live tables never hold them.
import { getTableColumns, getTableName, sql, type SQL } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { queryRows, type Tx } from '../../db/database.js';
import { campaignMembers, campaigns, contactRelationships, contacts, contactTrash, eventAttendees, events, favors, followups, interactionContacts, interactions, invitations, stageChanges } from '../../db/schema.js';

/** How long a deleted contact can be restored. */
export const TRASH_DAYS = 30;
const DAY_MS = 86_400_000;

interface Part {
  table: PgTable;
  /** The rows that belong to the deleted contact `$id` (a condition on the table's alias `t`). */
  rows: (accountId: string, id: string) => SQL;
  /** Reference columns → the table they point at: a row whose target is gone is not restored. */
  requires?: Record<string, PgTable>;
  /** Reference columns that become null instead when their target is gone (ON DELETE SET NULL ones). */
  nullable?: Record<string, PgTable>;
  /** Columns copied from a live row, taken from it again instead of the snapshot (`r` is the row). */
  current?: Record<string, (accountId: string) => SQL>;
}

const onlyWithThem = (accountId: string, id: string) => sql`t.account_id = ${accountId} and t.id in (
  select ic.interaction_id from interaction_contacts ic where ic.account_id = ${accountId} and ic.contact_id = ${id}
    and not exists (select 1 from interaction_contacts o where o.interaction_id = ic.interaction_id and o.contact_id <> ${id}))`;
const ofContact = (accountId: string, id: string) => sql`t.account_id = ${accountId} and t.contact_id = ${id}`;

/** In restore order: a row's targets come before it. */
const parts: Part[] = [
  { table: contacts, rows: (a, id) => sql`t.account_id = ${a} and t.id = ${id}`, nullable: { met_at_event_id: events, introduced_by_id: contacts } },
  { table: interactions, rows: onlyWithThem },
  {
    table: interactionContacts,
    rows: ofContact,
    requires: { interaction_id: interactions, contact_id: contacts },
    // A touch shared with others stays while they are in the trash, and may be moved meanwhile.
    current: { occurred_at: (a) => sql`(select i.occurred_at from interactions i where i.account_id = ${a} and i.id = r.interaction_id)` },
  },
  { table: favors, rows: ofContact, requires: { contact_id: contacts }, nullable: { introduced_to_id: contacts } },
  { table: invitations, rows: ofContact, requires: { contact_id: contacts } },
  {
    table: followups,
    // Follow-ups of their favors too (removed with the favors by cascade).
    rows: (a, id) => sql`t.account_id = ${a} and (t.contact_id = ${id} or t.favor_id in (select f.id from favors f where f.account_id = ${a} and f.contact_id = ${id}))`,
    requires: { contact_id: contacts, favor_id: favors, event_id: events, campaign_id: campaigns, invitation_id: invitations },
  },
  { table: stageChanges, rows: ofContact, requires: { contact_id: contacts } },
  { table: eventAttendees, rows: ofContact, requires: { event_id: events, contact_id: contacts } },
  { table: campaignMembers, rows: ofContact, requires: { campaign_id: campaigns, contact_id: contacts } },
  // Ties typed between them and another contact (the other must still exist to restore one).
  {
    table: contactRelationships,
    rows: (a, id) => sql`t.account_id = ${a} and (t.contact_a_id = ${id} or t.contact_b_id = ${id})`,
    requires: { contact_a_id: contacts, contact_b_id: contacts },
  },
];

/** Links from other records to them that their deletion sets to null, put back on restore. */
const links = [
  { table: contacts, column: 'introduced_by_id' },
  { table: favors, column: 'introduced_to_id' },
] as const;

/** Columns the database computes (generated, identity): left for it to fill again. */
const COMPUTED = new Set(['search_text', 'seq']);
const columnsOf = (table: PgTable) =>
  Object.values(getTableColumns(table))
    .map((c) => c.name)
    .filter((name) => !COMPUTED.has(name));
const ident = (name: string) => sql.identifier(name);

type Snapshot = Record<string, unknown[]>;

/**
 * Moves one contact to the trash inside the caller's transaction: stores the snapshot; the
 * caller then deletes as it always has. Old trash is purged on the way.
 */
export async function snapshotToTrash(tx: Tx, accountId: string, id: string, now: Date): Promise<void> {
  const snapshot: Snapshot = {};
  for (const part of parts) {
    const name = getTableName(part.table);
    const [row] = await queryRows<{ rows: unknown[] }>(
      tx,
      sql`select coalesce(jsonb_agg(to_jsonb(t)), '[]'::jsonb) as rows from ${ident(name)} t where ${part.rows(accountId, id)}`,
    );
    snapshot[name] = row!.rows;
  }
  for (const link of links) {
    const name = getTableName(link.table);
    const [row] = await queryRows<{ ids: string[] }>(
      tx,
      sql`select coalesce(array_agg(t.id), '{}') as ids from ${ident(name)} t where t.account_id = ${accountId} and ${ident(link.column)} = ${id}`,
    );
    snapshot[`${name}.${link.column}`] = row!.ids;
  }
  const contact = snapshot.contacts?.[0] as { display_name?: string } | undefined;
  await tx.insert(contactTrash).values({ accountId, contactId: id, displayName: contact?.display_name ?? '', deletedAt: now, snapshot });
  await purgeTrash(tx, accountId, now);
}

/** Puts a snapshot's rows back; false when the contact's id is taken again (it was restored). */
export async function restoreSnapshot(tx: Tx, accountId: string, snapshot: Snapshot): Promise<boolean> {
  for (const part of parts) {
    const name = getTableName(part.table);
    const rows = (snapshot[name] ?? []).filter((row) => (row as { account_id?: string }).account_id === accountId);
    if (rows.length === 0) continue;
    const columns = columnsOf(part.table);
    const values = columns.map((column) => {
      const current = part.current?.[column];
      if (current) return current(accountId);
      const target = part.nullable?.[column];
      if (!target) return sql`r.${ident(column)}`;
      return sql`case when exists (select 1 from ${ident(getTableName(target))} x where x.account_id = ${accountId} and x.id = r.${ident(column)}) then r.${ident(column)} end`;
    });
    const required = Object.entries(part.requires ?? {}).map(
      ([column, target]) =>
        sql`(r.${ident(column)} is null or exists (select 1 from ${ident(getTableName(target))} x where x.account_id = ${accountId} and x.id = r.${ident(column)}))`,
    );
    const inserted = await queryRows<{ n: number }>(
      tx,
      sql`with added as (
        insert into ${ident(name)} (${sql.join(columns.map(ident), sql`, `)})
        select ${sql.join(values, sql`, `)} from jsonb_populate_recordset(null::${ident(name)}, ${JSON.stringify(rows)}::jsonb) r
        where ${required.length > 0 ? sql.join(required, sql` and `) : sql`true`}
        on conflict do nothing returning 1)
      select count(*)::int as n from added`,
    );
    if (name === 'contacts' && inserted[0]!.n === 0) return false;
  }
  const contactId = (snapshot.contacts?.[0] as { id: string }).id;
  for (const link of links) {
    const name = getTableName(link.table);
    const ids = (snapshot[`${name}.${link.column}`] ?? []) as string[];
    if (ids.length === 0) continue;
    await tx.execute(
      sql`update ${ident(name)} set ${ident(link.column)} = ${contactId}
        where account_id = ${accountId} and id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid) and ${ident(link.column)} is null and id <> ${contactId}`,
    );
  }
  return true;
}

/** Trash older than TRASH_DAYS by the app's clock is gone for good. */
export async function purgeTrash(tx: Tx, accountId: string, now: Date): Promise<number> {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`delete from ${contactTrash} where account_id = ${accountId} and deleted_at < ${new Date(now.getTime() - TRASH_DAYS * DAY_MS).toISOString()}::timestamptz returning id`,
  );
  return rows.length;
}
