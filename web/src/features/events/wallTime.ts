// An event's times are entered as wall-clock time where the user lives (their profile time zone,
// which may differ from the browser's when travelling) and stored as UTC instants.
import { TZDate } from '@date-fns/tz';

const pad = (n: number) => String(n).padStart(2, '0');
const WALL_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/;

/** An instant as the `YYYY-MM-DDTHH:mm` value of a `datetime-local` input, in `timeZone`. */
export function toWallTime(iso: string, timeZone?: string): string {
  const instant = new Date(iso);
  const local = timeZone ? new TZDate(instant.getTime(), timeZone) : instant;
  if (Number.isNaN(local.getFullYear())) return toWallTime(iso);
  return `${local.getFullYear()}-${pad(local.getMonth() + 1)}-${pad(local.getDate())}T${pad(local.getHours())}:${pad(local.getMinutes())}`;
}

/** A `datetime-local` value read in `timeZone`, as an ISO instant; null when it is not a full date and time. */
export function fromWallTime(wall: string, timeZone?: string): string | null {
  const match = WALL_TIME.exec(wall);
  if (!match) return null;
  const [year, month, day, hours, minutes] = match.slice(1).map(Number) as [number, number, number, number, number];
  const instant = timeZone ? new TZDate(year, month - 1, day, hours, minutes, timeZone) : new Date(year, month - 1, day, hours, minutes);
  if (Number.isNaN(instant.getTime())) return timeZone ? fromWallTime(wall) : null;
  return new Date(instant.getTime()).toISOString();
}
