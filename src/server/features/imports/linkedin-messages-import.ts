// messages.csv → one `linkedin` interaction per message, linked to every participant who is a
// contact (a group conversation is one touch with each of them). Messages never create contacts:
// a conversation with no contact in it is skipped and said so.
//
// Direction: the owner's own messages are outbound, everyone else's inbound. Intent: an inbound
// message is a `reply` in the relationship; an outbound one is `nurture`. Whether an outbound
// message was an ask cannot be read from the text reliably, and calling it `ask` would raise
// the "you only reach out when you need something" warning (docs/domain.md#ask-only-warning) on guesswork, so imported
// outbound messages count as keeping in touch; the user can relabel any of them.
import { sql } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import type { Direction, Intent } from '#shared/enums.js';
import { interactionContacts, interactions } from '../../db/schema.js';
import { queryRows } from '../../db/database.js';
import { IMPORT_BATCH_CHARS, IMPORT_BATCH_ROWS } from './batch.js';
import { PROGRESS_EVERY, readCsv, type ImportContext } from './import-context.js';
import { isOwner, personKey, type Owner } from './owner.js';
import { parseMessages, type MessageRecord } from './parsers/linkedin-messages.js';
import type { ImportFile } from './zip.js';

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

/**
 * One batch in two or three statements: the touches (a message already imported has the same
 * external id, so `on conflict do nothing` leaves it, and what comes back is what was created),
 * then the links of every message of the batch, old ones too: a participant may have become a
 * contact since.
 */
async function writeBatch(ctx: ImportContext, batch: PendingMessage[]) {
  if (batch.length === 0) return;
  const accountId = ctx.user.accountId;
  const rows = JSON.stringify(
    batch.map((m) => ({
      id: m.id,
      external_id: m.externalId,
      occurred_at: m.occurredAt.toISOString(),
      direction: m.direction,
      intent: m.intent,
      summary: m.summary,
      notes: m.notes,
    })),
  );
  const created = await queryRows<{ id: string }>(
    ctx.tx,
    sql`insert into ${interactions} (id, account_id, occurred_at, channel, direction, intent, summary, notes, external_id, created_at)
        select v.id, ${accountId}::uuid, v.occurred_at, 'linkedin', v.direction, v.intent, v.summary, v.notes, v.external_id,
               ${ctx.user.now.toISOString()}::timestamptz
        from jsonb_to_recordset(${rows}::jsonb) as v(id uuid, external_id text, occurred_at timestamptz, direction text,
             intent text, summary text, notes text)
        on conflict (account_id, external_id) do nothing
        returning id`,
  );
  ctx.report.interactions.created += created.length;
  ctx.report.interactions.unchanged += batch.length - created.length;
  // The links carry their interaction's channel, direction and intent, so the database checks
  // them once per statement instead of looking each up (migration 0026). A message created just
  // now is linked by the id this import gave it; one already there (or twice in the file) is
  // found by its external id. Finding each by external id cost ~5 µs more per link.
  const createdIds = new Set(created.map((r) => r.id));
  const fresh = batch.filter((m) => createdIds.has(m.id));
  const known = batch.filter((m) => !createdIds.has(m.id));
  if (fresh.length > 0) {
    const links = JSON.stringify(fresh.map((m) => ({ id: m.id, occurred_at: m.occurredAt.toISOString(), direction: m.direction, intent: m.intent, contact_ids: m.contactIds })));
    await ctx.tx.execute(sql`
      insert into ${interactionContacts} (account_id, interaction_id, contact_id, occurred_at, channel, direction, intent)
      select ${accountId}::uuid, v.id, c.id, v.occurred_at, 'linkedin', v.direction, v.intent
      from jsonb_to_recordset(${links}::jsonb) as v(id uuid, occurred_at timestamptz, direction text, intent text, contact_ids uuid[])
      cross join unnest(v.contact_ids) as c(id)
      on conflict do nothing`);
  }
  if (known.length > 0) {
    const links = JSON.stringify(known.map((m) => ({ external_id: m.externalId, occurred_at: m.occurredAt.toISOString(), contact_ids: m.contactIds })));
    await ctx.tx.execute(sql`
      insert into ${interactionContacts} (account_id, interaction_id, contact_id, occurred_at, channel, direction, intent)
      select ${accountId}::uuid, i.id, c.id, v.occurred_at, i.channel, i.direction, i.intent
      from jsonb_to_recordset(${links}::jsonb) as v(external_id text, occurred_at timestamptz, contact_ids uuid[])
      join ${interactions} i on i.account_id = ${accountId} and i.external_id = v.external_id
      cross join unnest(v.contact_ids) as c(id)
      on conflict do nothing`);
  }
  for (const message of batch) for (const id of message.contactIds) ctx.touchedContacts.add(id);
}

export async function importMessages(ctx: ImportContext, files: ImportFile[], owner: Owner | null) {
  let batch: PendingMessage[] = [];
  let batchChars = 0;
  for (const file of files) {
    let count = 0;
    for await (const item of parseMessages(await readCsv(file), file.name)) {
      if (++count % PROGRESS_EVERY === 0) ctx.progress(file.name, count);
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
      batchChars += summary.length + content.length;
      if (batch.length >= IMPORT_BATCH_ROWS || batchChars >= IMPORT_BATCH_CHARS) {
        await writeBatch(ctx, batch);
        batch = [];
        batchChars = 0;
      }
    }
    ctx.progress(file.name, count);
  }
  await writeBatch(ctx, batch);
}
