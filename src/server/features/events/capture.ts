// Quick capture after an event (docs/domain.md#events): the people met, typed standing in a corridor,
// become contacts in the opportunity circle, met there, each with a follow-up two days later.
import type { EventCapture, EventCaptured } from '#shared/schemas/events.js';
import { afterEventDueOn } from '#shared/rules/after-event.js';
import { splitFullName } from '#shared/rules/names.js';
import { localDateOf } from '#shared/rules/time.js';
import type { Db } from '../../db/database.js';
import { contacts, eventAttendees, followups } from '../../db/schema.js';
import { followupTitles, recordTexts } from '../../i18n/messages.js';
import { deriveDisplayName, toSummary } from '../contacts/mapping.js';
import { refreshContacts } from '../contacts/derived.js';
import { findContactRows } from '../contacts/queries.js';
import { loadFollowups } from '../followups/queries.js';
import type { UserContext } from '../settings/user-context.js';
import { findEventRow } from './queries.js';

/** All or nothing: one transaction for every person. */
export async function captureAtEvent(db: Db, user: UserContext, eventId: string, input: EventCapture): Promise<EventCaptured> {
  return db.transaction(async (tx) => {
    const event = await findEventRow(tx, user.accountId, eventId);
    const metOn = localDateOf(event.startsAt, user.timeZone);
    const dueOn = afterEventDueOn(event, user.timeZone);
    const capturedIds: string[] = [];
    const followupIds: string[] = [];
    for (const person of input.people) {
      const { firstName, lastName } = splitFullName(person.name);
      const displayName = deriveDisplayName({ firstName, lastName });
      const [contact] = await tx
        .insert(contacts)
        .values({
          accountId: user.accountId,
          firstName,
          lastName,
          displayName,
          company: person.company ?? null,
          notes: person.note ?? null,
          circle: 'opportunity',
          source: 'event',
          metAtEventId: event.id,
          metOn,
          howMet: recordTexts.metAtEvent(user.language, event.name),
          createdAt: user.now,
          updatedAt: user.now,
        })
        .returning();
      await tx.insert(eventAttendees).values({ accountId: user.accountId, eventId: event.id, contactId: contact!.id, met: true, createdAt: user.now });
      const [followup] = await tx
        .insert(followups)
        .values({
          accountId: user.accountId,
          contactId: contact!.id,
          kind: 'after_event',
          dueOn,
          title: followupTitles.afterEvent(user.language, displayName, event.name),
          eventId: event.id,
          createdAt: user.now,
        })
        .returning({ id: followups.id });
      capturedIds.push(contact!.id);
      followupIds.push(followup!.id);
    }
    await refreshContacts(tx, user.accountId, capturedIds);
    const captured = (await findContactRows(tx, user.accountId, capturedIds)).map((row) => toSummary(row, user));
    return { contacts: captured, followups: await loadFollowups(tx, user.accountId, followupIds) };
  });
}
