// Calendar dates and ISO weeks as the user sees them (docs/domain.md#time: times are stored in UTC; "today"
// and "this week" are computed in the user's IANA time zone; ISO weeks, Monday first).
//
// Two kinds of value meet here, and each has one representation:
// - a calendar date is a `YYYY-MM-DD` string: no time, no zone;
// - an instant is a `Date` (or an ISO date-time string with an explicit offset).
// Only `todayIn`, `localDateOf`, `startOfLocalDayUtc` and `weekRangeUtc` cross between the two,
// and only they take a time zone. Nothing reads the clock or the host's time zone.
//
// Calendar dates are counted as whole days since 1970-01-01 ("epoch days"): adding days, weekdays
// and ISO weeks are then integer arithmetic, exact and the same on any host. (date-fns in a UTC
// context gives the same answers but costs up to ~0.5 ms a call, and the Today view and the
// weekly review run these per row.) Time zones are left to @date-fns/tz.
import { TZDate } from '@date-fns/tz';

const MS_PER_DAY = 86_400_000;
const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_WEEK = /^(\d{4})-W(\d{2})$/;
/** Instants given as text must carry an offset: `2026-11-22T22:30` alone is read in the host's zone. */
const EXPLICIT_OFFSET = /(?:Z|[+-]\d{2}(?::?\d{2})?)$/i;

/** The user's calendar date at `now`. */
export function todayIn(timeZone: string, now: Date): string {
  return localDateOf(now, timeZone);
}

/** The calendar date on which `instant` falls in `timeZone`. */
export function localDateOf(instant: Date | string, timeZone: string): string {
  const local = new TZDate(toInstant(instant).getTime(), timeZone);
  // An unknown zone keeps the instant but gives NaN for every local field.
  if (Number.isNaN(local.getFullYear())) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return `${pad(local.getFullYear(), 4)}-${pad(local.getMonth() + 1, 2)}-${pad(local.getDate(), 2)}`;
}

/** `date` moved by a whole number of calendar days (negative to go back). */
export function addDays(date: string, days: number): string {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromEpochDay(toEpochDay(date) + days);
}

/** `date` itself if it is a real `YYYY-MM-DD` calendar date; throws a RangeError otherwise. */
export function assertCalendarDate(date: string): string {
  toEpochDay(date);
  return date;
}

/** Calendar days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: string, to: string): number {
  return toEpochDay(to) - toEpochDay(from);
}

/**
 * The UTC instant at which `date` begins in `timeZone` (local midnight).
 *
 * Where a DST change skips midnight (America/Santiago in September, Asia/Beirut in March) the
 * day begins at 01:00, its first existing instant. Where a whole day was skipped (Pacific/Apia
 * jumped over 2011-12-30) it is the start of the next day, so consecutive days still tile time.
 */
export function startOfLocalDayUtc(date: string, timeZone: string): Date {
  const [year, month, day] = assertCalendarDate(date).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const midnight = new TZDate(year, month - 1, day, timeZone).getTime();
  if (Number.isNaN(midnight)) throw new RangeError(`Unknown time zone: ${timeZone}`);
  return new Date(midnight);
}

/** The ISO week of a calendar date, e.g. `2026-W47`; the year is the ISO week-year. */
export function isoWeekOf(date: string): string {
  const { year, week } = isoWeekParts(toEpochDay(date));
  return `${pad(year, 4)}-W${pad(week, 2)}`;
}

/** Validates and splits an ISO week such as `2026-W53` (2026 has 53 weeks, 2025 only 52). */
export function parseIsoWeek(week: string): { year: number; week: number } {
  const match = ISO_WEEK.exec(week);
  if (!match) throw new RangeError(`Not an ISO week (YYYY-Www): ${week}`);
  const year = Number(match[1]);
  const number = Number(match[2]);
  // 28 December is always in the last week of its year.
  if (number < 1 || number > isoWeekParts(toEpochDay(`${match[1]}-12-28`)).week) {
    throw new RangeError(`${year} has no week ${number}: ${week}`);
  }
  return { year, week: number };
}

