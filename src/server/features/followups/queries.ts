import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Followup, FollowupCreate, FollowupPatch } from '#shared/schemas/followups.js';
import type { FollowupKind, FollowupStatus } from '#shared/enums.js';
import type { Db, Tx } from '../../db/database.js';
import { contacts, followups } from '../../db/schema.js';
import { badRequest, notFound } from '../../http/problems.js';
import { afterCursor, decodeCursor, pageFrom } from '../../http/pagination.js';

type FollowupRow = typeof followups.$inferSelect;

function toFollowup(row: FollowupRow, contact: { id: string; displayName: string }): Followup {
  return {
    id: row.id,
    contactId: row.contactId,
    contact,
    dueOn: row.dueOn,
    kind: row.kind,
    title: row.title,
    notes: row.notes,
    status: row.status,
    snoozedUntil: row.snoozedUntil,
    completedAt: row.completedAt?.toISOString() ?? null,
    favorId: row.favorId,
    eventId: row.eventId,
    campaignId: row.campaignId,
    invitationId: row.invitationId,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The date a follow-up is due on for the user: the snooze date while snoozed. */
export const effectiveDueSql = sql<string>`(case when ${followups.status} = 'snoozed' then ${followups.snoozedUntil} else ${followups.dueOn} end)`;

/** Follow-ups matching `where`, with their contact, ordered by effective due date. */
export async function selectFollowups(db: Tx, accountId: string, where: SQL | undefined, limit = 500): Promise<Followup[]> {
  const rows = await db
    .select({ followup: followups, contact: { id: contacts.id, displayName: contacts.displayName } })
    .from(followups)
    .innerJoin(contacts, eq(contacts.id, followups.contactId))
    .where(and(eq(followups.accountId, accountId), where))
    .orderBy(asc(effectiveDueSql), asc(followups.createdAt), asc(followups.id))
    .limit(limit);
  return rows.map((r) => toFollowup(r.followup, r.contact));
}

export async function loadFollowups(db: Tx, accountId: string, ids: string[]): Promise<Followup[]> {
  if (ids.length === 0) return [];
  const found = await selectFollowups(db, accountId, inArray(followups.id, ids));
  const byId = new Map(found.map((f) => [f.id, f]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getFollowup(db: Tx, accountId: string, id: string): Promise<Followup> {
  const [found] = await loadFollowups(db, accountId, [id]);
  if (!found) throw notFound('Follow-up');
  return found;
}

export async function createFollowup(db: Db, accountId: string, input: FollowupCreate, now: Date) {
  const [contact] = await db
    .select({ id: contacts.id })
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.id, input.contactId)));
  if (!contact) throw badRequest('contactId', 'no such contact');
  const [row] = await db
    .insert(followups)
    .values({ accountId, contactId: input.contactId, dueOn: input.dueOn, kind: input.kind ?? 'custom', title: input.title, notes: input.notes ?? null, createdAt: now })
    .returning({ id: followups.id });
  return getFollowup(db, accountId, row!.id);
}

/** What a status change implies for the other columns. */
function statusColumns(status: FollowupStatus | undefined, snoozedUntil: string | null | undefined, now: Date) {
  switch (status) {
    case undefined:
      return snoozedUntil !== undefined ? { snoozedUntil } : {};
    case 'done':
      return { status, completedAt: now, snoozedUntil: null };
    case 'dismissed':
      return { status, completedAt: null, snoozedUntil: null };
    case 'snoozed':
      return { status, completedAt: null, snoozedUntil: snoozedUntil! };
    case 'open':
      return { status, completedAt: null, snoozedUntil: null };
  }
}

export async function updateFollowup(db: Db, accountId: string, id: string, patch: FollowupPatch, now: Date) {
  await getFollowup(db, accountId, id);
  const { status, snoozedUntil, ...fields } = patch;
  const changes = { ...fields, ...statusColumns(status, snoozedUntil, now) };
  if (Object.keys(changes).length > 0) {
    await db.update(followups).set(changes).where(and(eq(followups.accountId, accountId), eq(followups.id, id)));
  }
  return getFollowup(db, accountId, id);
}

export async function deleteFollowup(db: Db, accountId: string, id: string) {
  const deleted = await db
    .delete(followups)
    .where(and(eq(followups.accountId, accountId), eq(followups.id, id)))
    .returning({ id: followups.id });
  if (deleted.length === 0) throw notFound('Follow-up');
}

export interface FollowupFilter {
  contactId?: string | undefined;
  status?: FollowupStatus | undefined;
  kind?: FollowupKind | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listFollowups(db: Db, accountId: string, filter: FollowupFilter) {
  const cursor = decodeCursor(filter.cursor, ['date', 'uuid']);
  const rows = await db
    .select({ id: followups.id, due: effectiveDueSql })
    .from(followups)
    .where(
      and(
        eq(followups.accountId, accountId),
        filter.contactId ? eq(followups.contactId, filter.contactId) : undefined,
        filter.status ? eq(followups.status, filter.status) : undefined,
        filter.kind ? eq(followups.kind, filter.kind) : undefined,
        afterCursor(cursor, 'asc', effectiveDueSql, followups.id, 'date'),
      ),
    )
    .orderBy(asc(effectiveDueSql), asc(followups.id))
    .limit(filter.limit + 1);
  const page = pageFrom(rows, filter.limit, (r) => [r.due, r.id], (r) => r.id);
  return { items: await loadFollowups(db, accountId, page.items), nextCursor: page.nextCursor };
}
