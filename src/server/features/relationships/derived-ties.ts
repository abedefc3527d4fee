// Ties Círculo reads from what the user already recorded, never typed twice
// (docs/domain.md#ties-between-contacts): who introduced whom (and referrals), introduction
// favors, touches with both people, the same event, the same current company. Read by one SQL
// statement for a set of contacts; only the touches with both are stored, counted as touches are
// written (shared_touches, kept by triggers: docs/architecture.md#database).
import { sql } from 'drizzle-orm';
import type { TieSource } from '#shared/enums.js';
import { fromJsonChunks, inJsonChunks, queryRows, type Tx } from '../../db/database.js';
import { preparedRows } from '../../db/prepared.js';
import { SHARED_TOUCHES_COUNTED } from '#shared/rules/intro-paths.js';
import { contactRelationships, contacts, eventAttendees, events, favors, sharedTouches } from '../../db/schema.js';
import { uuidList } from '../../db/array-literal.js';

export type DerivedSource = Exclude<TieSource, 'explicit'>;

export interface DerivedTieRow {
  fromId: string;
  otherId: string;
  source: DerivedSource;
  count: number;
  lastAt: Date | null;
  label: string | null;
}

/** Colleagues at one company add little; past this many, the rest are left out. */
export const SAME_COMPANY_LIMIT = 50;

/**
 * The shared-touch rows `strongestShared` keeps (the tail of derivedTies' statement, whose CTEs
 * `me` and `ties` it reads). A pair's weight grows with its touches, counted up to
 * SHARED_TOUCHES_COUNTED, and with how recent the last one is (rules/intro-paths.ts): at each
 * counted number, the n newest pairs outweigh the rest, so those are enough, read from
 * shared_touches_strongest_idx. UNION, not UNION ALL: a pair also tied otherwise may be among
 * them, and must come once.
 */
function strongestSharedTouches(accountId: string, per: number) {
  const counted = sql.raw(String(SHARED_TOUCHES_COUNTED));
  const pair = (alias: string) => sql.raw(`${alias}.other_id, 'shared_touch' as source, ${alias}.touches as n, ${alias}.last_at, null as label`);
  return sql`(
    select me.id as from_id, ${pair('s')}
    from me cross join generate_series(1, ${counted}) level
      cross join lateral (
        select s.other_id, s.touches, s.last_at from ${sharedTouches} s
        where s.account_id = ${accountId} and s.contact_id = me.id and least(s.touches, ${counted}) = level
        order by least(s.touches, ${counted}), s.last_at desc nulls last, s.other_id limit ${sql.raw(String(Math.trunc(per)))}) s
    union
    select s.contact_id, ${pair('s')}
    from ${sharedTouches} s
    where s.account_id = ${accountId} and (s.contact_id, s.other_id) in (
      select from_id, other_id from ties
      union all
      select r.contact_a_id, r.contact_b_id from ${contactRelationships} r, me where r.account_id = ${accountId} and r.contact_a_id = me.id
      union all
      select r.contact_b_id, r.contact_a_id from ${contactRelationships} r, me where r.account_id = ${accountId} and r.contact_b_id = me.id))`;
}

/**
 * Every derived tie of each contact in `fromIds` (both directions: an introduction ties the
 * introducer and the introduced). `sameCompany: false` leaves out the weakest and most numerous
 * kind (the second level of intro paths, where it could never make a path worth asking for).
 * `betweenThem: true` keeps only the ties between two of `fromIds`, each pair once, smaller id
 * first (the network's edges): filtered in SQL, so a busy person's hundreds of other ties are
 * neither counted nor sent (1,500 people drawn had sent every tie of each).
 * `strongestShared: n` reads, of each person's shared touches, only those that can be among
 * their n best-evidenced ties, and those with someone other evidence ties them to (whose weight
 * needs every piece): a busy person has hundreds of pairs, nearly all one touch long ago, and
 * reading them all was most of an intro request (intros' second level follows n ties a person).
 */
