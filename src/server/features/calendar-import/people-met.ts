// "People you met — add them?": attendees of imported meetings who are not contacts. A person
// leaves the list by becoming a contact (any of the contact's e-mails, matched through the stored
// contact_keys, features/contacts/derived.ts) or by being dismissed.
import { and, eq, sql } from 'drizzle-orm';
import { normaliseEmail } from '#shared/rules/contact-keys.js';
import type { PeopleMetList } from '#shared/schemas/calendar-import.js';
import { queryRows, type Db } from '../../db/database.js';
import { calendarPeopleMet, contactKeys } from '../../db/schema.js';
import { ensureMatchKeysCurrent } from '../contacts/derived.js';

/** Listed at most: the most recently met first. */
const LISTED = 500;

export async function listPeopleMet(db: Db, accountId: string): Promise<PeopleMetList> {
  await ensureMatchKeysCurrent(db, accountId);
  const rows = await queryRows<{ email: string; name: string | null; last_met_at: string; last_meeting: string | null; total: number }>(
    db,
    sql`select p.email, p.name, p.last_met_at, p.last_meeting, count(*) over () as total
        from ${calendarPeopleMet} p
        where p.account_id = ${accountId} and p.dismissed_at is null
          and not exists (select 1 from ${contactKeys} k where k.account_id = p.account_id and k.kind = 'email' and k.key = p.email)
        order by p.last_met_at desc, p.email
        limit ${LISTED}`,
  );
  return {
    items: rows.map((r) => ({ email: r.email, name: r.name, lastMetAt: new Date(r.last_met_at).toISOString(), lastMeeting: r.last_meeting })),
    total: Number(rows[0]?.total ?? 0),
  };
}

/** Hides someone from the list; a later meeting with them does not bring them back. */
export async function dismissPersonMet(db: Db, accountId: string, email: string, now: Date): Promise<boolean> {
  const updated = await db
    .update(calendarPeopleMet)
    .set({ dismissedAt: now })
    .where(and(eq(calendarPeopleMet.accountId, accountId), eq(calendarPeopleMet.email, normaliseEmail(email.replace(/^mailto:/i, '')))))
    .returning({ email: calendarPeopleMet.email });
  return updated.length > 0;
}
