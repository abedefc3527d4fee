import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Invitation, InvitationCreate, InvitationPatch, WelcomeSent } from '#shared/schemas/invitations.js';
import type { InvitationDirection } from '#shared/enums.js';
import { invitationStatus } from '#shared/rules/funnel.js';
import { linkedinKey } from '#shared/rules/linkedin.js';
import { addDays } from '#shared/rules/time.js';
import type { Db, Tx } from '../../db/database.js';
import { contacts, followups, invitations } from '../../db/schema.js';
import { badRequest, notFound } from '../../http/problems.js';
import { afterCursor, decodeCursor, pageFrom } from '../../http/pagination.js';
import { followupTitles } from '../../i18n/messages.js';
import { findContactRow } from '../contacts/queries.js';
import { refreshContacts } from '../contacts/derived.js';
import type { UserContext } from '../settings/user-context.js';
import { withoutUndefined } from '../../db/patch.js';

type Row = typeof invitations.$inferSelect;

function toInvitation(row: Row, contact: { id: string; displayName: string }): Invitation {
  const outcome = row.outcome;
  return {
    id: row.id,
    contactId: row.contactId,
    contact,
    network: row.network,
    direction: row.direction,
    receivedOn: row.receivedOn,
    message: row.message,
    welcomeSentOn: row.welcomeSentOn,
    welcomeMessage: row.welcomeMessage,
    repliedOn: row.repliedOn,
    outcome,
    acceptedOn: row.acceptedOn,
    status: invitationStatus({ ...row, outcome }),
    createdAt: row.createdAt.toISOString(),
  };
}

export async function selectInvitations(db: Tx, accountId: string, where: SQL | undefined, limit = 500): Promise<Invitation[]> {
  const rows = await db
    .select({ invitation: invitations, contact: { id: contacts.id, displayName: contacts.displayName } })
    .from(invitations)
    .innerJoin(contacts, eq(contacts.id, invitations.contactId))
    .where(and(eq(invitations.accountId, accountId), where))
    .orderBy(desc(invitations.receivedOn), desc(invitations.id))
    .limit(limit);
  return rows.map((r) => toInvitation(r.invitation, r.contact));
}

export async function getInvitation(db: Tx, accountId: string, id: string): Promise<Invitation> {
  const [found] = await selectInvitations(db, accountId, eq(invitations.id, id), 1);
  if (!found) throw notFound('Invitation');
  return found;
}

/**
 * SQL twin of invitationStatus() (src/shared/rules/funnel.ts) for filtering lists;
 * tests/api/rule-agreement.test.ts checks both agree.
 */
export function invitationStatusSql(status: Invitation['status']): SQL {
  switch (status) {
    case 'no_welcome':
      return sql`${invitations.outcome} = 'none' and ${invitations.repliedOn} is null and ${invitations.welcomeSentOn} is null`;
    case 'welcome_sent':
      return sql`${invitations.outcome} = 'none' and ${invitations.repliedOn} is null and ${invitations.welcomeSentOn} is not null`;
    case 'replied':
      return sql`${invitations.outcome} = 'none' and ${invitations.repliedOn} is not null`;
    default:
      return eq(invitations.outcome, status);
  }
}

export async function createInvitation(db: Db, user: UserContext, input: InvitationCreate) {
  return db.transaction(async (tx) => {
    let contactId = input.contactId;
    if (contactId && !(await findContactRow(tx, user.accountId, contactId))) throw badRequest('contactId', 'no such contact');
    if (input.newContact) {
      const n = input.newContact;
      const links = n.profileUrl ? [n.profileUrl] : [];
      const [created] = await tx
        .insert(contacts)
        .values({
          accountId: user.accountId,
          firstName: n.firstName,
          lastName: n.lastName ?? null,
          company: n.company ?? null,
          title: n.title ?? null,
          displayName: [n.firstName, n.lastName].filter(Boolean).join(' '),
          links,
          linkedinKey: n.profileUrl ? linkedinKey(n.profileUrl) : null,
          circle: 'professional',
          source: input.network === 'linkedin' ? 'linkedin' : 'manual',
          createdAt: user.now,
          updatedAt: user.now,
        })
        .returning({ id: contacts.id });
      contactId = created!.id;
      await refreshContacts(tx, user.accountId, [contactId]);
    }
    const receivedOn = input.receivedOn ?? user.today;
    const [row] = await tx
      .insert(invitations)
      .values({ accountId: user.accountId, contactId: contactId!, network: input.network ?? 'linkedin', direction: input.direction, receivedOn, message: input.message ?? null, createdAt: user.now })
      .returning();
    if (input.direction === 'incoming') await addReplyFollowup(tx, user, row!);
    return getInvitation(tx, user.accountId, row!.id);
  });
}

