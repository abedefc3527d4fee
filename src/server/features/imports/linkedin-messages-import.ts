// messages.csv → one `linkedin` interaction per message, linked to every participant who is a
// contact (a group conversation is one touch with each of them). Messages never create contacts:
// a conversation with no contact in it is skipped and said so.
//
// Direction: the owner's own messages are outbound, everyone else's inbound. Intent: an inbound
// message is a `reply` in the relationship; an outbound one is `nurture`. Whether an outbound
// message was an ask cannot be read from the text reliably, and calling it `ask` would raise
// the "you only reach out when you need something" warning (docs/domain.md#ask-only-warning) on guesswork, so imported
// outbound messages count as keeping in touch; the user can relabel any of them.
import { and, eq, inArray } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Direction, Intent } from '#shared/enums.js';
import { interactionContacts, interactions } from '../../db/schema.js';
import { refreshLastInteraction } from '../interactions/queries.js';
import { readCsv, type ImportContext } from './import-context.js';
import { isOwner, personKey, type Owner } from './owner.js';
import { parseMessages, type MessageRecord } from './parsers/linkedin-messages.js';
import type { ImportFile } from './zip.js';

const BATCH = 500;
const SUMMARY_CHARS = 200;
const NOTES_CHARS = 20_000;

interface PendingMessage {
  id: string;
  externalId: string;
  occurredAt: Date;
  direction: Direction;
  intent: Intent;
  summary: string;
  notes: string | null;
  contactIds: string[];
}

/** The first line of the message as plain text (some LinkedIn messages are HTML). */
function summaryOf(message: MessageRecord): string {
  const plain = message.content.replace(/<[^>]+>/g, ' ').replace(/&nbsp;/g, ' ').trim();
  const firstLine = (message.subject || plain.split('\n')[0] || message.conversationTitle || 'LinkedIn message').replace(/\s+/g, ' ').trim();
  return firstLine.length > SUMMARY_CHARS ? `${firstLine.slice(0, SUMMARY_CHARS - 1)}…` : firstLine;
}

/** The same message imported again gets the same id: conversation, instant and sender. */
export function messageExternalId(message: MessageRecord): string {
  return `linkedin-message:${message.conversationId}:${message.sentAt.toISOString()}:${personKey(message.from) ?? ''}`;
}

async function writeBatch(ctx: ImportContext, batch: PendingMessage[], touched: Set<string>) {
  if (batch.length === 0) return;
  const accountId = ctx.user.accountId;
  const existing = await ctx.tx
    .select({ id: interactions.id, externalId: interactions.externalId })
    .from(interactions)
    .where(and(eq(interactions.accountId, accountId), inArray(interactions.externalId, batch.map((m) => m.externalId))));
  const idOf = new Map(existing.map((e) => [e.externalId!, e.id]));
  const fresh: PendingMessage[] = [];
  for (const message of batch) {
    if (idOf.has(message.externalId)) {
      ctx.report.interactions.unchanged++;
      continue;
    }
    idOf.set(message.externalId, message.id);
    fresh.push(message);
    ctx.report.interactions.created++;
  }
  if (fresh.length > 0) {
    await ctx.tx.insert(interactions).values(
      fresh.map((m) => ({ id: m.id, accountId, occurredAt: m.occurredAt, channel: 'linkedin' as const, direction: m.direction, intent: m.intent, summary: m.summary, notes: m.notes, externalId: m.externalId, createdAt: ctx.user.now })),
    );
  }
  // Links for every message, old ones too: a participant may have become a contact since.
  const links = batch.flatMap((m) => m.contactIds.map((contactId) => ({ accountId, interactionId: idOf.get(m.externalId)!, contactId, occurredAt: m.occurredAt })));
  await ctx.tx.insert(interactionContacts).values(links).onConflictDoNothing();
  for (const link of links) touched.add(link.contactId);
}

export async function importMessages(ctx: ImportContext, files: ImportFile[], owner: Owner | null) {
  const touched = new Set<string>();
  let batch: PendingMessage[] = [];
  for (const file of files) {
    let count = 0;
    for await (const item of parseMessages(await readCsv(file), file.name)) {
      if (++count % 1_000 === 0) ctx.progress(file.name, count);
      if (item.kind === 'skip') {
        ctx.report.skip(file.name, item.at, item.code, item.reason);
        continue;
      }
      const message = item.value;
      const contactIds = [
        ...new Set(
          [message.from, ...message.to]
            .filter((person) => !isOwner(owner, person))
            .map((person) => ctx.batcher.index.findPerson(person.url, person.name)?.id)
            .filter((id): id is string => Boolean(id)),
        ),
      ];
      if (contactIds.length === 0) {
        const who = [message.from, ...message.to].filter((p) => !isOwner(owner, p)).map((p) => p.name || p.url).join(', ');
        ctx.report.skip(file.name, item.at, 'no_contact_in_conversation', `none of the people in this conversation is a contact${who ? ` (${who.slice(0, 120)})` : ''}`);
        continue;
      }
      const outbound = isOwner(owner, message.from);
      const summary = summaryOf(message);
      const content = message.content.trim();
      batch.push({
        id: randomUUID(),
        externalId: messageExternalId(message),
        occurredAt: message.sentAt,
        direction: outbound ? 'outbound' : 'inbound',
        intent: outbound ? 'nurture' : 'reply',
        summary,
        notes: content && content !== summary ? content.slice(0, NOTES_CHARS) : null,
        contactIds,
      });
      if (batch.length >= BATCH) {
        await writeBatch(ctx, batch, touched);
        batch = [];
      }
    }
    ctx.progress(file.name, count);
  }
  await writeBatch(ctx, batch, touched);
  const ids = [...touched];
  for (let i = 0; i < ids.length; i += 1_000) await refreshLastInteraction(ctx.tx, ctx.user.accountId, ids.slice(i, i + 1_000));
}
