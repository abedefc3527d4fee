import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { Today, WeekTally } from '#shared/schemas/today.js';
import { rankKeepInTouch } from '#shared/rules/cadence.js';
import { isoWeekOf, weekRangeUtc, isoWeekRange } from '#shared/rules/time.js';
import type { Db } from '../../db/database.js';
import { contacts, favors, followups, interactions } from '../../db/schema.js';
import { cadenceBaseSql, cadenceSql, dueOnSql } from '../contacts/due-sql.js';
import { effectiveDueSql, selectFollowups } from '../followups/queries.js';
import { selectFavors } from '../favors/queries.js';
import { reciprocitySummary } from '../favors/reciprocity.js';
import type { UserContext } from '../settings/user-context.js';

export const KEEP_IN_TOUCH_SUGGESTIONS = 10;
/** Today shows what can be done today; a heavy user's 500 overdue items would only bury it. */
export const FOLLOWUPS_SHOWN = 50;
/** Candidates fetched before the exact ranking; the SQL pre-orders by the rule's first key. */
const KEEP_IN_TOUCH_CANDIDATES = 200;

async function keepInTouch(db: Db, user: UserContext) {
  const ratio = sql`(${user.today}::date - ${cadenceBaseSql(user.timeZone)})::float / ${cadenceSql(user.cadences)}`;
  const rows = await db
    .select({
      id: contacts.id,
      displayName: contacts.displayName,
      company: contacts.company,
      circle: contacts.circle,
      stage: contacts.stage,
      cadenceDays: contacts.cadenceDays,
      lastInteractionAt: contacts.lastInteractionAt,
      metOn: contacts.metOn,
      createdAt: contacts.createdAt,
    })
    .from(contacts)
    .where(and(eq(contacts.accountId, user.accountId), sql`${dueOnSql(user.cadences, user.timeZone)} <= ${user.today}::date`))
    .orderBy(sql`${ratio} desc`)
    .limit(KEEP_IN_TOUCH_CANDIDATES);
  const ranked = rankKeepInTouch(
    rows,
    user.today,
    user.cadences,
    user.timeZone,
  );
  return ranked.slice(0, KEEP_IN_TOUCH_SUGGESTIONS).map((r) => ({
    contactId: r.id,
    displayName: r.displayName,
    company: r.company,
    circle: r.circle,
    stage: r.stage,
    cadenceDays: r.cadenceDays,
    lastInteractionAt: r.lastInteractionAt?.toISOString() ?? null,
    dueOn: r.dueOn,
    daysOverdue: r.daysOverdue,
  }));
}

export async function weekTally(db: Db, user: UserContext, week = isoWeekOf(user.today)): Promise<WeekTally> {
  const { from, to } = weekRangeUtc(week, user.timeZone);
  const days = isoWeekRange(week);
  const count = sql<number>`count(*)::int`;
  const [met] = await db
    .select({ n: count })
    .from(contacts)
    .where(
      and(
        eq(contacts.accountId, user.accountId),
        or(
          and(sql`${contacts.metOn} is not null`, gte(contacts.metOn, days.start), sql`${contacts.metOn} <= ${days.end}::date`),
          and(sql`${contacts.metOn} is null`, gte(contacts.createdAt, from), lt(contacts.createdAt, to)),
        ),
      ),
    );
  const [touched] = await db
    .select({ n: count })
    .from(interactions)
    .where(and(eq(interactions.accountId, user.accountId), gte(interactions.occurredAt, from), lt(interactions.occurredAt, to)));
  const [done] = await db
    .select({ n: count })
    .from(followups)
    .where(
      and(eq(followups.accountId, user.accountId), eq(followups.status, 'done'), gte(followups.completedAt, from), lt(followups.completedAt, to)),
    );
  return { week, newContacts: { count: met?.n ?? 0, target: user.weeklyTarget }, touches: touched?.n ?? 0, followupsDone: done?.n ?? 0 };
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
    .where(and(eq(followups.accountId, user.accountId), pending));
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
