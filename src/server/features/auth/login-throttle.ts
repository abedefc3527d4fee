// Failed logins are counted in the database so the limit holds across app processes.
import { and, eq, gt, lt, sql } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { loginAttempts } from '../../db/schema.js';

export const MAX_FAILED_LOGINS = 10;
export const LOGIN_WINDOW_MINUTES = 15;

const windowStart = (now: Date) => new Date(now.getTime() - LOGIN_WINDOW_MINUTES * 60_000);

export async function tooManyFailedLogins(db: Db, key: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(loginAttempts)
    .where(and(eq(loginAttempts.key, key), gt(loginAttempts.attemptedAt, windowStart(now))));
  return (row?.n ?? 0) >= MAX_FAILED_LOGINS;
}

export async function recordFailedLogin(db: Db, key: string, now: Date) {
  await db.insert(loginAttempts).values({ key, attemptedAt: now });
  await db.delete(loginAttempts).where(lt(loginAttempts.attemptedAt, windowStart(now)));
}

export async function clearFailedLogins(db: Db, key: string) {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, key));
}
