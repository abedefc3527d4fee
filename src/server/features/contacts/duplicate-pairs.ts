// The possible duplicates of an account, judged from the stored matching keys (contact_keys) and
// kept in duplicate_pairs (schema.ts says why). pairsSql() is the one definition of a pair: the
// full recompute (restore, a re-keyed account, the first read after a large import) and the recompute around a few
// contacts after a write both use it, and tests/api/stored-derived.test.ts checks the stored pairs
// against a full recompute after every kind of write.
import { eq, sql, type SQL } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/database.js';
import { accounts, contactKeys, contacts, duplicatePairs } from '../../db/schema.js';

/**
 * A key more than this many contacts share is a switchboard number or a team inbox, not one
 * person: it would list hundreds of pairs nobody wants to review.
 */
export const MAX_SHARED_KEY = 25;

/**
 * Above this many contacts around a write (a large import), the account's pairs are marked stale
 * and recomputed whole at the next read: one grouping of every key costs less than thousands of
 * scoped lookups, and an import need not pay the ~1 s it takes at the heavy user's scale.
 */
export const SCOPED_LIMIT = 2_000;

/** Whether a text[] column holds a non-blank value. */
const hasAny = (list: SQL) => sql`exists (select 1 from unnest(${list}) v where btrim(v) <> '')`;

/** One uuid[] parameter (ids read from the database, so plain array-literal items). */
const uuidArray = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The pairs as `ordered` (a_id, b_id, reasons, sort_name), a's id below b's, each pair once: from
 * the keys two to MAX_SHARED_KEY contacts share. With `scope`, only the pairs with one of those
 * contacts in them, read from the keys those contacts hold.
 */
export function pairsSql(accountId: string, scope?: readonly string[]) {
  const shared = scope
    ? sql`
    scoped_keys as (
      select distinct kind, key from ${contactKeys} where account_id = ${accountId} and contact_id = any(${uuidArray(scope)})
    ),
    shared as (
      select s.kind, s.key from scoped_keys s
      join ${contactKeys} k on k.account_id = ${accountId} and k.kind = s.kind and k.key = s.key
      group by s.kind, s.key having count(*) between 2 and ${MAX_SHARED_KEY}
    ),`
    : sql`
    -- Most keys belong to one contact: count them in the order of contact_keys' primary key
    -- (account, kind, key), and gather ids only for the shared ones. Each (kind, key, contact)
    -- is stored once: no distinct needed.
    shared as (
      select kind, key from ${contactKeys} where account_id = ${accountId}
      group by kind, key having count(*) between 2 and ${MAX_SHARED_KEY}
    ),`;
  return sql`${shared}
    groups as (
      select s.kind as reason, array_agg(k.contact_id) as ids
      from shared s join ${contactKeys} k on k.account_id = ${accountId} and k.kind = s.kind and k.key = s.key
      group by s.kind, s.key
    ),
    pairs as (
      select a.id as a_id, b.id as b_id, array_agg(distinct g.reason) as reasons
      from groups g cross join lateral unnest(g.ids) a(id) cross join lateral unnest(g.ids) b(id)
      where a.id < b.id ${scope ? sql`and (a.id = any(${uuidArray(scope)}) or b.id = any(${uuidArray(scope)}))` : sql``}
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

/**
 * One writer of an account's keys and pairs at a time, until its transaction ends. Two concurrent
 * writes of contacts that share a key would otherwise each judge their pairs without the other's
 * uncommitted keys, and the pair between them would be lost (or inserted twice). Taken before the
 * keys are read or written; the second writer then sees the first one's committed keys.
 */
export async function lockMatchKeys(tx: Tx, accountId: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`circulo-match-keys:${accountId}`}))`);
}

/**
 * Every contact that shares a key with one of `ids` (and `ids` themselves, when they have keys):
 * the contacts whose pairs a change to `ids`' keys can add, drop or re-judge. A key that reaches
 * or leaves MAX_SHARED_KEY holders changes the pairs of all its holders.
 */
export async function keyHolders(tx: Tx, accountId: string, ids: readonly string[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<{ id: string }>(tx, sql`
    select distinct other.contact_id as id
    from ${contactKeys} own
    join ${contactKeys} other on other.account_id = own.account_id and other.kind = own.kind and other.key = own.key
    where own.account_id = ${accountId} and own.contact_id = any(${uuidArray(ids)})`);
  return rows.map((r) => r.id);
}

/**
 * Recomputes the stored pairs that involve `scope` (or all of the account's) from the keys as they
 * are now. A pair of two contacts outside `scope` is left alone: its keys' holders and both
 * contacts' fields are unchanged (keyHolders() put everyone a write could affect in `scope`).
 * A scope over SCOPED_LIMIT only marks the account's pairs stale (ensureDuplicatePairsCurrent).
 */
export async function refreshDuplicatePairs(tx: Tx, accountId: string, scope: readonly string[] | 'all') {
  if (scope !== 'all' && scope.length > SCOPED_LIMIT) {
    await tx.update(accounts).set({ duplicatePairsStale: true }).where(eq(accounts.id, accountId));
    return;
  }
  const ids = scope === 'all' ? null : [...new Set(scope)];
  if (ids?.length === 0) return;
  if (!ids) {
    // The keys of 30,000 contacts fit in memory; the default 4 MB sends them to disk (5× slower).
    await tx.execute(sql`set local work_mem = '64MB'`);
    await tx.execute(sql`delete from ${duplicatePairs} where account_id = ${accountId}`);
  } else {
    await tx.execute(sql`delete from ${duplicatePairs} where account_id = ${accountId}
      and (a_id = any(${uuidArray(ids)}) or b_id = any(${uuidArray(ids)}))`);
  }
  await tx.execute(sql`
    with ${pairsSql(accountId, ids ?? undefined)}
    insert into ${duplicatePairs} (account_id, a_id, b_id, reasons, sort_name)
    select ${accountId}, a_id, b_id, reasons, sort_name from ordered`);
  if (!ids) await tx.update(accounts).set({ duplicatePairsStale: false }).where(eq(accounts.id, accountId));
}

/** Before the finder reads the pairs: the whole account's, if a large write left them stale. */
export async function ensureDuplicatePairsCurrent(tx: Tx, accountId: string) {
  const [account] = await tx.select({ stale: accounts.duplicatePairsStale }).from(accounts).where(eq(accounts.id, accountId));
  if (account?.stale) {
    await lockMatchKeys(tx, accountId);
    await refreshDuplicatePairs(tx, accountId, 'all');
  }
}
