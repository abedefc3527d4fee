import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  assertCalendarDate,
  daysBetween,
  isIsoWeek,
  isoWeekOf,
  isoWeekRange,
  lastIsoWeeks,
  localDateOf,
  nextMonday,
  parseIsoWeek,
  startOfLocalDayUtc,
  todayIn,
  weekRangeUtc,
} from './time.js';

const HOUR = 3_600_000;
const hoursIn = ({ from, to }: { from: Date; to: Date }) => (to.getTime() - from.getTime()) / HOUR;

describe('todayIn and localDateOf', () => {
  it.each([
    // Sunday night in Madrid is already Monday in UTC+X zones, and the other way round.
    ['2026-11-22T22:30:00Z', 'Europe/Madrid', '2026-11-22'], // Sunday 23:30
    ['2026-11-22T23:30:00Z', 'Europe/Madrid', '2026-11-23'], // Monday 00:30
    ['2026-11-22T22:30:00Z', 'Pacific/Auckland', '2026-11-23'], // Monday 11:30 (NZDT, +13)
    ['2026-11-22T10:30:00Z', 'Pacific/Auckland', '2026-11-22'], // Sunday 23:30
    ['2026-11-22T11:30:00Z', 'Pacific/Auckland', '2026-11-23'], // Monday 00:30
    ['2026-11-23T02:30:00Z', 'America/Santiago', '2026-11-22'], // Sunday 23:30 (summer, -03)
    ['2026-11-23T02:30:00Z', 'UTC', '2026-11-23'],
    // Either side of the date line, the same instant is two calendar dates apart.
    ['2026-11-22T10:30:00Z', 'Pacific/Kiritimati', '2026-11-23'], // +14
    ['2026-11-22T10:30:00Z', 'Pacific/Pago_Pago', '2026-11-21'], // -11
    // Samoa crossed the date line by skipping 30 December 2011.
    ['2011-12-30T09:59:00Z', 'Pacific/Apia', '2011-12-29'],
    ['2011-12-30T10:00:00Z', 'Pacific/Apia', '2011-12-31'],
  ])('%s in %s is %s', (instant, timeZone, expected) => {
    expect(localDateOf(instant, timeZone)).toBe(expected);
    expect(todayIn(timeZone, new Date(instant))).toBe(expected);
  });

  it.each([
    ['2026-11-22T23:30:00+01:00', '2026-11-22'],
    ['2026-11-22 22:30:00+00', '2026-11-22'], // PostgreSQL's text form of timestamptz
    ['2026-11-22T21:30:00-0100', '2026-11-22'],
  ])('reads instants written with an offset: %s', (instant, expected) => {
    expect(localDateOf(instant, 'Europe/Madrid')).toBe(expected);
  });

  it.each([
    ['2026-11-22T22:30:00', 'Europe/Madrid'], // no offset: would depend on the host's zone
    ['yesterday', 'Europe/Madrid'],
    ['2026-11-22T22:30:00Z', 'Mars/Olympus_Mons'],
  ])('refuses %s in %s', (instant, timeZone) => {
    expect(() => localDateOf(instant, timeZone)).toThrow(RangeError);
  });
});

