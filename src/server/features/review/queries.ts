// Loads the rows a weekly review needs (a 12-week window for the history), then lets the pure
// rule in src/shared/rules/weekly.ts decide what falls in which local week.
import { and, eq, gte, inArray, lt, or, sql } from 'drizzle-orm';
import type { WeeklyReview } from '#shared/schemas/review.js';
import { HISTORY_WEEKS, weeklyReview } from '#shared/rules/weekly.js';
import { addDays, isoWeekOf, isoWeekRange, lastIsoWeeks, weekRangeUtc } from '#shared/rules/time.js';
import type { PgColumn } from 'drizzle-orm/pg-core';
import type { Tx } from '../../db/database.js';
import { contacts, favors, followups, interactions, invitations, stageChanges } from '../../db/schema.js';
import { effectiveDueSql } from '../followups/queries.js';
import type { UserContext } from '../settings/user-context.js';

export async function loadWeeklyReview(db: Tx, user: UserContext, week = isoWeekOf(user.today)): Promise<WeeklyReview> {
  const first = lastIsoWeeks(week, HISTORY_WEEKS)[0]!;
  const windowDays = { start: isoWeekRange(first).start, end: isoWeekRange(week).end };
  const windowUtc = { from: weekRangeUtc(first, user.timeZone).from, to: weekRangeUtc(week, user.timeZone).to };
  const weekUtc = weekRangeUtc(week, user.timeZone);
  const weekDays = isoWeekRange(week);
  const cutoff = user.today < addDays(weekDays.end, 1) ? user.today : addDays(weekDays.end, 1);
  const mine = (table: { accountId: PgColumn }) => eq(table.accountId, user.accountId);

  const newContacts = await db
    .select({ metOn: contacts.metOn, createdAt: contacts.createdAt })
    .from(contacts)
    .where(
      and(
        mine(contacts),
        or(
          and(gte(contacts.metOn, windowDays.start), sql`${contacts.metOn} <= ${windowDays.end}::date`),
          and(sql`${contacts.metOn} is null`, gte(contacts.createdAt, windowUtc.from), lt(contacts.createdAt, windowUtc.to)),
        ),
      ),
    );
  const touches = await db
    .select({ occurredAt: interactions.occurredAt, channel: interactions.channel, intent: interactions.intent })
    .from(interactions)
    .where(and(mine(interactions), gte(interactions.occurredAt, weekUtc.from), lt(interactions.occurredAt, weekUtc.to)));
  const done = await db
    .select({ completedAt: followups.completedAt })
    .from(followups)
    .where(and(mine(followups), eq(followups.status, 'done'), gte(followups.completedAt, weekUtc.from), lt(followups.completedAt, weekUtc.to)));
  const pending = await db
    .select({ dueOn: effectiveDueSql })
    .from(followups)
    .where(and(mine(followups), inArray(followups.status, ['open', 'snoozed']), sql`${effectiveDueSql} < ${cutoff}::date`));
  const favorRows = await db
    .select({ direction: favors.direction, occurredOn: favors.occurredOn, closedAt: favors.closedAt })
    .from(favors)
    .where(
      and(
        mine(favors),
        or(
          and(gte(favors.occurredOn, weekDays.start), sql`${favors.occurredOn} <= ${weekDays.end}::date`),
          and(gte(favors.closedAt, weekUtc.from), lt(favors.closedAt, weekUtc.to)),
        ),
      ),
    );
  const moves = await db
    .select({
      contactId: stageChanges.contactId,
      displayName: contacts.displayName,
      from: stageChanges.fromStage,
      to: stageChanges.toStage,
      at: stageChanges.changedAt,
    })
    .from(stageChanges)
    .innerJoin(contacts, eq(contacts.id, stageChanges.contactId))
    .where(and(mine(stageChanges), gte(stageChanges.changedAt, weekUtc.from), lt(stageChanges.changedAt, weekUtc.to)))
    .orderBy(stageChanges.changedAt, stageChanges.seq);

  const welcomed = await db
    .select({
      direction: invitations.direction,
      receivedOn: invitations.receivedOn,
      welcomeSentOn: invitations.welcomeSentOn,
      repliedOn: invitations.repliedOn,
      outcome: invitations.outcome,
      acceptedOn: invitations.acceptedOn,
    })
    .from(invitations)
    .where(and(mine(invitations), gte(invitations.welcomeSentOn, weekDays.start), sql`${invitations.welcomeSentOn} <= ${weekDays.end}::date`));

  return weeklyReview({
    week,
    timeZone: user.timeZone,
    today: user.today,
    weeklyTarget: user.weeklyTarget,
    contacts: newContacts,
    touches,
    doneFollowups: done.flatMap((f) => (f.completedAt ? [{ completedAt: f.completedAt }] : [])),
    pendingFollowups: pending,
    favors: favorRows,
    stageChanges: moves,
    invitations: welcomed,
  });
}
