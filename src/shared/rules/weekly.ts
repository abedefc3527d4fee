// The weekly review (docs/domain.md#weekly-review): count the week's new connections against
// the target, and what was done to keep and close loops. Pure: the caller loads the rows of the
// window, this decides which fall in which local ISO week.
import type { Channel, FavorDirection, Intent, Stage } from '../enums.js';
import type { StageMove, WeeklyReview } from '../schemas/review.js';
import { invitationFunnel, type FunnelInvitation } from './funnel.js';
import { addDays, isoWeekOf, isoWeekRange, lastIsoWeeks, localDateOf } from './time.js';

export const HISTORY_WEEKS = 12;

export interface WeeklyInput {
  week: string;
  timeZone: string;
  /** The user's local date now: the week may still be running. */
  today: string;
  weeklyTarget: number;
  contacts: { metOn: string | null; createdAt: Date | string }[];
  touches: { occurredAt: Date | string; channel: Channel; intent: Intent }[];
  /** Done follow-ups with their completion time. */
  doneFollowups: { completedAt: Date | string }[];
  /** Follow-ups still open or snoozed, with the date they are due on for the user. */
  pendingFollowups: { dueOn: string }[];
  favors: { direction: FavorDirection; occurredOn: string; closedAt: Date | string | null }[];
  stageChanges: { contactId: string; displayName: string; from: Stage; to: Stage; at: Date | string }[];
  /** Invitations whose welcome went out this week: their reply rate. */
  invitations?: FunnelInvitation[];
}

const IN_PERSON: readonly Stage[] = ['met_in_person', 'relationship', 'trusted'];

/** A contact counts in the week they were met (`metOn`), else the week they were added. */
export function newContactWeek(contact: { metOn: string | null; createdAt: Date | string }, timeZone: string): string {
  return isoWeekOf(contact.metOn ?? localDateOf(contact.createdAt, timeZone));
}

function countBy<T extends string>(values: T[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
  return counts;
}

export function weeklyReview(input: WeeklyInput): WeeklyReview {
  const { week, timeZone } = input;
  const { start, end } = isoWeekRange(week);
  const inWeek = (instant: Date | string) => isoWeekOf(localDateOf(instant, timeZone)) === week;
  const dateInWeek = (date: string) => date >= start && date <= end;

  const contactWeeks = countBy(input.contacts.map((c) => newContactWeek(c, timeZone)));
  const history = lastIsoWeeks(week, HISTORY_WEEKS).map((w) => ({ week: w, newContacts: contactWeeks[w] ?? 0 }));
  const touches = input.touches.filter((t) => inWeek(t.occurredAt));
  // Overdue as of the end of the week, or as of today while the week is still running.
  const cutoff = input.today < addDays(end, 1) ? input.today : addDays(end, 1);
  const stageMoves: StageMove[] = input.stageChanges
    .filter((s) => inWeek(s.at))
    .map((s) => ({
      contactId: s.contactId,
      displayName: s.displayName,
      from: s.from,
      to: s.to,
      at: new Date(s.at).toISOString(),
      toInPerson: !IN_PERSON.includes(s.from) && IN_PERSON.includes(s.to),
    }));
  const favorsOfWeek = input.favors.filter((f) => dateInWeek(f.occurredOn));

  return {
    week,
    startsOn: start,
    endsOn: end,
    newContacts: { count: contactWeeks[week] ?? 0, target: input.weeklyTarget },
    touches: {
      total: touches.length,
      byChannel: countBy(touches.map((t) => t.channel)),
      byIntent: countBy(touches.map((t) => t.intent)),
    },
    followupsDone: input.doneFollowups.filter((f) => inWeek(f.completedAt)).length,
    followupsOverdue: input.pendingFollowups.filter((f) => f.dueOn < cutoff).length,
    loopsClosed: input.favors.filter((f) => f.closedAt && inWeek(f.closedAt)).length,
    favorsGiven: favorsOfWeek.filter((f) => f.direction === 'given').length,
    favorsReceived: favorsOfWeek.filter((f) => f.direction === 'received').length,
    stageMoves,
    replyRate: invitationFunnel(input.invitations ?? []).replyRate,
    history,
  };
}
