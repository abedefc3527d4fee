// Ties Círculo reads from what the user already recorded, never typed twice
// (docs/domain.md#ties-between-contacts): who introduced whom (and referrals), introduction
// favors, touches with both people, the same event, the same current company. Read by one SQL
// statement for a set of contacts; only the touches with both are stored, counted as touches are
// written (shared_touches, kept by triggers: docs/architecture.md#database).
import { sql } from 'drizzle-orm';
import type { TieSource } from '#shared/enums.js';
import type { Tx } from '../../db/database.js';
import { preparedRows } from '../../db/prepared.js';
import { contacts, eventAttendees, events, favors, sharedTouches } from '../../db/schema.js';
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
 * Every derived tie of each contact in `fromIds` (both directions: an introduction ties the
 * introducer and the introduced). `sameCompany: false` leaves out the weakest and most numerous
 * kind (the second level of intro paths, where it could never make a path worth asking for).
 * `betweenThem: true` keeps only the ties between two of `fromIds`, each pair once, smaller id
 * first (the network's edges): filtered in SQL, so a busy person's hundreds of other ties are
 * neither counted nor sent (1,500 people drawn had sent every tie of each).
 */
export async function derivedTies(
  db: Tx,
  accountId: string,
  fromIds: readonly string[],
  { sameCompany = true, betweenThem = false } = {},
): Promise<DerivedTieRow[]> {
  if (fromIds.length === 0) return [];
  const from = uuidList(fromIds);
  const rows = await preparedRows<{ from_id: string; other_id: string; source: DerivedSource; n: number; last_at: string | Date | null; label: string | null }>(
    db,
    'derived_ties',
    sql`
    with me as (select id, introduced_by_id, source, company, met_at_event_id, created_at
                from ${contacts} where account_id = ${accountId} and id = any(${from}))
    select * from (
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
    union all
    -- Touches with both of them: counted as they are written (shared_touches, kept by triggers).
    select me.id, s.other_id, 'shared_touch', s.touches, s.last_at, null
    from me join ${sharedTouches} s on s.account_id = ${accountId} and s.contact_id = me.id
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
    }) ties
    ${betweenThem ? sql`where ties.other_id = any(${from}) and ties.from_id < ties.other_id` : sql``}`,
  );
  return rows.map((r) => ({
    fromId: r.from_id,
    otherId: r.other_id,
    source: r.source,
    count: Number(r.n),
    lastAt: r.last_at ? new Date(r.last_at) : null,
    label: r.label,
  }));
}
