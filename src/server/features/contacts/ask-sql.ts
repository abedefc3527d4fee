// Which outbound touches the server loads for askStats() (src/shared/rules/ask-only.ts, the
// reference): every touch its 12-month ask share counts, with a month to spare, so the share
// computed on what SQL loads is the share over all touches (docs/domain.md#ask-only-warning: the
// "last 3 asks" streak also looks only this far back). tests/api/rule-agreement.test.ts checks
// this on PGlite and PostgreSQL over a table of cases.
import { sql, type SQL } from 'drizzle-orm';
import { interactionContacts } from '../../db/schema.js';

export function askWindowSql(now: Date): SQL {
  return sql`(${interactionContacts.occurredAt} > ${now}::timestamptz - interval '13 months')`;
}
