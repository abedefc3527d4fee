// "People you met — add them?": attendees of imported meetings who are not contacts. A person
// leaves the list by becoming a contact (any of the contact's e-mails, matched through the stored
// contact_keys, features/contacts/derived.ts) or by being dismissed.
import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { normaliseEmail } from '#shared/rules/contact-keys.js';
import { splitFullName } from '#shared/rules/names.js';
import { localDateOf } from '#shared/rules/time.js';
import type { PeopleMetList, PersonMetAdd } from '#shared/schemas/calendar-import.js';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import { calendarPeopleMet, contactKeys, interactionContacts, interactions, type MetMeeting } from '../../db/schema.js';
import { conflict, notFound } from '../../http/problems.js';
import { ensureMatchKeysCurrent, refreshContacts } from '../contacts/derived.js';
import { getContact, insertContact } from '../contacts/queries.js';
import type { UserContext } from '../settings/user-context.js';

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

/**
 * Adds a person met as a contact and records the meetings with them as touches at once, under
 * the keys the calendar's next import would use: a meeting already a touch (with other contacts)
 * gains them, one that was not becomes a touch. So that next import finds nothing to change.
 */
export async function addPersonMet(db: Db, user: UserContext, input: PersonMetAdd) {
  const email = normaliseEmail(input.email.replace(/^mailto:/i, ''));
  return db.transaction(async (tx) => {
    const [person] = await tx
      .select()
      .from(calendarPeopleMet)
      .where(and(eq(calendarPeopleMet.accountId, user.accountId), eq(calendarPeopleMet.email, email)));
    if (!person) throw notFound('Person met');
    await ensureMatchKeysCurrent(tx, user.accountId);
    const [holder] = await tx
      .select({ id: contactKeys.contactId })
      .from(contactKeys)
      .where(and(eq(contactKeys.accountId, user.accountId), eq(contactKeys.kind, 'email'), eq(contactKeys.key, email)));
    if (holder) throw conflict(`${email} is already a contact (${holder.id})`);

    const names = input.firstName || input.lastName ? { firstName: input.firstName, lastName: input.lastName } : splitFullName(person.name ?? email.split('@')[0]!);
    const meetings = person.meetings;
    const firstMet = meetings.at(-1)?.occurredAt;
    const contactId = await insertContact(tx, user, {
      ...(names.firstName ? { firstName: names.firstName } : {}),
      ...(names.lastName ? { lastName: names.lastName } : {}),
      emails: [email],
      ...(firstMet ? { metOn: localDateOf(firstMet, user.timeZone) } : {}),
    });
    await recordMeetings(tx, user, contactId, meetings);
    await refreshContacts(tx, user.accountId, [contactId], { lastTouch: true });
    return getContact(tx, user, contactId);
  });
}

async function recordMeetings(tx: Tx, user: UserContext, contactId: string, meetings: MetMeeting[]) {
  if (meetings.length === 0) return;
  const rows = JSON.stringify(meetings.map((m) => ({ id: randomUUID(), external_id: m.key, occurred_at: m.occurredAt, channel: m.channel, direction: m.direction, summary: m.summary })));
  // A meeting is kept going, not asked for: `nurture`, as the import writes it (touches.ts).
  await tx.execute(sql`
    insert into ${interactions} (id, account_id, occurred_at, channel, direction, intent, summary, external_id, created_at)
    select v.id, ${user.accountId}::uuid, v.occurred_at, v.channel, v.direction, 'nurture', v.summary, v.external_id, ${user.now.toISOString()}::timestamptz
    from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, external_id text, occurred_at timestamptz, channel text, direction text, summary text)
    on conflict (account_id, external_id) do nothing`);
  const keys = JSON.stringify(meetings.map((m) => m.key));
  await tx.execute(sql`
    insert into ${interactionContacts} (account_id, interaction_id, contact_id, occurred_at)
    select i.account_id, i.id, ${contactId}::uuid, i.occurred_at
    from ${interactions} i
    where i.account_id = ${user.accountId} and i.external_id in (select value from jsonb_array_elements_text(${keys}::jsonb))`);
}
