import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Today, WeekTally } from '#shared/schemas/today.js';
import { rankStoredKeepInTouch } from '#shared/rules/cadence.js';
import type { Circle, Stage } from '#shared/enums.js';
import { isoWeekOf, weekRangeUtc, isoWeekRange } from '#shared/rules/time.js';
import { queryRows, type Db } from '../../db/database.js';
import { preparedRows } from '../../db/prepared.js';
import { campaignMembers, contacts, eventAttendees, favors, followups, interactions } from '../../db/schema.js';
import { strongTiesFirst } from '#shared/rules/engagement.js';
import { STRONG_TIE, strengthUpperBound } from '#shared/rules/tie-strength.js';
import { strengthsOf } from '../relationships/strength.js';
import { effectiveDueSql, selectFollowups } from '../followups/queries.js';
import { selectFavors } from '../favors/queries.js';
import { reciprocitySummary } from '../favors/reciprocity.js';
import type { UserContext } from '../settings/user-context.js';

export const KEEP_IN_TOUCH_SUGGESTIONS = 10;
/** Today shows what can be done today; a heavy user's 500 overdue items would only bury it. */
export const FOLLOWUPS_SHOWN = 50;
/** Candidates fetched per cadence before the exact ranking (the SQL orders by the rule's first key). */
const KEEP_IN_TOUCH_CANDIDATES = 200;

/**
 * isEngaged() (src/shared/rules/engagement.ts) on the contact's own columns; the campaign and
 * event parts are the `engaged_by_lists` query below. The same predicate as the partial index
 * contacts_keep_in_touch_idx, so the scan stays on it. tests/api/rule-agreement.test.ts checks
 * it against the rule.
 */
export const engagedByColumns = sql`(source not in ('linkedin', 'vcard', 'csv') or last_interaction_at is not null or cadence_days is not null)`;

/**
 * The keep-in-touch suggestions, from the stored base and cadence (features/contacts/derived.ts).
 * Within one cadence the longest silence has the highest ratio, so for each cadence in use (a
 * loose index scan over contacts_keep_in_touch_idx: usually the three circle defaults) the first
 * rows of the index are the candidates; the rule ranks the union exactly.
 */
async function keepInTouch(db: Db, user: UserContext) {
  const rows = await preparedRows<{
    id: string;
    display_name: string;
    company: string | null;
    circle: Circle;
    stage: Stage;
    cadence_days: number | null;
    last_interaction_at: string | Date | null;
    base: string;
    cadence: number;
  }>(db, 'keep_in_touch', sql`
    with recursive cadences as (
      select min(keep_in_touch_cadence) as days from ${contacts} where account_id = ${user.accountId} and ${engagedByColumns}
      union all
      select (select min(keep_in_touch_cadence) from ${contacts} where account_id = ${user.accountId} and ${engagedByColumns} and keep_in_touch_cadence > cadences.days)
      from cadences where cadences.days is not null
    ),
    -- The candidates from the index alone (id is its last column): only the chosen rows are read.
    engaged_by_columns as (
      select due.* from cadences cross join lateral (
        select id, keep_in_touch_base as base, keep_in_touch_cadence as cadence
        from ${contacts}
        where account_id = ${user.accountId} and ${engagedByColumns} and keep_in_touch_cadence = cadences.days
          and keep_in_touch_base <= ${user.today}::date - cadences.days
        order by keep_in_touch_base
        limit ${sql.raw(String(KEEP_IN_TOUCH_CANDIDATES))}
      ) due
    ),
    -- Imported connections engaged only by a campaign or an event: few, found from those lists.
    engaged_by_lists as (
      select id, keep_in_touch_base as base, keep_in_touch_cadence as cadence
      from ${contacts}
      where account_id = ${user.accountId} and not ${engagedByColumns}
        and keep_in_touch_base <= ${user.today}::date - keep_in_touch_cadence
        and id in (select contact_id from ${campaignMembers} where account_id = ${user.accountId}
                   union select contact_id from ${eventAttendees} where account_id = ${user.accountId})
    ),
    chosen as (
      select * from (select * from engaged_by_columns union all select * from engaged_by_lists) due
      order by (${user.today}::date - due.base)::float / due.cadence desc
      limit ${sql.raw(String(KEEP_IN_TOUCH_CANDIDATES))}
    )
    select c.id, c.display_name, c.company, c.circle, c.stage, c.cadence_days, c.last_interaction_at,
      to_char(chosen.base, 'YYYY-MM-DD') as base, chosen.cadence
    from chosen join ${contacts} c on c.account_id = ${user.accountId} and c.id = chosen.id`);
  const ranked = rankStoredKeepInTouch(
    rows.map((r) => ({ ...r, displayName: r.display_name, silentSince: r.base, cadenceDays: r.cadence })),
    user.today,
  );
  // A cooling strong tie first (docs/domain.md#relationships-not-connections). Exact strengths are
  // read only for candidates that could be strong (strengthUpperBound() of their newest touch: not
  // one silent for over a year) and for those shown; the order is the one all strengths would give.
  const newestOf = (r: (typeof ranked)[number]) => (r.last_interaction_at === null ? null : new Date(r.last_interaction_at));
  const strengths = await strengthsOf(db, user, ranked.filter((r) => strengthUpperBound(newestOf(r), user.now) >= STRONG_TIE).map((r) => r.id));
  const shown = strongTiesFirst(ranked, (r) => strengths.get(r.id)?.score ?? 0).slice(0, KEEP_IN_TOUCH_SUGGESTIONS);
  const unread = shown.filter((r) => !strengths.has(r.id)).map((r) => r.id);
  for (const [id, strength] of await strengthsOf(db, user, unread)) strengths.set(id, strength);
  const strengthOfRow = (id: string) => strengths.get(id) ?? { score: 0, why: '' };
  return shown.map((r) => ({
      contactId: r.id,
      displayName: r.displayName,
      company: r.company,
      circle: r.circle,
      stage: r.stage,
      cadenceDays: r.cadenceDays,
      lastInteractionAt: r.last_interaction_at === null ? null : new Date(r.last_interaction_at).toISOString(),
      dueOn: r.dueOn,
      daysOverdue: r.daysOverdue,
      strength: { score: strengthOfRow(r.id).score, why: strengthOfRow(r.id).why },
      why: r.why,
    }));
}

