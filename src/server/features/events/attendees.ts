// Who will be at an event and how I prepare to meet them: a "want to meet" mark, why, research
// notes, topics and questions, with topics suggested from what we have in common.
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Attendee, AttendeeCreate, AttendeePatch } from '#shared/schemas/events.js';
import { suggestTopics } from '#shared/rules/event-topics.js';
import type { Db, Tx } from '../../db/database.js';
import { contacts, eventAttendees, events } from '../../db/schema.js';
import { badRequest, conflict, notFound } from '../../http/problems.js';
import { findContactRow } from '../contacts/queries.js';
import type { UserContext } from '../settings/user-context.js';
import { commonPointsFor } from '../templates/values.js';
import { withoutUndefined } from '../../db/patch.js';

async function selectAttendees(db: Tx, user: UserContext, where: SQL): Promise<Attendee[]> {
  const rows = await db
    .select({ attendee: eventAttendees, contact: contacts })
    .from(eventAttendees)
    .innerJoin(contacts, eq(contacts.id, eventAttendees.contactId))
    .where(and(eq(eventAttendees.accountId, user.accountId), where))
    .orderBy(desc(eventAttendees.target), asc(sql`lower(${contacts.displayName})`), asc(contacts.id));
  const attendees: Attendee[] = [];
  for (const { attendee, contact } of rows) {
    const points = await commonPointsFor(db, user, contact);
    attendees.push({
      contactId: contact.id,
      contact: { id: contact.id, displayName: contact.displayName },
      company: contact.company,
      title: contact.title,
      target: attendee.target,
      why: attendee.why,
      researchNotes: attendee.researchNotes,
      topics: attendee.topics,
      questions: attendee.questions,
      met: attendee.met,
      metHere: contact.metAtEventId === attendee.eventId,
      suggestedTopics: suggestTopics(contact, points, attendee.topics),
    });
  }
  return attendees;
}

/** Targets first, then by name. */
export function loadAttendees(db: Tx, user: UserContext, eventId: string) {
  return selectAttendees(db, user, eq(eventAttendees.eventId, eventId));
}

async function getAttendee(db: Tx, user: UserContext, eventId: string, contactId: string): Promise<Attendee> {
  const [found] = await selectAttendees(db, user, and(eq(eventAttendees.eventId, eventId), eq(eventAttendees.contactId, contactId))!);
  if (!found) throw notFound('Attendee');
  return found;
}

async function eventExists(db: Tx, accountId: string, eventId: string) {
  const [row] = await db.select({ id: events.id }).from(events).where(and(eq(events.accountId, accountId), eq(events.id, eventId)));
  if (!row) throw notFound('Event');
}

export async function addAttendee(db: Db, user: UserContext, eventId: string, input: AttendeeCreate) {
  return db.transaction(async (tx) => {
    await eventExists(tx, user.accountId, eventId);
    if (!(await findContactRow(tx, user.accountId, input.contactId))) throw badRequest('contactId', 'no such contact');
    const inserted = await tx
      .insert(eventAttendees)
      .values({
        accountId: user.accountId,
        eventId,
        contactId: input.contactId,
        target: input.target ?? false,
        why: input.why ?? null,
        researchNotes: input.researchNotes ?? null,
        topics: (input.topics as string[] | undefined) ?? [],
        questions: (input.questions as string[] | undefined) ?? [],
        met: input.met ?? false,
        createdAt: user.now,
      })
      .onConflictDoNothing()
      .returning({ contactId: eventAttendees.contactId });
    if (inserted.length === 0) throw conflict('That contact is already on the attendee list.');
    return getAttendee(tx, user, eventId, input.contactId);
  });
}

export async function updateAttendee(db: Db, user: UserContext, eventId: string, contactId: string, patch: AttendeePatch) {
  return db.transaction(async (tx) => {
    await eventExists(tx, user.accountId, eventId);
    const changes = withoutUndefined(patch);
    const where = and(eq(eventAttendees.accountId, user.accountId), eq(eventAttendees.eventId, eventId), eq(eventAttendees.contactId, contactId));
    const found = Object.keys(changes).length
      ? await tx.update(eventAttendees).set(changes).where(where).returning({ contactId: eventAttendees.contactId })
      : await tx.select({ contactId: eventAttendees.contactId }).from(eventAttendees).where(where);
    if (found.length === 0) throw notFound('Attendee');
    return getAttendee(tx, user, eventId, contactId);
  });
}

export async function removeAttendee(db: Db, accountId: string, eventId: string, contactId: string) {
  await eventExists(db, accountId, eventId);
  const deleted = await db
    .delete(eventAttendees)
    .where(and(eq(eventAttendees.accountId, accountId), eq(eventAttendees.eventId, eventId), eq(eventAttendees.contactId, contactId)))
    .returning({ contactId: eventAttendees.contactId });
  if (deleted.length === 0) throw notFound('Attendee');
}
