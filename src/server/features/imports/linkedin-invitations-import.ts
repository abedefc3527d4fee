// Invitations.csv → invitation records (docs/domain.md#invitations), and a contact for each person not
// yet known (a pending invitation from a stranger is how many relationships start). An outgoing
// invitation to someone who is now a connection was accepted, on the day they connected.
import { and, eq, inArray } from 'drizzle-orm';
import type { InvitationDirection } from '#shared/enums.js';
import { splitFullName } from '#shared/rules/names.js';
import { addDays } from '#shared/rules/time.js';
import { contacts, invitations } from '../../db/schema.js';
import { addReplyFollowup } from '../invitations/queries.js';
import { cleanDraft, emptyDraft } from './contact-draft.js';
import { IMPORT_BATCH_ROWS } from './batch.js';
import { PROGRESS_EVERY, readCsv, type ImportContext } from './import-context.js';
import { isOwner, personKey, type Owner } from './owner.js';
import { parseInvitations, type InvitationRecord } from './parsers/linkedin-invitations.js';
import type { ImportFile } from './zip.js';

/** Older incoming invitations get no welcome follow-up: it would only clutter Today. */
const WELCOME_WINDOW_DAYS = 30;

interface PendingInvitation {
  contactId: string;
  direction: InvitationDirection;
  receivedOn: string;
  message: string | null;
  externalId: string;
}

/** The day an outgoing invitation's invitee became a connection, when they did. */
async function connectedOn(ctx: ImportContext, connections: Map<string, string | null>, batch: PendingInvitation[]) {
  const outgoing = batch.filter((i) => i.direction === 'outgoing').map((i) => i.contactId);
  const result = new Map<string, string>();
  if (outgoing.length === 0) return result;
  const rows = await ctx.tx
    .select({ id: contacts.id, linkedinKey: contacts.linkedinKey, metOn: contacts.metOn, source: contacts.source })
    .from(contacts)
    .where(and(eq(contacts.accountId, ctx.user.accountId), inArray(contacts.id, outgoing)));
  for (const row of rows) {
    // A connection of this import, or an earlier LinkedIn import's connection (it has a metOn).
    const fromThisImport = row.linkedinKey ? connections.get(row.linkedinKey) : undefined;
    const day = fromThisImport ?? (row.source === 'linkedin' ? row.metOn : null);
    if (fromThisImport !== undefined || day) result.set(row.id, day ?? '');
  }
  return result;
}

async function writeBatch(ctx: ImportContext, connections: Map<string, string | null>, batch: PendingInvitation[]) {
  if (batch.length === 0) return;
  await ctx.batcher.flush();
  const accountId = ctx.user.accountId;
  const existing = await ctx.tx
    .select({ id: invitations.id, externalId: invitations.externalId, acceptedOn: invitations.acceptedOn })
    .from(invitations)
    .where(and(eq(invitations.accountId, accountId), inArray(invitations.externalId, batch.map((i) => i.externalId))));
  const byExternalId = new Map(existing.map((e) => [e.externalId!, e]));
  const accepted = await connectedOn(ctx, connections, batch);
  const acceptedOf = (i: PendingInvitation) => {
    const day = accepted.get(i.contactId);
    if (day === undefined) return null;
    // Connected On is the acceptance day; without it, it was accepted no later than today.
    return day && day >= i.receivedOn ? day : i.receivedOn;
  };
  const fresh = new Map<string, PendingInvitation>();
  for (const invitation of batch) {
    const found = byExternalId.get(invitation.externalId);
    if (!found) {
      // The same invitation twice in one file is one invitation.
      if (fresh.has(invitation.externalId)) ctx.report.invitations.unchanged++;
      else fresh.set(invitation.externalId, invitation);
      continue;
    }
    const acceptedOn = acceptedOf(invitation);
    if (!found.acceptedOn && acceptedOn) {
      await ctx.tx.update(invitations).set({ acceptedOn }).where(and(eq(invitations.accountId, accountId), eq(invitations.id, found.id)));
      found.acceptedOn = acceptedOn;
      ctx.report.invitations.updated++;
    } else ctx.report.invitations.unchanged++;
  }
  if (fresh.size === 0) return;
  const rows = await ctx.tx
    .insert(invitations)
    .values([...fresh.values()].map((i) => ({ accountId, contactId: i.contactId, network: 'linkedin', direction: i.direction, receivedOn: i.receivedOn, message: i.message, externalId: i.externalId, acceptedOn: acceptedOf(i), createdAt: ctx.user.now })))
    .returning();
  ctx.report.invitations.created += rows.length;
  const welcomeFrom = addDays(ctx.user.today, -WELCOME_WINDOW_DAYS);
  for (const row of rows) {
    if (row.direction === 'incoming' && row.receivedOn >= welcomeFrom) await addReplyFollowup(ctx.tx, ctx.user, row);
  }
}

function externalIdOf(record: InvitationRecord, direction: InvitationDirection, other: InvitationRecord['from']) {
  return `linkedin-invitation:${direction}:${personKey(other) ?? ''}:${record.sentAt}`;
}

export async function importInvitations(ctx: ImportContext, files: ImportFile[], owner: Owner | null, connections: Map<string, string | null>) {
  let batch: PendingInvitation[] = [];
  for (const file of files) {
    let count = 0;
    for await (const item of parseInvitations(await readCsv(file), file.name)) {
      if (++count % PROGRESS_EVERY === 0) ctx.progress(file.name, count);
      if (item.kind === 'skip') {
        ctx.report.skip(file.name, item.at, item.code, item.reason);
        continue;
      }
      const record = item.value;
      const direction = record.direction ?? (isOwner(owner, record.from) ? 'outgoing' : 'incoming');
      const other = direction === 'incoming' ? record.from : record.to;
      if (!other.name && !other.url) {
        ctx.report.skip(file.name, item.at, 'incomplete', 'an invitation that names nobody');
        continue;
      }
      if (isOwner(owner, other)) {
        ctx.report.skip(file.name, item.at, 'owner', 'an invitation between the owner and themselves');
        continue;
      }
      const names = splitFullName(other.name);
      const { draft } = cleanDraft({ ...emptyDraft('linkedin', 'professional'), firstName: names.firstName || null, lastName: names.lastName, links: other.url ? [other.url] : [] });
      // Without a profile URL (older exports) the name must point at exactly one contact.
      const handle = (!other.url && ctx.batcher.index.findPerson(null, other.name)) || (await ctx.batcher.add(draft));
      batch.push({ contactId: handle.id, direction, receivedOn: record.sentOn, message: record.message, externalId: externalIdOf(record, direction, other) });
      if (batch.length >= IMPORT_BATCH_ROWS) {
        await writeBatch(ctx, connections, batch);
        batch = [];
      }
    }
    ctx.progress(file.name, count);
  }
  await writeBatch(ctx, connections, batch);
}
