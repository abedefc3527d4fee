// "Ask for an introduction" (docs/domain.md#warm-introductions): the message is sent by the user
// (copied from the `intro_request` template); Círculo logs it as an `ask` touch with the
// introducer and sets a follow-up to check back. When the introduction happens, the user records
// it as a received favor "introduction" to the target (the existing thank → outcome loop).
import { and, eq, inArray } from 'drizzle-orm';
import { addDays } from '#shared/rules/time.js';
import type { IntroRequest, IntroRequested } from '#shared/schemas/intros.js';
import type { Db } from '../../db/database.js';
import { contacts, followups, interactionContacts, interactions } from '../../db/schema.js';
import { badRequest } from '../../http/problems.js';
import { introTexts } from '../../i18n/intros.js';
import { refreshLastInteraction } from '../interactions/queries.js';
import type { UserContext } from '../settings/user-context.js';

/** Days before checking back with the introducer: a week is polite and not forgotten. */
export const INTRO_CHECK_BACK_DAYS = 7;

export async function requestIntro(db: Db, user: UserContext, input: IntroRequest): Promise<IntroRequested> {
  if (input.introducerId === input.targetId) throw badRequest('targetId', 'the introducer and the target are the same person');
  return db.transaction(async (tx) => {
    const people = await tx
      .select({ id: contacts.id, displayName: contacts.displayName })
      .from(contacts)
      .where(and(eq(contacts.accountId, user.accountId), inArray(contacts.id, [input.introducerId, input.targetId])));
    const introducer = people.find((p) => p.id === input.introducerId);
    const target = people.find((p) => p.id === input.targetId);
    if (!introducer) throw badRequest('introducerId', 'no such contact');
    if (!target) throw badRequest('targetId', 'no such contact');
    const [touch] = await tx
      .insert(interactions)
      .values({
        accountId: user.accountId,
        occurredAt: user.now,
        channel: 'message',
        direction: 'outbound',
        intent: 'ask',
        summary: introTexts.askSummary(user.language, target.displayName),
        notes: input.message ?? null,
        createdAt: user.now,
      })
      .returning({ id: interactions.id });
    await tx.insert(interactionContacts).values({ accountId: user.accountId, interactionId: touch!.id, contactId: introducer.id, occurredAt: user.now });
    await refreshLastInteraction(tx, user.accountId, [introducer.id]);
    const [followup] = await tx
      .insert(followups)
      .values({
        accountId: user.accountId,
        contactId: introducer.id,
        dueOn: addDays(user.today, INTRO_CHECK_BACK_DAYS),
        kind: 'custom',
        title: introTexts.followupTitle(user.language, introducer.displayName, target.displayName),
        createdAt: user.now,
      })
      .returning({ id: followups.id });
    return { interactionId: touch!.id, followupId: followup!.id };
  });
}
