// When to write to the people met at an event (docs/domain.md#events): two days after it ends, counted in
// the user's calendar days, so an evening event on Friday gives a follow-up on Sunday wherever
// the server runs. Shared so the event page can say the date before anyone is captured.
import { addDays, localDateOf } from './time.js';

/** Days after the event an `after_event` follow-up is due. */
export const AFTER_EVENT_DELAY_DAYS = 2;

/** The local calendar day the event ends on (its start day when it has no end). */
export function lastDayOf(event: { startsAt: Date | string; endsAt: Date | string | null }, timeZone: string): string {
  return localDateOf(event.endsAt ?? event.startsAt, timeZone);
}

export function afterEventDueOn(event: { startsAt: Date | string; endsAt: Date | string | null }, timeZone: string): string {
  return addDays(lastDayOf(event, timeZone), AFTER_EVENT_DELAY_DAYS);
}
