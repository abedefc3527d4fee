// Which outbound touches the server loads for askStats() (src/shared/rules/ask-only.ts, the
// reference): every touch its 12-month ask share counts, with a month to spare, so the share
// computed on what SQL loads is the share over all touches (docs/domain.md#ask-only-warning: the
// "last 3 asks" streak also looks only this far back). tests/api/rule-agreement.test.ts checks
// this on PGlite and PostgreSQL over a table of cases.
import { sql, type SQL } from 'drizzle-orm';
import { ASK_SHARE_LIMIT, ASKS_IN_A_ROW, type AskStats } from '#shared/rules/ask-only.js';
import type { Tx } from '../../db/database.js';
import { uuidList } from '../../db/array-literal.js';
import { preparedRows } from '../../db/prepared.js';
import { interactionContacts } from '../../db/schema.js';

export function askWindowSql(now: Date): SQL {
  return sql`(${interactionContacts.occurredAt} > ${now}::timestamptz - interval '13 months')`;
}

/**
 * askStats() of each contact in `ids`, counted in the database: a busy person has thousands of
 * outbound touches in the window, and sending each to be counted cost more than counting (the
 * busiest contact's page, the introducers of every intro path). The share's 12 months start where
 * the rule's do (a year back by the UTC calendar, from `now`); the streak is the newest
 * ASKS_IN_A_ROW touches in the window, in the timeline's order. tests/api/rule-agreement.test.ts
 * checks it against askStats() over a table of cases.
 */
export async function askStatsOf(db: Tx, accountId: string, now: Date, ids: readonly string[]): Promise<Map<string, AskStats>> {
  if (ids.length === 0) return new Map();
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const ic = interactionContacts;
  const outbound = (id: SQL) => sql`${ic.accountId} = ${accountId} and ${ic.contactId} = ${id} and ${ic.direction} = 'outbound' and ${ic.occurredAt} <= ${now}::timestamptz`;
  const rows = await preparedRows<{ id: string; touches: number; asks: number; streak: boolean }>(db, 'ask_stats', sql`
    select c.id, y.touches, y.asks, coalesce(s.streak, false) as streak
    from unnest(${uuidList(ids)}) as c(id)
    cross join lateral (
      select count(*)::int as touches, (count(*) filter (where ${ic.intent} = 'ask'))::int as asks
      from ${ic} where ${outbound(sql`c.id`)} and ${ic.occurredAt} >= ${yearAgo}::timestamptz) y
    cross join lateral (
      select count(*) = ${ASKS_IN_A_ROW} and bool_and(newest.intent = 'ask') as streak
      from (select ${ic.intent} as intent from ${ic} where ${outbound(sql`c.id`)} and ${askWindowSql(now)}
            order by ${ic.occurredAt} desc nulls last, ${ic.interactionId} desc nulls last
            limit ${ASKS_IN_A_ROW}) newest) s`);
  return new Map(
    rows.map((r) => {
      const askShare = r.touches === 0 ? 0 : r.asks / r.touches;
      return [r.id, { askShare, askOnly: askShare > ASK_SHARE_LIMIT || r.streak }];
    }),
  );
}
