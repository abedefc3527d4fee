// Dates and numbers with Intl in the chosen language. Calendar dates (`2026-11-23`) are
// formatted as UTC so no time zone shifts them to the day before.

const DAY_MS = 86_400_000;

export function dateOnlyToUtc(isoDate: string): Date {
  return new Date(`${isoDate.slice(0, 10)}T00:00:00Z`);
}

/** Whole days from `fromIsoDate` to `toIsoDate` (both `YYYY-MM-DD`). */
export function daysBetween(fromIsoDate: string, toIsoDate: string): number {
  return Math.round((dateOnlyToUtc(toIsoDate).getTime() - dateOnlyToUtc(fromIsoDate).getTime()) / DAY_MS);
}

/** The calendar date of an instant in a time zone, as `YYYY-MM-DD`. */
export function isoDateIn(instant: Date, timeZone?: string): string {
  try {
    return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
  } catch {
    return new Intl.DateTimeFormat('en-CA').format(instant);
  }
}

export function addDays(isoDate: string, days: number): string {
  return new Date(dateOnlyToUtc(isoDate).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday after `isoDate` (ISO weeks start on Monday). */
export function nextMonday(isoDate: string): string {
  const weekday = dateOnlyToUtc(isoDate).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, ((8 - weekday) % 7) || 7);
}

export function makeFormatters(locale: string, timeZone?: string) {
  const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const dateLong = new Intl.DateTimeFormat(locale, { weekday: 'long', day: 'numeric', month: 'long', timeZone: 'UTC' });
  const dayMonth = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' });
  const weekdayShort = new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', timeZone: 'UTC' });
  const dateTime = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short', timeZone: safeZone(timeZone) });
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 });

  return {
    /** `2026-11-23` → "23 nov 2026" / "Nov 23, 2026". */
    date: (isoDate: string) => date.format(dateOnlyToUtc(isoDate)),
    /** A heading: "Monday, November 23" / "Lunes, 23 de noviembre" (only the first letter raised). */
    dateLong: (isoDate: string) => capitalizeFirst(dateLong.format(dateOnlyToUtc(isoDate))),
    weekdayShort: (isoDate: string) => weekdayShort.format(dateOnlyToUtc(isoDate)),
    /** `1990-08-23` or `--08-23` (year unknown). */
    birthday: (value: string) =>
      value.startsWith('--') ? dayMonth.format(dateOnlyToUtc(`2000-${value.slice(2)}`)) : date.format(dateOnlyToUtc(value)),
    dateTime: (iso: string) => dateTime.format(new Date(iso)),
    /** The day of an instant where the user lives: `2026-11-23T23:30:00Z` in Madrid → "24 nov 2026". */
    dayOf: (iso: string) => date.format(dateOnlyToUtc(isoDateIn(new Date(iso), timeZone))),
    /** "43 days ago", "yesterday", "in 3 days"; months past ~3 months. */
    relativeDays: (days: number) =>
      Math.abs(days) < 90 ? relative.format(days, 'day') : relative.format(Math.round(days / 30.44), 'month'),
    number: (n: number) => number.format(n),
    percent: (share: number) => percent.format(share),
  };
}

const capitalizeFirst = (text: string) => text.charAt(0).toLocaleUpperCase() + text.slice(1);

export type Formatters = ReturnType<typeof makeFormatters>;

function safeZone(timeZone?: string): string | undefined {
  if (!timeZone) return undefined;
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return undefined;
  }
}

/** The browser's own regional variant of the chosen language (es-MX, en-GB) when it has one. */
export function intlLocaleFor(language: string): string {
  const preferred = typeof navigator === 'undefined' ? [] : navigator.languages ?? [];
  return preferred.find((tag) => tag.toLowerCase().split('-')[0] === language) ?? language;
}
