// Sessions live in the database so any app process can serve any request.
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { apiTokens, sessions } from '../../db/schema.js';
import type { Auth } from '../../http/context.js';
import { refuseExpiredToken } from './caller-rules.js';
import { randomToken, sha256 } from './secrets.js';

export const SESSION_COOKIE = 'circulo_session';
export const SESSION_DAYS = 30;
export const API_TOKEN_PREFIX = 'circ_';

export async function createSession(db: Db, userId: string, accountId: string, now: Date) {
  const cookieValue = randomToken();
  const csrfToken = randomToken(24);
  const expiresAt = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
  await db.insert(sessions).values({ idHash: sha256(cookieValue), userId, accountId, csrfToken, createdAt: now, expiresAt });
  // Opportunistic clean-up keeps the table small without a scheduler.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  return { cookieValue, csrfToken, expiresAt };
}

export async function sessionAuth(db: Db, cookieValue: string, now: Date): Promise<Auth | null> {
  const [row] = await db
    .select({ accountId: sessions.accountId, userId: sessions.userId, csrfToken: sessions.csrfToken })
    .from(sessions)
    .where(and(eq(sessions.idHash, sha256(cookieValue)), gt(sessions.expiresAt, now)))
    .limit(1);
  return row ? { ...row, via: 'session' } : null;
}

export async function endSession(db: Db, cookieValue: string) {
  await db.delete(sessions).where(eq(sessions.idHash, sha256(cookieValue)));
}

export async function tokenAuth(db: Db, token: string, now: Date): Promise<Auth | null> {
  if (!token.startsWith(API_TOKEN_PREFIX)) return null;
  const [row] = await db
    .select({ id: apiTokens.id, accountId: apiTokens.accountId, userId: apiTokens.userId, lastUsedAt: apiTokens.lastUsedAt, scope: apiTokens.scope, expiresAt: apiTokens.expiresAt })
    .from(apiTokens)
    .where(eq(apiTokens.tokenHash, sha256(token)))
    .limit(1);
  if (!row) return null;
  refuseExpiredToken(row, now);
  // "Last used" to the minute is enough, and spares a write on every request.
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > 60_000) {
    await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  }
  return { accountId: row.accountId, userId: row.userId, via: 'token', csrfToken: null, scope: row.scope };
}