export async function derivedTies(
  db: Tx,
  accountId: string,
  fromIds: readonly string[],
  { sameCompany = true, betweenThem = false, strongestShared }: { sameCompany?: boolean; betweenThem?: boolean; strongestShared?: number } = {},
): Promise<DerivedTieRow[]> {
  if (fromIds.length === 0) return [];
  if (betweenThem && strongestShared !== undefined) throw new Error('derivedTies: betweenThem and strongestShared do not combine');
  const from = uuidList(fromIds);
  type Row = { from_id: string; other_id: string; source: DerivedSource; n: number; last_at: string | Date | null; label: string | null };
  const query = sql`
    with me as (select id, introduced_by_id, source, company, met_at_event_id, created_at
                from ${contacts} where account_id = ${accountId} and id = any(${from})),
    ties as (select * from (
    -- They introduced someone (or gave a referral), or someone introduced them.
    select me.id as from_id, c.id as other_id,
      case when c.source = 'referral' then 'referral' else 'introduced_by' end as source, 1 as n, c.created_at as last_at, null as label
    from me join ${contacts} c on c.account_id = ${accountId} and c.introduced_by_id = me.id
    union all
    select me.id, me.introduced_by_id,
      case when me.source = 'referral' then 'referral' else 'introduced_by' end, 1, me.created_at, null
    from me where me.introduced_by_id is not null
    union all
    -- A received favor "introduction" to someone: the introducer and that person.
    select me.id, case when f.contact_id = me.id then f.introduced_to_id else f.contact_id end,
      'introduction_favor', count(*)::int, (max(f.occurred_on)::timestamp at time zone 'UTC'), null
    from me join ${favors} f on f.account_id = ${accountId} and f.kind = 'introduction'
      and f.introduced_to_id is not null and f.introduced_to_id <> f.contact_id
      and (f.contact_id = me.id or f.introduced_to_id = me.id)
    group by 1, 2
    ${
      strongestShared === undefined
        ? sql`union all
    -- Touches with both of them: counted as they are written (shared_touches, kept by triggers).
    select me.id, s.other_id, 'shared_touch', s.touches, s.last_at, null
    from me join ${sharedTouches} s on s.account_id = ${accountId} and s.contact_id = me.id`
        : sql``
    }
    union all
    -- The same event: on its guest list together, or both met there.
    select me.id, other_id, 'same_event', count(distinct event_id)::int, max(starts_at), min(name)
    from me join (
      select mine.contact_id as me_id, o.contact_id as other_id, e.id as event_id, e.starts_at, e.name
      from ${eventAttendees} mine
        join ${eventAttendees} o on o.account_id = ${accountId} and o.event_id = mine.event_id and o.contact_id <> mine.contact_id
        join ${events} e on e.account_id = ${accountId} and e.id = mine.event_id
      where mine.account_id = ${accountId} and mine.contact_id = any(${from})
      union all
      select m.id, c.id, e.id, e.starts_at, e.name
      from ${contacts} m join ${contacts} c on c.account_id = ${accountId} and c.met_at_event_id = m.met_at_event_id and c.id <> m.id
        join ${events} e on e.account_id = ${accountId} and e.id = m.met_at_event_id
      where m.account_id = ${accountId} and m.id = any(${from})
    ) together on together.me_id = me.id
    group by 1, 2
    ${
      sameCompany
        ? sql`union all
    -- The same current company (weak evidence: a big company is many strangers).
    select me.id, c.id, 'same_company', 1, null, null
    from me cross join lateral (
      select c.id from ${contacts} c
      where c.account_id = ${accountId} and circulo_normalize(c.company) = circulo_normalize(me.company) and c.id <> me.id
      limit ${SAME_COMPANY_LIMIT}) c
    where nullif(trim(me.company), '') is not null`
        : sql``
    }) t)
    select * from ties
    ${betweenThem ? sql`where ties.from_id < ties.other_id and ties.other_id in (select id from me)` : sql``}
    ${strongestShared === undefined ? sql`` : sql`union all ${strongestSharedTouches(accountId, strongestShared)}`}`;
  // betweenThem tests the other end against `me` (a hash of the ids) rather than `= any(ids)`:
  // PostgreSQL pushed the array into each person's index scan of shared_touches, where testing
  // every pair against 1,500 ids took 0.44 ms a person against 0.03 (the network's 1,500 people
  // on the heavy user: 0.92 → 0.29 s for this statement, the same rows; docs/performance.md).
  // The network's read (betweenThem: thousands of people) is planned each time: from its sixth
  // run PostgreSQL tried its generic plan, which took 7.3 s instead of 0.5 s for 5,000 people on
  // the heavy user; planning is milliseconds beside it. Intros' small reads keep their statement.
  // Its tens of thousands of rows come as JSON (inJsonChunks, db/database.ts): as rows, PGlite
  // copied each of their 125,000 values into a buffer of its own (~0.1 s a request).
  const rows = betweenThem
    ? fromJsonChunks(await queryRows<{ rows: Row[] }>(db, inJsonChunks(query)))
    : await preparedRows<Row>(db, 'derived_ties', query);
  return rows.map((r) => ({
    fromId: r.from_id,
    otherId: r.other_id,
    source: r.source,
    count: Number(r.n),
    lastAt: r.last_at ? new Date(r.last_at) : null,
    label: r.label,
  }));
}