/** An incoming invitation deserves a personal welcome: a follow-up to write it. */
export async function addReplyFollowup(tx: Tx, user: UserContext, row: Row) {
  const contact = (await findContactRow(tx, user.accountId, row.contactId))!;
  const due = row.receivedOn > user.today ? row.receivedOn : user.today;
  await tx.insert(followups).values({
    accountId: user.accountId,
    contactId: row.contactId,
    kind: 'reply_invitation',
    dueOn: addDays(due, 1),
    title: followupTitles.welcome(user.language, contact.displayName),
    invitationId: row.id,
    createdAt: user.now,
  });
}

async function closeReplyFollowups(tx: Tx, invitationId: string, now: Date) {
  await tx
    .update(followups)
    .set({ status: 'done', completedAt: now, snoozedUntil: null })
    .where(and(eq(followups.invitationId, invitationId), eq(followups.kind, 'reply_invitation'), sql`${followups.status} in ('open','snoozed')`));
}

export async function updateInvitation(db: Db, user: UserContext, id: string, patch: InvitationPatch) {
  return db.transaction(async (tx) => {
    await getInvitation(tx, user.accountId, id);
    const changes = withoutUndefined(patch);
    if (Object.keys(changes).length) await tx.update(invitations).set(changes).where(and(eq(invitations.accountId, user.accountId), eq(invitations.id, id)));
    if (patch.welcomeSentOn) await closeReplyFollowups(tx, id, user.now);
    return getInvitation(tx, user.accountId, id);
  });
}

export async function markWelcomeSent(db: Db, user: UserContext, id: string, input: WelcomeSent) {
  return updateInvitation(db, user, id, { welcomeMessage: input.message, welcomeSentOn: input.sentOn ?? user.today });
}

export async function deleteInvitation(db: Db, accountId: string, id: string) {
  const deleted = await db.delete(invitations).where(and(eq(invitations.accountId, accountId), eq(invitations.id, id))).returning({ id: invitations.id });
  if (deleted.length === 0) throw notFound('Invitation');
}

export interface InvitationFilter {
  direction?: InvitationDirection | undefined;
  status?: Invitation['status'] | undefined;
  contactId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listInvitations(db: Db, accountId: string, filter: InvitationFilter) {
  const cursor = decodeCursor(filter.cursor, ['date', 'uuid']);
  const rows = await db
    .select({ id: invitations.id, receivedOn: invitations.receivedOn })
    .from(invitations)
    .where(
      and(
        eq(invitations.accountId, accountId),
        filter.direction ? eq(invitations.direction, filter.direction) : undefined,
        filter.status ? invitationStatusSql(filter.status) : undefined,
        filter.contactId ? eq(invitations.contactId, filter.contactId) : undefined,
        afterCursor(cursor, 'desc', invitations.receivedOn, invitations.id, 'date'),
      ),
    )
    .orderBy(desc(invitations.receivedOn), desc(invitations.id))
    .limit(filter.limit + 1);
  const page = pageFrom(rows, filter.limit, (r) => [r.receivedOn, r.id], (r) => r.id);
  const loaded = await selectInvitations(db, accountId, page.items.length ? sql`${invitations.id} in (${sql.join(page.items.map((i) => sql`${i}::uuid`), sql`, `)})` : sql`false`);
  return { items: loaded, nextCursor: page.nextCursor };
}

export async function funnelRows(db: Db, accountId: string) {
  return db
    .select({
      direction: invitations.direction,
      receivedOn: invitations.receivedOn,
      welcomeSentOn: invitations.welcomeSentOn,
      repliedOn: invitations.repliedOn,
      outcome: invitations.outcome,
      acceptedOn: invitations.acceptedOn,
    })
    .from(invitations)
    .where(eq(invitations.accountId, accountId));
}
