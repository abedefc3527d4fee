import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { EventCreate, EventListQuery, EventPatch } from '#shared/schemas/events.js';
import { afterEventDueOn } from '#shared/rules/after-event.js';
import type { Db, Tx } from '../../db/database.js';
import { eventAttendees, events, followups, users } from '../../db/schema.js';
import { badRequest, notFound } from '../../http/problems.js';
import { decodeCursor, pageFrom } from '../../http/pagination.js';
import type { UserContext } from '../settings/user-context.js';
import { loadAttendees } from './attendees.js';
import { toEventDetail, toEventSummary, type EventRow } from './mapping.js';
import { withoutUndefined } from '../../db/patch.js';


/** The instant an event is over: its end, else its start. */
const overAt = sql`coalesce(${events.endsAt}, ${events.startsAt})`;

export async function findEventRow(db: Tx, accountId: string, id: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(and(eq(events.accountId, accountId), eq(events.id, id)));
  if (!row) throw notFound('Event');
  return row;
}

export async function getEvent(db: Tx, user: UserContext, id: string) {
  const row = await findEventRow(db, user.accountId, id);
  const [profile] = await db.select({ pitchShort: users.pitchShort }).from(users).where(eq(users.id, user.userId));
  return toEventDetail(row, await loadAttendees(db, user, id), profile?.pitchShort ?? null);
}

export async function listEvents(db: Db, user: UserContext, query: EventListQuery) {
  const cursor = decodeCursor(query.cursor, ['timestamptz', 'uuid']);
  const soonestFirst = query.when === 'upcoming';
  const after = cursor
    ? soonestFirst
      ? sql`(${events.startsAt}, ${events.id}) > (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`
      : sql`(${events.startsAt}, ${events.id}) < (${String(cursor[0])}::timestamptz, ${String(cursor[1])}::uuid)`
    : undefined;
  const when: SQL | undefined =
    query.when === 'upcoming' ? sql`${overAt} >= ${user.now}::timestamptz` : query.when === 'past' ? sql`${overAt} < ${user.now}::timestamptz` : undefined;
  const count = (condition: SQL) =>
    sql<number>`(select count(*)::int from ${eventAttendees} a where a.event_id = ${events.id} and ${condition})`;
  const rows = await db
    .select({
      event: events,
      attendeeCount: count(sql`true`),
      targetCount: count(sql`a.target`),
      metCount: count(sql`a.met`),
    })
    .from(events)
    .where(and(eq(events.accountId, user.accountId), when, after))
    .orderBy(...(soonestFirst ? [asc(events.startsAt), asc(events.id)] : [desc(events.startsAt), desc(events.id)]))
    .limit(query.limit + 1);
  return pageFrom(
    rows,
    query.limit,
    (r) => [r.event.startsAt.toISOString(), r.event.id],
    ({ event, ...counts }) => toEventSummary(event, counts),
  );
}

function checkDates(startsAt: Date, endsAt: Date | null) {
  if (endsAt && endsAt < startsAt) throw badRequest('endsAt', 'must not be before startsAt');
}

export async function createEvent(db: Db, user: UserContext, input: EventCreate) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(events)
      .values({
        accountId: user.accountId,
        name: input.name,
        startsAt: new Date(input.startsAt),
        endsAt: input.endsAt ? new Date(input.endsAt) : null,
        place: input.place ?? null,
        url: input.url ?? null,
        kind: input.kind ?? 'other',
        pitch: input.pitch ?? null,
        talkingPoints: (input.talkingPoints as string[] | undefined) ?? [],
        notes: input.notes ?? null,
        createdAt: user.now,
        updatedAt: user.now,
      })
      .returning({ id: events.id });
    return getEvent(tx, user, row!.id);
  });
}

export async function updateEvent(db: Db, user: UserContext, id: string, patch: EventPatch) {
  return db.transaction(async (tx) => {
    const current = await findEventRow(tx, user.accountId, id);
    const { startsAt, endsAt, ...fields } = patch;
    const changes: Partial<typeof events.$inferInsert> = withoutUndefined(fields);
    if (startsAt !== undefined) changes.startsAt = new Date(startsAt);
    if (endsAt !== undefined) changes.endsAt = endsAt ? new Date(endsAt) : null;
    const moved = { startsAt: changes.startsAt ?? current.startsAt, endsAt: changes.endsAt === undefined ? current.endsAt : changes.endsAt };
    checkDates(moved.startsAt, moved.endsAt);
    await tx.update(events).set({ ...changes, updatedAt: user.now }).where(and(eq(events.accountId, user.accountId), eq(events.id, id)));
    // A corrected date carries the untouched after-event follow-ups along with it.
    const [oldDue, newDue] = [afterEventDueOn(current, user.timeZone), afterEventDueOn(moved, user.timeZone)];
    if (oldDue !== newDue) {
      await tx
        .update(followups)
        .set({ dueOn: newDue })
        .where(and(eq(followups.eventId, id), eq(followups.kind, 'after_event'), eq(followups.status, 'open'), eq(followups.dueOn, oldDue)));
    }
    return getEvent(tx, user, id);
  });
}

/** Its attendee list and after-event follow-ups go with it; contacts met there stay (metAtEventId cleared). */
export async function deleteEvent(db: Db, accountId: string, id: string) {
  const deleted = await db.delete(events).where(and(eq(events.accountId, accountId), eq(events.id, id))).returning({ id: events.id });
  if (deleted.length === 0) throw notFound('Event');
}
