// The trash of deleted contacts: list, restore, empty (docs/domain.md, "Trash"). Every contact
// deletion (the web app, the API, a phone through CardDAV) lands here for TRASH_DAYS days.
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { IdParams, Problem } from '#shared/schemas/common.js';
import { TrashEmptied, TrashItem, TrashRestored } from '#shared/schemas/trash.js';
import type { Db } from '../../db/database.js';
import { contactTrash } from '../../db/schema.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { conflict, notFound } from '../../http/problems.js';
import { refreshContacts } from '../contacts/derived.js';
import { purgeTrash, restoreSnapshot, TRASH_DAYS } from './snapshot.js';

const tags = ['trash'];
const DAY_MS = 86_400_000;

export async function listTrash(db: Db, accountId: string, now: Date): Promise<TrashItem[]> {
  await purgeTrash(db, accountId, now);
  const rows = await db
    .select({ id: contactTrash.id, contactId: contactTrash.contactId, displayName: contactTrash.displayName, deletedAt: contactTrash.deletedAt })
    .from(contactTrash)
    .where(eq(contactTrash.accountId, accountId))
    .orderBy(desc(contactTrash.deletedAt), desc(contactTrash.id));
  return rows.map((r) => ({
    ...r,
    deletedAt: r.deletedAt.toISOString(),
    purgeAt: new Date(r.deletedAt.getTime() + TRASH_DAYS * DAY_MS).toISOString(),
  }));
}

/** Puts a trashed contact back with its history; the trash entry goes. */
export async function restoreFromTrash(db: Db, accountId: string, trashId: string, now: Date): Promise<TrashRestored> {
  await purgeTrash(db, accountId, now);
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(contactTrash)
      .where(and(eq(contactTrash.accountId, accountId), eq(contactTrash.id, trashId)))
      .for('update');
    if (!row) throw notFound('Deleted contact');
    if (!(await restoreSnapshot(tx, accountId, row.snapshot as Record<string, unknown[]>))) {
      throw conflict('This contact is already back in your contacts.');
    }
    await tx.delete(contactTrash).where(and(eq(contactTrash.accountId, accountId), eq(contactTrash.id, trashId)));
    await refreshContacts(tx, accountId, [row.contactId], { lastTouch: true });
    return { contactId: row.contactId };
  });
}

export async function emptyTrash(db: Db, accountId: string): Promise<number> {
  const deleted = await db.delete(contactTrash).where(eq(contactTrash.accountId, accountId)).returning({ id: contactTrash.id });
  return deleted.length;
}

export function trashRoutes(app: App, { db, now }: AppContext) {
  app.get('/api/trash', {
    schema: { tags, summary: `Deleted contacts, newest first: each can be restored for ${TRASH_DAYS} days`, response: { 200: z.array(TrashItem) } },
    handler: async (request) => listTrash(db, authOf(request).accountId, now()),
  });

  app.post('/api/trash/:id/restore', {
    schema: {
      tags,
      summary: 'Restore a deleted contact with its touches, follow-ups, favors, invitations, events and campaigns',
      params: IdParams,
      response: { 200: TrashRestored, 404: Problem, 409: Problem },
    },
    handler: async (request) => restoreFromTrash(db, authOf(request).accountId, request.params.id, now()),
  });

  app.delete('/api/trash', {
    schema: { tags, summary: 'Empty the trash: its contacts are gone for good', response: { 200: TrashEmptied } },
    handler: async (request) => ({ deleted: await emptyTrash(db, authOf(request).accountId) }),
  });
}
