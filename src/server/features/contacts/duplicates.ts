// Possible duplicates among the contacts already in an account, found with the keys imports
// match on (src/shared/rules/contact-keys.ts): the same LinkedIn profile, e-mail, phone, or name
// and company; and, as a weaker hint, the same full name when nothing contradicts it. The pairs are
// judged when contacts are written and stored (duplicate_pairs, features/contacts/duplicate-pairs.ts),
// so a page is one range of an index: no grouping of the account's keys on every request.
import { inArray, sql } from 'drizzle-orm';
import { duplicateReasons, type DuplicatePage, type DuplicateReason, type DuplicateSide } from '#shared/schemas/duplicates.js';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import { mergeable } from './merge-duplicates.js';
import { contacts, duplicatePairs, favors, followups, interactionContacts } from '../../db/schema.js';
import { ensureMatchKeysCurrent } from './derived.js';
import { ensureDuplicatePairsCurrent } from './duplicate-pairs.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import type { Circle, ContactKind, ContactSource, Stage } from '#shared/enums.js';

interface PairRow {
  a_id: string;
  b_id: string;
  reasons: string[];
  sort_name: string;
}

export async function findDuplicates(db: Db, accountId: string, query: { limit: number; cursor?: string | undefined }): Promise<DuplicatePage> {
  const cursor = decodeCursor(query.cursor, ['text', 'uuid', 'uuid']);
  return db.transaction(async (tx) => {
    await ensureMatchKeysCurrent(tx, accountId);
    await ensureDuplicatePairsCurrent(tx, accountId);
    return duplicatePage(tx, accountId, cursor, query.limit);
  });
}

async function duplicatePage(db: Tx, accountId: string, cursor: (string | number | null)[] | null, limit: number): Promise<DuplicatePage> {
  const after = cursor
    ? sql`and (sort_name, a_id, b_id) > (${String(cursor[0])}, ${String(cursor[1])}::uuid, ${String(cursor[2])}::uuid)`
    : sql``;
  const rows = await queryRows<PairRow>(db, sql`
    select a_id, b_id, reasons, sort_name from ${duplicatePairs}
    where account_id = ${accountId} ${after}
    order by sort_name, a_id, b_id
    limit ${limit + 1}`);
  const [count] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from ${duplicatePairs} where account_id = ${accountId}`);
  const total = count?.total ?? 0;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  const sides = await loadSides(db, accountId, page.flatMap((r) => [r.a_id, r.b_id]));
  return {
    items: page.map((r) => ({
      reasons: duplicateReasons.filter((reason) => r.reasons.includes(reason)) as DuplicateReason[],
      contacts: [sides.get(r.a_id)!, sides.get(r.b_id)!],
    })),
    nextCursor: rows.length > limit && last ? encodeCursor([last.sort_name, last.a_id, last.b_id]) : null,
    total,
  };
}

async function loadSides(db: Tx, accountId: string, ids: string[]): Promise<Map<string, DuplicateSide>> {
  if (ids.length === 0) return new Map();
  // Drizzle writes a column in a select list unqualified ("id"), which inside these subqueries
  // named the subquery's own id (f.id) and counted nothing: the outer row is named in full.
  const side = sql`"contacts"."id"`;
  const rows = await db
    .select({
      row: contacts,
      interactions: sql<number>`(select count(*)::int from ${interactionContacts} ic where ic.contact_id = ${side})`,
      followups: sql<number>`(select count(*)::int from ${followups} f where f.contact_id = ${side})`,
      favors: sql<number>`(select count(*)::int from ${favors} f where f.contact_id = ${side})`,
    })
    .from(contacts)
    .where(sql`${contacts.accountId} = ${accountId} and ${inArray(contacts.id, [...new Set(ids)])}`);
  return new Map(
    rows.map(({ row, ...counts }) => {
      const { photo, ...fields } = mergeable(row);
      const side: DuplicateSide = { ...fields, hasPhoto: Boolean(photo), lastInteractionAt: row.lastInteractionAt?.toISOString() ?? null, counts };
      return [row.id, side];
    }),
  );
}