describe('calendar arithmetic', () => {
  it.each([
    ['2026-03-28', 2, '2026-03-30'], // across Madrid's spring DST change: still whole days
    ['2026-10-24', 2, '2026-10-26'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2025-02-28', 1, '2025-03-01'],
    ['2026-12-31', 1, '2027-01-01'],
    ['2026-01-10', -10, '2025-12-31'],
    ['2026-11-22', 0, '2026-11-22'],
  ])('addDays(%s, %i) is %s', (date, days, expected) => {
    expect(addDays(date, days)).toBe(expected);
    expect(daysBetween(date, expected)).toBe(days);
  });

  it.each([
    ['2024-01-01', '2025-01-01', 366],
    ['2026-11-22', '2026-11-01', -21],
    ['2026-03-29', '2026-03-29', 0],
  ])('daysBetween(%s, %s) is %i', (from, to, expected) => {
    expect(daysBetween(from, to)).toBe(expected);
  });

  it.each(['2026-02-30', '2026-2-3', '20260203', '2026-13-01', ''])('refuses the date %j', (date) => {
    expect(() => addDays(date, 1)).toThrow(RangeError);
    expect(() => assertCalendarDate(date)).toThrow(RangeError);
  });

  it('refuses fractional days', () => {
    expect(() => addDays('2026-11-22', 1.5)).toThrow(RangeError);
  });

  it.each([
    ['2026-11-21', '2026-11-23'], // Saturday
    ['2026-11-22', '2026-11-23'], // Sunday
    ['2026-11-23', '2026-11-30'], // Monday: snoozing "until next week" means the following one
    ['2026-12-31', '2027-01-04'],
  ])('the Monday after %s is %s', (date, expected) => {
    expect(nextMonday(date)).toBe(expected);
  });
});

describe('startOfLocalDayUtc', () => {
  it.each([
    ['2026-03-29', 'Europe/Madrid', '2026-03-28T23:00:00.000Z'], // the DST day starts in winter time
    ['2026-03-30', 'Europe/Madrid', '2026-03-29T22:00:00.000Z'],
    ['2026-11-23', 'Pacific/Auckland', '2026-11-22T11:00:00.000Z'],
    ['2026-11-23', 'Pacific/Kiritimati', '2026-11-22T10:00:00.000Z'],
    // Midnight does not exist: Chile and Lebanon move clocks at 00:00, so the day starts at 01:00.
    ['2026-09-06', 'America/Santiago', '2026-09-06T04:00:00.000Z'],
    ['2026-03-29', 'Asia/Beirut', '2026-03-28T22:00:00.000Z'],
    // Chile's clocks fall back from 00:00 to 23:00 the day before: midnight comes once, at -04.
    ['2026-04-05', 'America/Santiago', '2026-04-05T04:00:00.000Z'],
    // Cuba falls back from 01:00 to 00:00: the earlier of the two midnights.
    ['2026-11-01', 'America/Havana', '2026-11-01T04:00:00.000Z'],
    // A skipped day starts when the next one does.
    ['2011-12-30', 'Pacific/Apia', '2011-12-30T10:00:00.000Z'],
    ['2011-12-31', 'Pacific/Apia', '2011-12-30T10:00:00.000Z'],
  ])('%s in %s starts at %s', (date, timeZone, expected) => {
    expect(startOfLocalDayUtc(date, timeZone).toISOString()).toBe(expected);
  });

  it('refuses an unknown time zone', () => {
    expect(() => startOfLocalDayUtc('2026-11-23', 'Nowhere/Land')).toThrow(RangeError);
  });
});

describe('ISO weeks', () => {
  it.each([
    ['2026-11-16', '2026-W47'],
    ['2026-11-22', '2026-W47'],
    ['2026-11-23', '2026-W48'],
    ['2025-12-29', '2026-W01'], // a Monday in December already in the next week-year
    ['2024-12-30', '2025-W01'],
    ['2026-01-01', '2026-W01'],
    ['2026-12-28', '2026-W53'], // 2026 starts on a Thursday, so it has 53 weeks
    ['2026-12-31', '2026-W53'],
    ['2027-01-01', '2026-W53'], // a January day still in the previous week-year
    ['2027-01-03', '2026-W53'],
    ['2027-01-04', '2027-W01'],
    ['2021-01-03', '2020-W53'],
  ])('%s is in %s', (date, week) => {
    expect(isoWeekOf(date)).toBe(week);
  });

  it.each([
    // The Madrid examples of the spec: the local date decides the week, not the UTC one.
    ['2026-11-22T22:30:00Z', 'Europe/Madrid', '2026-W47'], // Sunday 23:30
    ['2026-11-22T23:30:00Z', 'Europe/Madrid', '2026-W48'], // Monday 00:30
    ['2026-11-22T22:30:00Z', 'Pacific/Auckland', '2026-W48'], // same instant, already Monday
    ['2026-11-23T02:30:00Z', 'America/Santiago', '2026-W47'], // Monday in UTC, Sunday in Chile
    ['2026-11-23T02:30:00Z', 'UTC', '2026-W48'],
  ])('%s in %s is in %s', (instant, timeZone, week) => {
    expect(isoWeekOf(localDateOf(instant, timeZone))).toBe(week);
  });

  it.each([
    ['2026-W47', '2026-11-16', '2026-11-22'],
    ['2026-W01', '2025-12-29', '2026-01-04'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['2025-W01', '2024-12-30', '2025-01-05'],
  ])('%s runs from Monday %s to Sunday %s', (week, start, end) => {
    expect(isoWeekRange(week)).toEqual({ start, end });
  });

  it.each([
    ['2026-W53', { year: 2026, week: 53 }],
    ['2020-W53', { year: 2020, week: 53 }],
    ['2025-W52', { year: 2025, week: 52 }],
    ['2026-W01', { year: 2026, week: 1 }],
  ])('accepts %s', (week, parts) => {
    expect(parseIsoWeek(week)).toEqual(parts);
    expect(isIsoWeek(week)).toBe(true);
  });

  it.each(['2025-W53', '2026-W54', '2026-W00', '2026-W7', '2026W47', '26-W47', ' 2026-W47', '2026-w47'])(
    'refuses %j',
    (week) => {
      expect(() => parseIsoWeek(week)).toThrow(RangeError);
      expect(isIsoWeek(week)).toBe(false);
    },
  );

  it.each([
    ['2027-W02', 4, ['2026-W52', '2026-W53', '2027-W01', '2027-W02']],
    ['2026-W02', 3, ['2025-W52', '2026-W01', '2026-W02']],
    ['2026-W47', 1, ['2026-W47']],
    ['2026-W47', 0, []],
  ])('the last weeks up to %s (%i)', (week, n, expected) => {
    expect(lastIsoWeeks(week, n)).toEqual(expected);
  });

  it('the weekly review history is 12 consecutive weeks', () => {
    const history = lastIsoWeeks('2026-W47', 12);
    expect(history).toHaveLength(12);
    expect(history[0]).toBe('2026-W36');
    expect(history.at(-1)).toBe('2026-W47');
  });
});

describe('weekRangeUtc', () => {
  it.each([
    // Madrid: spring forward on Sunday 2026-03-29, fall back on Sunday 2026-10-25.
    ['2026-W13', 'Europe/Madrid', '2026-03-22T23:00:00.000Z', '2026-03-29T22:00:00.000Z', 167],
    ['2026-W43', 'Europe/Madrid', '2026-10-18T22:00:00.000Z', '2026-10-25T23:00:00.000Z', 169],
    ['2026-W47', 'Europe/Madrid', '2026-11-15T23:00:00.000Z', '2026-11-22T23:00:00.000Z', 168],
    // Southern hemisphere: Chile springs forward 2026-09-06 and falls back 2026-04-05,
    ['2026-W36', 'America/Santiago', '2026-08-31T04:00:00.000Z', '2026-09-07T03:00:00.000Z', 167],
    ['2026-W14', 'America/Santiago', '2026-03-30T03:00:00.000Z', '2026-04-06T04:00:00.000Z', 169],
    // New Zealand 2026-09-27 and 2026-04-05.
    ['2026-W39', 'Pacific/Auckland', '2026-09-20T12:00:00.000Z', '2026-09-27T11:00:00.000Z', 167],
    ['2026-W14', 'Pacific/Auckland', '2026-03-29T11:00:00.000Z', '2026-04-05T12:00:00.000Z', 169],
    ['2026-W53', 'UTC', '2026-12-28T00:00:00.000Z', '2027-01-04T00:00:00.000Z', 168],
    // The week Samoa skipped a day across the date line had six days.
    ['2011-W52', 'Pacific/Apia', '2011-12-26T10:00:00.000Z', '2012-01-01T10:00:00.000Z', 144],
  ])('%s in %s is [%s, %s), %i hours', (week, timeZone, from, to, hours) => {
    const range = weekRangeUtc(week, timeZone);
    expect(range.from.toISOString()).toBe(from);
    expect(range.to.toISOString()).toBe(to);
    expect(hoursIn(range)).toBe(hours);
  });

  it('is half-open: Sunday 23:30 is in, the next Monday 00:00 is out', () => {
    const { from, to } = weekRangeUtc('2026-W47', 'Europe/Madrid');
    const sundayNight = new Date('2026-11-22T22:30:00Z');
    expect(sundayNight >= from && sundayNight < to).toBe(true);
    expect(to).toEqual(weekRangeUtc('2026-W48', 'Europe/Madrid').from);
  });

  it('agrees with isoWeekOf(localDateOf(…)) for any instant and zone', () => {
    const zones = [
      'Europe/Madrid',
      'America/Santiago',
      'Pacific/Auckland',
      'Pacific/Kiritimati',
      'Pacific/Pago_Pago',
      'Asia/Kolkata',
      'America/Havana',
    ];
    fc.assert(
      fc.property(
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2031, 0, 1) }),
        fc.constantFrom(...zones),
        (ms, timeZone) => {
          const instant = new Date(ms);
          const { from, to } = weekRangeUtc(isoWeekOf(localDateOf(instant, timeZone)), timeZone);
          return from <= instant && instant < to;
        },
      ),
      { numRuns: 500 },
    );
  });
});
