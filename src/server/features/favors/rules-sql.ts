// The favor rules that must also run in SQL, to filter in the database: each mirrors a pure rule
// in src/shared/rules/favors.ts (the reference), and tests/api/rule-agreement.test.ts evaluates
// both over a table of cases on PGlite and PostgreSQL.
import { sql, type SQL } from 'drizzle-orm';
import { NO_NEWS_AFTER_DAYS, RECIPROCITY_DAYS } from '#shared/rules/favors.js';
import { addDays } from '#shared/rules/time.js';
import { favors } from '../../db/schema.js';

/** givenWithoutNews(): given, no outcome reported, 30 days or more before `today`. */
export function noNewsSql(today: string): SQL {
  return sql`(${favors.direction} = 'given' and ${favors.outcomeReportedOn} is null and ${favors.occurredOn} <= ${addDays(today, -NO_NEWS_AFTER_DAYS)}::date)`;
}

/** The 12-month window of reciprocity(): after `today` minus 365 days, up to and including `today`. */
export function lastTwelveMonthsSql(today: string): SQL {
  return sql`(${favors.occurredOn} > ${addDays(today, -RECIPROCITY_DAYS)}::date and ${favors.occurredOn} <= ${today}::date)`;
}
