// ISO-week arithmetic for the week picker, on the same pure rules the server uses.
import { addDays, isIsoWeek, isoWeekOf, isoWeekRange, parseIsoWeek } from '@shared/rules/time.js';

export const shiftWeek = (week: string, by: number): string => isoWeekOf(addDays(isoWeekRange(week).start, by * 7));

export const weekNumber = (week: string): number => parseIsoWeek(week).week;

/** `?week=` when it names a real ISO week, else the user's current week. */
export const weekOrCurrent = (param: string | null, today: string): string =>
  param && isIsoWeek(param) ? param : isoWeekOf(today);

export { isoWeekOf, isoWeekRange, parseIsoWeek };
