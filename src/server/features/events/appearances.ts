// Events in a contact's timeline: those they attend(ed) and the one where I met them.
import { and, eq, inArray } from 'drizzle-orm';
import type { EventAppearance } from '#shared/schemas/events.js';
import type { Tx } from '../../db/database.js';
import { contacts, eventAttendees, events } from '../../db/schema.js';

export async function loadEventAppearances(db: Tx, accountId: string, contactId: string, eventIds: string[]): Promise<EventAppearance[]> {
  if (eventIds.length === 0) return [];
  const [contact] = await db.select({ metAtEventId: contacts.metAtEventId }).from(contacts).where(eq(contacts.id, contactId));
  const rows = await db
    .select({ event: events, attendee: { target: eventAttendees.target, met: eventAttendees.met } })
    .from(events)
    .leftJoin(eventAttendees, and(eq(eventAttendees.eventId, events.id), eq(eventAttendees.contactId, contactId)))
    .where(and(eq(events.accountId, accountId), inArray(events.id, eventIds)));
  return rows.map(({ event, attendee }) => ({
    id: event.id,
    name: event.name,
    startsAt: event.startsAt.toISOString(),
    endsAt: event.endsAt?.toISOString() ?? null,
    kind: event.kind,
    place: event.place,
    attendee: attendee !== null,
    target: attendee?.target ?? false,
    met: attendee?.met ?? false,
    metHere: contact?.metAtEventId === event.id,
  }));
}
