// A campaign's progress against its weekly targets (docs/domain.md#campaigns), per local
// ISO week of its span: new people brought in (members added, and referrals the members gave)
// against `newContactsPerWeek`, and meetings held (members reaching `met`, by the day they met)
// against `meetingsPerWeek`. Dates are the user's calendar dates; instants are read in their zone.
import { daysBetween, isoWeekOf, isoWeekRange, lastIsoWeeks, localDateOf } from './time.js';

/** A chart of more than two years helps no one; older weeks are dropped. */
export const MAX_PROGRESS_WEEKS = 104;

export interface ProgressInput {
  startsOn: string;
  /** Null: the campaign runs on, and the chart ends with the current week. */
  endsOn: string | null;
  today: string;
  timeZone: string;
  newContactsPerWeek: number;
  meetingsPerWeek: number;
  members: { contactId: string; addedOn: string; metOn: string | null }[];
  /** Contacts introduced by a member, with when they were added to my contacts. */
  referrals: { contactId: string; createdAt: Date | string }[];
}

export interface WeekProgress {
  week: string;
  /** The Monday of the week. */
  startsOn: string;
  newContacts: { count: number; target: number };
  meetings: { count: number; target: number };
}

export interface CampaignProgress {
  weeks: WeekProgress[];
  totals: { newContacts: number; meetings: number };
}

/** The ISO weeks the chart covers, oldest first. */
export function progressWeeks(startsOn: string, endsOn: string | null, today: string): string[] {
  const lastDay = endsOn ?? (today > startsOn ? today : startsOn);
  const first = isoWeekOf(startsOn);
  const last = isoWeekOf(lastDay < startsOn ? startsOn : lastDay);
  const count = daysBetween(isoWeekRange(first).start, isoWeekRange(last).start) / 7 + 1;
  return lastIsoWeeks(last, Math.min(count, MAX_PROGRESS_WEEKS));
}

export function campaignProgress(input: ProgressInput): CampaignProgress {
  const weeks = progressWeeks(input.startsOn, input.endsOn, input.today);
  // Anything dated before the start (people listed while planning) counts in the first week.
  const weekOf = (date: string) => (date < input.startsOn ? isoWeekOf(input.startsOn) : isoWeekOf(date));
  const tally = (dates: string[]) => {
    const counts = new Map<string, number>();
    for (const date of dates) counts.set(weekOf(date), (counts.get(weekOf(date)) ?? 0) + 1);
    return counts;
  };

  // A person counts once, in the week they first came in: as a member or as a referral.
  const cameInOn = new Map<string, string>();
  const arrive = (contactId: string, date: string) => {
    const known = cameInOn.get(contactId);
    if (!known || date < known) cameInOn.set(contactId, date);
  };
  for (const m of input.members) arrive(m.contactId, m.addedOn);
  for (const r of input.referrals) arrive(r.contactId, localDateOf(r.createdAt, input.timeZone));

  const newContacts = tally([...cameInOn.values()]);
  const meetings = tally(input.members.flatMap((m) => (m.metOn ? [m.metOn] : [])));
  const rows = weeks.map((week) => ({
    week,
    startsOn: isoWeekRange(week).start,
    newContacts: { count: newContacts.get(week) ?? 0, target: input.newContactsPerWeek },
    meetings: { count: meetings.get(week) ?? 0, target: input.meetingsPerWeek },
  }));
  // Weeks dropped from a very long chart, or after the end, are not in the totals either.
  const shown = new Set(weeks);
  const sum = (counts: Map<string, number>) => [...counts].reduce((total, [week, n]) => total + (shown.has(week) ? n : 0), 0);
  return { weeks: rows, totals: { newContacts: sum(newContacts), meetings: sum(meetings) } };
}