export async function weekTally(db: Db, user: UserContext, week = isoWeekOf(user.today)): Promise<WeekTally> {
  const { from, to } = weekRangeUtc(week, user.timeZone);
  const days = isoWeekRange(week);
  // One statement, three index ranges: each statement costs its own parse and plan (PGlite runs
  // one at a time), and "new" reads contacts_account_met_on_idx and contacts_account_created_unmet_idx.
  const [tally] = await queryRows<{ met: number; touched: number; done: number }>(db, sql`
    select
      (select count(*)::int from ${contacts} where account_id = ${user.accountId}
        and ((met_on is not null and met_on >= ${days.start}::date and met_on <= ${days.end}::date)
          or (met_on is null and created_at >= ${from}::timestamptz and created_at < ${to}::timestamptz))) as met,
      (select count(*)::int from ${interactions} where account_id = ${user.accountId}
        and occurred_at >= ${from}::timestamptz and occurred_at < ${to}::timestamptz) as touched,
      (select count(*)::int from ${followups} where account_id = ${user.accountId} and status = 'done'
        and completed_at >= ${from}::timestamptz and completed_at < ${to}::timestamptz) as done`);
  return { week, newContacts: { count: tally?.met ?? 0, target: user.weeklyTarget }, touches: tally?.touched ?? 0, followupsDone: tally?.done ?? 0 };
}

export async function today(db: Db, user: UserContext): Promise<Today> {
  const pending = inArray(followups.status, ['open', 'snoozed']);
  const isOverdue = and(pending, sql`${effectiveDueSql} < ${user.today}::date`);
  const isDueToday = and(pending, sql`${effectiveDueSql} = ${user.today}::date`);
  const [counts] = await db
    .select({
      overdue: sql<number>`count(*) filter (where ${isOverdue})::int`,
      dueToday: sql<number>`count(*) filter (where ${isDueToday})::int`,
    })
    .from(followups)
    // Only what is due by today: one range of followups_pending_due_idx, not every pending row.
    .where(and(eq(followups.accountId, user.accountId), pending, sql`${effectiveDueSql} <= ${user.today}::date`));
  const [overdue, dueToday, loopsToClose, reciprocity, suggestions, week] = [
    await selectFollowups(db, user.accountId, isOverdue, FOLLOWUPS_SHOWN),
    await selectFollowups(db, user.accountId, isDueToday, FOLLOWUPS_SHOWN),
    await selectFavors(db, user, and(eq(favors.direction, 'received'), inArray(favors.loopStatus, ['open', 'thanked']))),
    await reciprocitySummary(db, user),
    await keepInTouch(db, user),
    await weekTally(db, user),
  ];
  return { date: user.today, overdue, dueToday, counts: counts ?? { overdue: 0, dueToday: 0 }, loopsToClose, giveBack: reciprocity.suggestGiveTo, keepInTouch: suggestions, week };
}
