// Possible duplicates among the contacts already in an account, found with the keys imports
// match on (src/shared/rules/contact-keys.ts): the same LinkedIn profile, e-mail, phone, or name
// and company; and, as a weaker hint, the same full name when nothing contradicts it. The keys are
// stored per contact (contact_keys, features/contacts/derived.ts), so one set-based query groups
// them by key, and pairs come only from keys that two or more contacts share: no folding at query
// time, never 30,000² comparisons.
import { inArray, sql, type SQL } from 'drizzle-orm';
import { duplicateReasons, type DuplicatePage, type DuplicateReason, type DuplicateSide } from '#shared/schemas/duplicates.js';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import { mergeable } from './merge-duplicates.js';
import { contactKeys, contacts, favors, followups, interactionContacts } from '../../db/schema.js';
import { ensureMatchKeysCurrent } from './derived.js';
import { decodeCursor, encodeCursor } from '../../http/pagination.js';
import type { Circle, ContactKind, ContactSource, Stage } from '#shared/enums.js';

/**
 * A key more than this many contacts share is a switchboard number or a team inbox, not one
 * person: it would list hundreds of pairs nobody wants to review.
 */
export const MAX_SHARED_KEY = 25;

/** Whether a text[] column holds a non-blank value. */
const hasAny = (list: SQL) => sql`exists (select 1 from unnest(${list}) v where btrim(v) <> '')`;

/**
 * The pairs of the account as `ordered` (a_id, b_id, reasons, sort_name), a's id below b's, each
 * pair once. The keys are stored (contact_keys, computed by storedKeys() in TypeScript, and
 * contacts.linkedin_key), so this only groups them: only groups of 2 to MAX_SHARED_KEY contacts
 * become pairs.
 */
function pairsSql(accountId: string) {
  return sql`
    -- Most keys belong to one contact: count them in the order of contact_keys' primary key
    -- (account, kind, key), and gather ids only for the shared ones. Each (kind, key, contact)
    -- is stored once: no distinct needed.
    shared as (
      select kind, key from ${contactKeys} where account_id = ${accountId}
      group by kind, key having count(*) between 2 and ${MAX_SHARED_KEY}
    ),
    groups as (
      select s.kind as reason, array_agg(k.contact_id) as ids
      from shared s join ${contactKeys} k on k.account_id = ${accountId} and k.kind = s.kind and k.key = s.key
      group by s.kind, s.key
      union all
      select 'linkedin', array_agg(id) from ${contacts} where account_id = ${accountId} and linkedin_key is not null
      group by linkedin_key having count(*) between 2 and ${MAX_SHARED_KEY}
    ),
    pairs as (
      select a.id as a_id, b.id as b_id, array_agg(distinct g.reason) as reasons
      from groups g cross join lateral unnest(g.ids) a(id) cross join lateral unnest(g.ids) b(id)
      where a.id < b.id
      group by a.id, b.id
    ),
    judged as (
      select p.a_id, p.b_id, lower(ca.display_name) as sort_name,
        -- Two different LinkedIn profiles are two people, whatever their names (as imports decide).
        array(select r from unnest(p.reasons) r
          where (r not in ('name', 'same_name') or ca.linkedin_key is null or cb.linkedin_key is null or ca.linkedin_key = cb.linkedin_key)
            -- The bare name is said only when nothing stronger is, and when the two do not each
            -- have e-mails (or phones) of their own that they do not share: that is two people.
            and (r <> 'same_name' or (cardinality(p.reasons) = 1
              and not (${hasAny(sql`ca.emails`)} and ${hasAny(sql`cb.emails`)})
              and not (${hasAny(sql`ca.phones`)} and ${hasAny(sql`cb.phones`)})))) as reasons
      from pairs p join ${contacts} ca on ca.id = p.a_id join ${contacts} cb on cb.id = p.b_id
    ),
    ordered as (select * from judged where cardinality(reasons) > 0)`;
}

interface PairRow {
  a_id: string;
  b_id: string;
  reasons: string[];
  sort_name: string;
  total: number;
}

export async function findDuplicates(db: Db, accountId: string, query: { limit: number; cursor?: string | undefined }): Promise<DuplicatePage> {
  const cursor = decodeCursor(query.cursor, ['text', 'uuid', 'uuid']);
  return db.transaction(async (tx) => {
    // The keys of 30,000 contacts fit in memory; the default 4 MB sends them to disk (5× slower).
    await tx.execute(sql`set local work_mem = '64MB'`);
    await ensureMatchKeysCurrent(tx, accountId);
    return duplicatePage(tx, accountId, cursor, query.limit);
  });
}

async function duplicatePage(db: Tx, accountId: string, cursor: (string | number | null)[] | null, limit: number): Promise<DuplicatePage> {
  const after = cursor
    ? sql`where (sort_name, a_id, b_id) > (${String(cursor[0])}, ${String(cursor[1])}::uuid, ${String(cursor[2])}::uuid)`
    : sql``;
  const rows = await queryRows<PairRow>(db, sql`
    with ${pairsSql(accountId)}
    select a_id, b_id, reasons, sort_name, (select count(*)::int from ordered) as total
    from ordered ${after}
    order by sort_name, a_id, b_id
    limit ${limit + 1}`);
  const total = rows[0]?.total ?? (cursor ? await countDuplicates(db, accountId) : 0);
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

async function countDuplicates(db: Tx, accountId: string): Promise<number> {
  const [row] = await queryRows<{ total: number }>(db, sql`with ${pairsSql(accountId)} select count(*)::int as total from ordered`);
  return row?.total ?? 0;
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