/** Whether `week` is an existing ISO week, for validating input. */
export function isIsoWeek(week: string): boolean {
  try {
    parseIsoWeek(week);
    return true;
  } catch {
    return false;
  }
}

/** The Monday and the Sunday of an ISO week, both included. */
export function isoWeekRange(week: string): { start: string; end: string } {
  const { year, week: number } = parseIsoWeek(week);
  // 4 January is always in week 1.
  const january4 = toEpochDay(`${pad(year, 4)}-01-04`);
  const monday = january4 - weekdayFromMonday(january4) + (number - 1) * 7;
  return { start: fromEpochDay(monday), end: fromEpochDay(monday + 6) };
}

/**
 * The local week as a half-open UTC interval `[from, to)`: Monday 00:00 local to the next
 * Monday 00:00 local. A week with a DST change is 167 or 169 hours long, not 168.
 */
export function weekRangeUtc(week: string, timeZone: string): { from: Date; to: Date } {
  const { start } = isoWeekRange(week);
  return {
    from: startOfLocalDayUtc(start, timeZone),
    to: startOfLocalDayUtc(addDays(start, 7), timeZone),
  };
}

/** The `n` ISO weeks ending with `week`, oldest first (for the weekly review's history chart). */
export function lastIsoWeeks(week: string, n: number): string[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a week count: ${n}`);
  const monday = toEpochDay(isoWeekRange(week).start);
  return Array.from({ length: n }, (_, i) => isoWeekOf(fromEpochDay(monday - 7 * (n - 1 - i))));
}

/** The first Monday strictly after `date` ("snooze until next week"; on a Monday, a week later). */
export function nextMonday(date: string): string {
  const day = toEpochDay(date);
  return fromEpochDay(day + 7 - weekdayFromMonday(day));
}

/** 0 for Monday … 6 for Sunday. 1970-01-01, epoch day 0, was a Thursday. */
function weekdayFromMonday(epochDay: number): number {
  return (((epochDay + 3) % 7) + 7) % 7;
}

/** ISO 8601: a week belongs to the year of its Thursday, and week 1 holds the first Thursday. */
function isoWeekParts(epochDay: number): { year: number; week: number } {
  const thursday = epochDay - weekdayFromMonday(epochDay) + 3;
  const year = new Date(thursday * MS_PER_DAY).getUTCFullYear();
  const january1 = toEpochDay(`${pad(year, 4)}-01-01`);
  return { year, week: Math.floor((thursday - january1) / 7) + 1 };
}

/** Strict `YYYY-MM-DD` to days since 1970-01-01; dates that do not exist (2026-02-30) are refused. */
function toEpochDay(date: string): number {
  const match = CALENDAR_DATE.exec(date);
  if (match) {
    const utcMidnight = new Date(0);
    // setUTCFullYear, unlike Date.UTC, does not turn years below 100 into 19xx.
    utcMidnight.setUTCFullYear(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
    const epochDay = utcMidnight.getTime() / MS_PER_DAY;
    // A rolled-over day (2026-02-30 became 2026-03-02) does not format back the same.
    if (fromEpochDay(epochDay) === date) return epochDay;
  }
  throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
}

function fromEpochDay(epochDay: number): string {
  const utcMidnight = new Date(epochDay * MS_PER_DAY);
  const month = utcMidnight.getUTCMonth() + 1;
  return `${pad(utcMidnight.getUTCFullYear(), 4)}-${pad(month, 2)}-${pad(utcMidnight.getUTCDate(), 2)}`;
}

function toInstant(instant: Date | string): Date {
  if (typeof instant === 'string' && !EXPLICIT_OFFSET.test(instant.trim())) {
    throw new RangeError(`Instant without a UTC offset: ${instant}`);
  }
  const parsed = typeof instant === 'string' ? new Date(instant) : instant;
  if (Number.isNaN(parsed.getTime())) throw new RangeError(`Invalid instant: ${String(instant)}`);
  return parsed;
}

function pad(value: number, width: number): string {
  return String(value).padStart(width, '0');
}
