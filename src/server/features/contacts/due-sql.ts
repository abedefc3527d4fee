// The keep-in-touch due date as SQL, for filtering and pre-ordering big lists in the database.
// It mirrors keepInTouchDueOn() in src/shared/rules/cadence.ts (the rule's reference); the
// integration tests check both agree.
import { sql, type SQL } from 'drizzle-orm';
import type { Cadences } from '#shared/schemas/settings.js';
import { contacts } from '../../db/schema.js';

export function cadenceSql(cadences: Cadences): SQL {
  return sql`coalesce(${contacts.cadenceDays}, case ${contacts.circle}
    when 'personal' then ${cadences.personal}::int
    when 'opportunity' then ${cadences.opportunity}::int
    else ${cadences.professional}::int end)`;
}

/** The local calendar date the cadence is counted from. */
export function cadenceBaseSql(timeZone: string): SQL {
  return sql`coalesce((${contacts.lastInteractionAt} at time zone ${timeZone})::date, ${contacts.metOn},
    (${contacts.createdAt} at time zone ${timeZone})::date)`;
}

export function dueOnSql(cadences: Cadences, timeZone: string): SQL {
  return sql`(${cadenceBaseSql(timeZone)} + ${cadenceSql(cadences)})`;
}
