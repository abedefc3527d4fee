// Keep-in-touch cadence (docs/domain.md#keep-in-touch-cadence): a contact is due when their last interaction is older than
// their cadence — per contact, else the default of their circle. Due contacts are suggestions on
// the Today view, ranked most overdue relative to cadence first, then closer stage first.
import type { Circle, Stage } from '../enums.js';
import type { Cadences } from '../schemas/settings.js';
import { addDays, assertCalendarDate, daysBetween, localDateOf } from './time.js';

/** Days between touches when neither the contact nor the account says otherwise. */
export const DEFAULT_CADENCES: Readonly<Cadences> = Object.freeze({
  personal: 30,
  professional: 60,
  opportunity: 120,
});

export interface CadenceSubject {
  /** Null: the default of the contact's circle. */
  cadenceDays: number | null;
  circle: Circle;
}

export interface KeepInTouchSubject extends CadenceSubject {
  lastInteractionAt: Date | string | null;
  /** Calendar date (`YYYY-MM-DD`) the user met them, already in the user's terms. */
  metOn: string | null;
  createdAt: Date | string;
}

export interface KeepInTouchCandidate extends KeepInTouchSubject {
  stage: Stage;
  displayName: string;
}

export type RankedKeepInTouch<T> = T & {
  /** Calendar date the next touch was due. */
  dueOn: string;
  /** Whole days since `dueOn`; 0 when due today. */
  daysOverdue: number;
  /** The cadence in effect (the contact's own, else the circle default), never null. */
  cadenceDays: number;
  /** Days of silence divided by the cadence: 1 when due today, 2 when silent twice as long. */
  overdueRatio: number;
};

/** The contact's own cadence if set, else their circle's default. */
export function effectiveCadence(contact: CadenceSubject, defaults: Cadences): number {
  const days = contact.cadenceDays ?? defaults[contact.circle];
  // The ranking divides by it: a zero or fractional cadence is a data error, not a preference.
  if (!Number.isInteger(days) || days < 1) throw new RangeError(`Invalid cadence: ${days} days`);
  return days;
}

/**
 * The local calendar date the silence is counted from: the last interaction, else the day we
 * met, else the day the contact was added. Instants are read in the user's time zone, so an
 * interaction at 23:30 local counts on that local day even when it is already tomorrow in UTC.
 */
export function silenceStartedOn(contact: KeepInTouchSubject, timeZone: string): string {
  if (contact.lastInteractionAt !== null) return localDateOf(contact.lastInteractionAt, timeZone);
  if (contact.metOn !== null) return assertCalendarDate(contact.metOn);
  return localDateOf(contact.createdAt, timeZone);
}

/** The calendar date the next keep-in-touch is due: silence start + effective cadence. */
export function keepInTouchDueOn(
  contact: KeepInTouchSubject,
  defaults: Cadences,
  timeZone: string,
): string {
  return addDays(silenceStartedOn(contact, timeZone), effectiveCadence(contact, defaults));
}

const STAGE_CLOSENESS: Record<Stage, number> = {
  new: 0,
  in_conversation: 1,
  met_online: 2,
  met_in_person: 3,
  relationship: 4,
  trusted: 5,
};

/**
 * How close a stage is, higher is closer: trusted > relationship > met_in_person > met_online >
 * in_conversation > new. Spelled out rather than taken from the enum's order, which only
 * promises that new stages are appended.
 */
export function stageCloseness(stage: Stage): number {
  return STAGE_CLOSENESS[stage];
}

/** Fixed locale so the order of names does not depend on the host; `numeric` puts "Ana 2" before "Ana 10". */
const byName = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

/** A contact's keep-in-touch state as stored (features/contacts/derived.ts), ready to rank. */
export interface StoredKeepInTouch {
  /** silenceStartedOn(): the local date the silence started. */
  silentSince: string;
  /** effectiveCadence(), never null. */
  cadenceDays: number;
  stage: Stage;
  displayName: string;
}

/**
 * The contacts due on or before `today`, most overdue relative to their cadence first (40 days
 * silent on a 30-day cadence beats 70 on a 60-day one), then the closer stage, then the name.
 * Contacts not yet due are left out; remaining ties keep the input order.
 */
export function rankStoredKeepInTouch<T extends StoredKeepInTouch>(
  candidates: readonly T[],
  today: string,
): Array<T & { dueOn: string; daysOverdue: number; overdueRatio: number }> {
  const due: Array<T & { dueOn: string; daysOverdue: number; overdueRatio: number }> = [];
  for (const contact of candidates) {
    if (!Number.isInteger(contact.cadenceDays) || contact.cadenceDays < 1) throw new RangeError(`Invalid cadence: ${contact.cadenceDays} days`);
    const dueOn = addDays(contact.silentSince, contact.cadenceDays);
    const daysOverdue = daysBetween(dueOn, today);
    if (daysOverdue < 0) continue;
    const overdueRatio = daysBetween(contact.silentSince, today) / contact.cadenceDays;
    due.push({ ...contact, dueOn, daysOverdue, overdueRatio });
  }
  return due.sort(
    (a, b) =>
      b.overdueRatio - a.overdueRatio ||
      stageCloseness(b.stage) - stageCloseness(a.stage) ||
      byName.compare(a.displayName, b.displayName),
  );
}

/** rankStoredKeepInTouch() over contacts as they are, their silence and cadence computed here. */
export function rankKeepInTouch<T extends KeepInTouchCandidate>(
  candidates: readonly T[],
  today: string,
  defaults: Cadences,
  timeZone: string,
): Array<RankedKeepInTouch<T>> {
  const ranked = rankStoredKeepInTouch(
    candidates.map((contact, index) => ({
      index,
      silentSince: silenceStartedOn(contact, timeZone),
      cadenceDays: effectiveCadence(contact, defaults),
      stage: contact.stage,
      displayName: contact.displayName,
    })),
    today,
  );
  return ranked.map(({ index, dueOn, daysOverdue, cadenceDays, overdueRatio }) => ({ ...candidates[index]!, dueOn, daysOverdue, cadenceDays, overdueRatio }));
}
