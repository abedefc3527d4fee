// Sessions live in the database so any app process can serve any request. A session ends at
// the first of: SESSION_DAYS after login (absolute), SESSION_IDLE_DAYS without use (idle),
// logout, revocation from the sessions list, or a password change made elsewhere.
import { and, desc, eq, gt, lt, ne, or } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { apiTokens, sessions, users } from '../../db/schema.js';
import type { Auth } from '../../http/context.js';
import { refuseExpiredToken } from './caller-rules.js';
import { randomToken, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'circulo_session';
export const SESSION_DAYS = 30;
/**
 * A session nobody has used for two weeks ends even within its 30 days: a laptop left logged in
 * somewhere is not an open door for a month. Every request renews it (see RENEW_AFTER_MS).
 */
export const SESSION_IDLE_DAYS = 14;
/** "Last seen" to the minute is enough, and spares a write on every request. */
const RENEW_AFTER_MS = 60_000;
export const API_TOKEN_PREFIX = 'circ_';

const DAY_MS = 86_400_000;
const idleSince = (now: Date) => new Date(now.getTime() - SESSION_IDLE_DAYS * DAY_MS);

export interface NewSession {
  userId: string;
  accountId: string;
  userAgent?: string | undefined;
  ipAddress?: string | undefined;
}

export async function createSession(db: Db, input: NewSession, now: Date) {
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * DAY_MS);
  await db.insert(sessions).values({
    idHash: sha256(cookieValue),
    userId: input.userId,
    accountId: input.accountId,
    csrfToken,
    createdAt: now,
    expiresAt,
    lastSeenAt: now,
    userAgent: input.userAgent?.slice(0, 500) ?? null,
    ipAddress: input.ipAddress?.slice(0, 100) ?? null,
  });
  // Opportunistic clean-up keeps the table small without a scheduler.
  await db.delete(sessions).where(or(lt(sessions.expiresAt, now), lt(sessions.lastSeenAt, idleSince(now))));
  return { cookieValue, csrfToken, expiresAt };
}

/** The caller of a live session cookie; using it renews the idle limit. */
export async function sessionAuth(db: Db, cookieValue: string, now: Date): Promise<Auth | null> {
  const idHash = sha256(cookieValue);
  const [row] = await db
    .select({ accountId: sessions.accountId, userId: sessions.userId, csrfToken: sessions.csrfToken, lastSeenAt: sessions.lastSeenAt, disabledAt: users.disabledAt })
    .from(sessions)
    // The user comes with the session: whether the owner disabled them costs no second query.
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.idHash, idHash), gt(sessions.expiresAt, now), gt(sessions.lastSeenAt, idleSince(now))))
    .limit(1);
  if (!row) return null;
  if (now.getTime() - row.lastSeenAt.getTime() > RENEW_AFTER_MS) {
    await db.update(sessions).set({ lastSeenAt: now }).where(eq(sessions.idHash, idHash));
  }
  return { accountId: row.accountId, userId: row.userId, csrfToken: row.csrfToken, via: 'session', disabled: row.disabledAt !== null };
}

export async function endSession(db: Db, cookieValue: string) {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(cookieValue)));
}

export type SessionRow = typeof sessions.$inferSelect;

/** The user's live sessions, most recently used first. */
export async function listSessions(db: Db, auth: Pick<Auth, 'accountId' | 'userId'>, now: Date): Promise<SessionRow[]> {
  return db
    .select()
    .from(sessions)
    .where(
      and(
        eq(sessions.accountId, auth.accountId),
        eq(sessions.userId, auth.userId),
        gt(sessions.expiresAt, now),
        gt(sessions.lastSeenAt, idleSince(now)),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
}

/** Ends one of the user's sessions by its public id; false when it is not theirs (or gone). */
export async function endSessionById(db: Db, auth: Pick<Auth, 'accountId' | 'userId'>, publicId: string): Promise<boolean> {
  const ended = await db
    .delete(sessions)
    .where(and(eq(sessions.publicId, publicId), eq(sessions.accountId, auth.accountId), eq(sessions.userId, auth.userId)))
    .returning({ publicId: sessions.publicId });
  return ended.length > 0;
}

/** Ends every session of the user but the one with this cookie (all of them without one). */
export async function endOtherSessions(db: Db, auth: Pick<Auth, 'accountId' | 'userId'>, keepCookie: string | null): Promise<number> {
  const mine = and(eq(sessions.accountId, auth.accountId), eq(sessions.userId, auth.userId));
  const ended = await db
    .delete(sessions)
    .where(keepCookie ? and(mine, ne(sessions.idHash, sha256(keepCookie))) : mine)
    .returning({ publicId: sessions.publicId });
  return ended.length;
}

export async function tokenAuth(db: Db, token: string, now: Date): Promise<Auth | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({
      id: apiTokens.id,
      accountId: apiTokens.accountId,
      userId: apiTokens.userId,
      lastUsedAt: apiTokens.lastUsedAt,
      scope: apiTokens.scope,
      expiresAt: apiTokens.expiresAt,
      disabledAt: users.disabledAt,
    })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, sha256(token)))
    .limit(1);
  if (!row) return null;
  refuseExpiredToken(row, now);
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > RENEW_AFTER_MS) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { accountId: row.accountId, userId: row.userId, via: 'token', csrfToken: null, scope: row.scope, disabled: row.disabledAt !== null };
}
