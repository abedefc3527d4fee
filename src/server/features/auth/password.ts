// Changing the password, and proving again who you are before a sensitive change.
import { eq } from 'drizzle-orm';
import type { Reauthentication } from '#shared/schemas/security.js';
import type { Db } from '../../db/database.js';
import { users } from '../../db/schema.js';
import type { Auth, AppContext } from '../../http/context.js';
import { HttpProblem, badRequest } from '../../http/problems.js';
import { loginSucceeded, requireLoginTry, type ThrottleKeys } from './login-throttle.js';
import { hashPassword, verifyPassword } from './secrets.js';
import { SecretUnreadableError, passSecondFactor } from './totp.js';
import { findUser } from './users.js';

export async function setPassword(db: Db, userId: string, newPassword: string) {
  await db.update(users).set({ passwordHash: await hashPassword(newPassword) }).where(eq(users.id, userId));
}

/**
 * Someone holding a stolen session must not be able to guess the password through these
 * screens either: every answer is throttled like a login (login-throttle.ts: counted as a failure
 * before it is checked, growing delays), on keys of its own per user, so a wrong answer here
 * neither locks the login form nor is forgiven by a login elsewhere.
 */
const reauthKeys = (userId: string): ThrottleKeys => ({ account: `reauth:${userId}`, address: `reauth:${userId}` });

async function takeReauthTry(ctx: AppContext, userId: string): Promise<ThrottleKeys> {
  const keys = reauthKeys(userId);
  await requireLoginTry(ctx.db, keys, ctx.now(), 'wrong answers');
  return keys;
}

/** Checks the current password; a wrong one is a 400 naming `field`. */
export async function requirePassword(ctx: AppContext, auth: Auth, password: string, field: string) {
  const keys = await takeReauthTry(ctx, auth.userId);
  const user = await findUser(ctx.db, auth.userId);
  if (!user || user.accountId !== auth.accountId) throw new HttpProblem(401, 'Unauthorized', 'This user no longer exists.');
  if (!(await verifyPassword(user.passwordHash, password))) throw badRequest(field, 'this is not your current password', 'wrong_password');
  await loginSucceeded(ctx.db, keys);
  return user;
}

/** The password, or a code from the authenticator app or a recovery code. */
export async function requireReauthentication(ctx: AppContext, auth: Auth, proof: Reauthentication) {
  if (proof.password !== undefined) return requirePassword(ctx, auth, proof.password, 'password');
  const keys = await takeReauthTry(ctx, auth.userId);
  const ok = await passSecondFactor(ctx.db, ctx.totpBox, auth, proof, ctx.now()).catch((error: unknown) => {
    if (error instanceof SecretUnreadableError) return false;
    throw error;
  });
  if (!ok) throw badRequest(proof.totpCode !== undefined ? 'totpCode' : 'recoveryCode', 'wrong or already used code', 'wrong_code');
  await loginSucceeded(ctx.db, keys);
  return null;
}
