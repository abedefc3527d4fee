// The users of an installation, as their owner manages them (web: Settings → Users; CLI:
// `circulo user list | disable | enable`). Each user has an account of their own.
import { asc, eq } from 'drizzle-orm';
import type { UserSummary } from '#shared/schemas/users.js';
import type { Db } from '../../db/database.js';
import { sessions, users } from '../../db/schema.js';
import { afterCursor, decodeCursor, pageFrom } from '../../http/pagination.js';

type UserRow = typeof users.$inferSelect;

export class OwnerCannotBeDisabledError extends Error {
  constructor() {
    super('The owner cannot be disabled: they manage the other users.');
  }
}

export function toUserSummary(row: UserRow): UserSummary {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    isOwner: row.isOwner,
    status: row.disabledAt ? 'disabled' : 'active',
    createdAt: row.createdAt.toISOString(),
    disabledAt: row.disabledAt?.toISOString() ?? null,
  };
}

/** Oldest first: the owner, then everyone in the order they joined. */
export async function listUsers(db: Db, page: { limit: number; cursor?: string | undefined }) {
  const cursor = decodeCursor(page.cursor, ['timestamptz', 'uuid']);
  const rows = await db
    .select()
    .from(users)
    .where(afterCursor(cursor, 'asc', users.createdAt, users.id, 'timestamptz'))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(page.limit + 1);
  return pageFrom(rows, page.limit, (r) => [r.createdAt.toISOString(), r.id], toUserSummary);
}

export async function isOwner(db: Db, userId: string): Promise<boolean> {
  const [row] = await db.select({ isOwner: users.isOwner }).from(users).where(eq(users.id, userId)).limit(1);
  return row?.isOwner ?? false;
}

/**
 * No more logins, sessions or tokens for this user (authenticate.ts refuses a disabled user's
 * token on every request); their account and its data stay. Null when there is no such user.
 */
export async function disableUser(db: Db, userId: string, now: Date): Promise<UserRow | null> {
  return db.transaction(async (tx) => {
    const [user] = await tx.select().from(users).where(eq(users.id, userId)).limit(1).for('update');
    if (!user) return null;
    if (user.isOwner) throw new OwnerCannotBeDisabledError();
    await tx.delete(sessions).where(eq(sessions.userId, userId));
    if (user.disabledAt) return user;
    const [updated] = await tx.update(users).set({ disabledAt: now }).where(eq(users.id, userId)).returning();
    return updated!;
  });
}

/** Lets the user log in again; their tokens work again unless they expired meanwhile. */
export async function enableUser(db: Db, userId: string): Promise<UserRow | null> {
  const [updated] = await db.update(users).set({ disabledAt: null }).where(eq(users.id, userId)).returning();
  return updated ?? null;
}
