// Password guessing is throttled in the database, so every app process shares the count, on two
// keys at once: the account (the e-mail as typed, lower-cased, whether or not it exists, so the
// answer never tells) and the client address (request.ip, which believes X-Forwarded-For only
// from a trusted proxy). The delay rule is src/shared/rules/login-delay.ts.
//
// A try is counted as a failure *before* the password is verified, under a row lock on both
// keys: thirty tries sent at once cannot all read "4 failures so far" and all go through. A
// success then clears the account's count and the address's count.
import { normalizeIP } from '@fastify/rate-limit';
import { inArray, lt, sql } from 'drizzle-orm';
import { FORGET_AFTER_MS, countingFailures, secondsToWait } from '#shared/rules/login-delay.js';
import type { Db } from '../../db/database.js';
import { loginThrottle } from '../../db/schema.js';
import { HttpProblem } from '../../http/problems.js';

export interface ThrottleKeys {
  account: string;
  address: string;
}

/** An IPv6 client is counted by its /64 (one machine can pick any address in it). */
const IPV6_PREFIX = 64;

export function throttleKeys(email: string, ip: string): ThrottleKeys {
  return { account: `account:${email.trim().toLowerCase()}`, address: `address:${normalizeIP(ip, IPV6_PREFIX)}` };
}

export type TryVerdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/**
 * Takes a try for both keys: refused (with the seconds to wait) while either key is waiting out
 * its delay; otherwise counted as a failure straight away, until `loginSucceeded` clears it.
 */
export async function takeLoginTry(db: Db, keys: ThrottleKeys, now: Date): Promise<TryVerdict> {
  const names = [...new Set([keys.account, keys.address])].sort();
  await forgetOldLoginFailures(db, now);
  return db.transaction(async (tx) => {
    await tx
      .insert(loginThrottle)
      .values(names.map((key) => ({ key, failures: 0, lastFailureAt: null })))
      .onConflictDoNothing();
    // Locked in key order, so two tries on overlapping keys never deadlock.
    const rows = await tx
      .select()
      .from(loginThrottle)
      .where(inArray(loginThrottle.key, names))
      .orderBy(loginThrottle.key)
      .for('update');
    const wait = Math.max(0, ...rows.map((row) => secondsToWait(row, now)));
    if (wait > 0) return { allowed: false, retryAfterSeconds: wait };
    for (const row of rows) {
      await tx
        .update(loginThrottle)
        .set({ failures: countingFailures(row, now) + 1, lastFailureAt: now })
        .where(sql`${loginThrottle.key} = ${row.key}`);
    }
    return { allowed: true };
  });
}

/**
 * takeLoginTry for a route: while the keys wait out their delay, a 429 problem with Retry-After
 * ("Too many <what>. Try again in 4 s.") and nothing verified.
 */
export async function requireLoginTry(db: Db, keys: ThrottleKeys, now: Date, what: string): Promise<void> {
  const verdict = await takeLoginTry(db, keys, now);
  if (!verdict.allowed) {
    throw new HttpProblem(429, 'Too Many Requests', `Too many ${what}. Try again in ${verdict.retryAfterSeconds} s.`, undefined, {
      'retry-after': String(verdict.retryAfterSeconds),
    });
  }
}

/** The right password: the account and this address start over. */
export async function loginSucceeded(db: Db, keys: ThrottleKeys) {
  await db.delete(loginThrottle).where(inArray(loginThrottle.key, [keys.account, keys.address]));
}

/** Keys quiet for a day count nothing any more: drop them so the table stays small. */
export async function forgetOldLoginFailures(db: Db, now: Date) {
  await db.delete(loginThrottle).where(lt(loginThrottle.lastFailureAt, new Date(now.getTime() - FORGET_AFTER_MS)));
}
