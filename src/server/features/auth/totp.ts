// Two-factor authentication with an authenticator app (TOTP, RFC 6238: 6 digits, 30 s, SHA-1,
// which is what every app understands) and ten single-use recovery codes.
import { randomBytes } from 'node:crypto';
import { and, eq, isNotNull, isNull, or, lt, sql } from 'drizzle-orm';
import * as OTPAuth from 'otpauth';
import QRCode from 'qrcode';
import type { Db, Tx } from '../../db/database.js';
import { recoveryCodes, totpCredentials } from '../../db/schema.js';
import type { SecretBox } from './secret-box.js';
import { sha256 } from './secrets.js';

const ISSUER = 'Círculo';
/** Codes from one step before or after now are accepted: phone clocks drift. */
const DRIFT_STEPS = 1;
export const RECOVERY_CODE_COUNT = 10;

export interface Owner {
  userId: string;
  accountId: string;
}

const totpOf = (secretBase32: string, email: string) =>
  new OTPAuth.TOTP({ issuer: ISSUER, label: email, algorithm: 'SHA1', digits: 6, period: 30, secret: OTPAuth.Secret.fromBase32(secretBase32) });

/** The time step a code belongs to (within the drift allowed), or null when it is wrong. */
export function stepOfCode(secretBase32: string, code: string, now: Date): number | null {
  const delta = totpOf(secretBase32, '').validate({ token: code, timestamp: now.getTime(), window: DRIFT_STEPS });
  return delta === null ? null : OTPAuth.TOTP.counter({ timestamp: now.getTime() }) + delta;
}

// Crockford's base32: no i, l, o or u to misread. 16 characters are 80 random bits, so a plain
// SHA-256 of the code is safe to store (no dictionary to try).
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

export function newRecoveryCode(): string {
  const chars = [...randomBytes(16)].map((byte) => ALPHABET[byte & 31]).join('');
  return chars.match(/.{4}/g)!.join('-');
}

/** What the user typed, as stored: case, spaces and dashes ignored; i/l read as 1, o as 0. */
export function normaliseRecoveryCode(typed: string): string {
  return typed
    .toLowerCase()
    .replace(/[^0-9a-z]/g, '')
    .replace(/[il]/g, '1')
    .replace(/o/g, '0');
}

export async function totpStatus(db: Db, owner: Owner) {
  const [credential] = await db
    .select({ confirmedAt: totpCredentials.confirmedAt })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, owner.userId), eq(totpCredentials.accountId, owner.accountId), isNotNull(totpCredentials.confirmedAt)));
  const [left] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, owner.userId), eq(recoveryCodes.accountId, owner.accountId), isNull(recoveryCodes.usedAt)));
  return { enabled: Boolean(credential), enabledAt: credential?.confirmedAt ?? null, recoveryCodesLeft: credential ? (left?.n ?? 0) : 0 };
}

export async function isTwoFactorOn(db: Db, userId: string): Promise<boolean> {
  const [row] = await db
    .select({ userId: totpCredentials.userId })
    .from(totpCredentials)
    .where(and(eq(totpCredentials.userId, userId), isNotNull(totpCredentials.confirmedAt)));
  return Boolean(row);
}

export class TwoFactorAlreadyOnError extends Error {}

/** Starts (or restarts) enrolment: a new secret that counts only once a code confirms it. */
export async function startEnrolment(db: Db, box: SecretBox, owner: Owner, email: string, now: Date) {
  if (await isTwoFactorOn(db, owner.userId)) throw new TwoFactorAlreadyOnError();
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  const secretEncrypted = box.seal(secret, owner.userId);
  await db
    .insert(totpCredentials)
    .values({ userId: owner.userId, accountId: owner.accountId, secretEncrypted, createdAt: now })
    .onConflictDoUpdate({ target: totpCredentials.userId, set: { secretEncrypted, createdAt: now, lastUsedStep: null }, where: isNull(totpCredentials.confirmedAt) });
  const uri = totpOf(secret, email).toString();
  const svg = await QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { uri, secret, qrCode: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}` };
}

export class SecretUnreadableError extends Error {
  constructor() {
    super('This two-factor secret cannot be read: CIRCULO_SECRET changed since it was set up. Run `circulo user reset-2fa --email …`.');
  }
}

async function credentialOf(db: Db, box: SecretBox, owner: Owner, confirmed: boolean) {
  const [row] = await db
    .select()
    .from(totpCredentials)
    .where(
      and(
        eq(totpCredentials.userId, owner.userId),
        eq(totpCredentials.accountId, owner.accountId),
        confirmed ? isNotNull(totpCredentials.confirmedAt) : isNull(totpCredentials.confirmedAt),
      ),
    );
  if (!row) return null;
  const secret = box.open(row.secretEncrypted, owner.userId);
  if (!secret) throw new SecretUnreadableError();
  return { ...row, secret };
}

/**
 * Accepts a code at most once: the step it belongs to must be later than the last one used,
 * and the compare-and-set in one UPDATE keeps two simultaneous logins from both winning.
 */
async function useStep(db: Db, userId: string, step: number): Promise<boolean> {
  const updated = await db
    .update(totpCredentials)
    .set({ lastUsedStep: step })
    .where(and(eq(totpCredentials.userId, userId), or(isNull(totpCredentials.lastUsedStep), lt(totpCredentials.lastUsedStep, step))))
    .returning({ userId: totpCredentials.userId });
  return updated.length > 0;
}

/** Turns two-factor on when the code matches the pending secret; returns the recovery codes. */
export async function confirmEnrolment(db: Db, box: SecretBox, owner: Owner, code: string, now: Date): Promise<string[] | null> {
  const pending = await credentialOf(db, box, owner, false);
  if (!pending) return null;
  const step = stepOfCode(pending.secret, code, now);
  if (step === null) return null;
  return db.transaction(async (tx) => {
    const confirmed = await tx
      .update(totpCredentials)
      .set({ confirmedAt: now, lastUsedStep: step })
      .where(and(eq(totpCredentials.userId, owner.userId), isNull(totpCredentials.confirmedAt)))
      .returning({ userId: totpCredentials.userId });
    if (confirmed.length === 0) return null;
    return replaceRecoveryCodes(tx, owner, now);
  });
}

/** New recovery codes; the old ones stop working. Shown once, stored hashed. */
export async function replaceRecoveryCodes(db: Tx, owner: Owner, now: Date): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
  await db.delete(recoveryCodes).where(and(eq(recoveryCodes.userId, owner.userId), eq(recoveryCodes.accountId, owner.accountId)));
  await db.insert(recoveryCodes).values(
    codes.map((code) => ({ userId: owner.userId, accountId: owner.accountId, codeHash: sha256(normaliseRecoveryCode(code)), createdAt: now })),
  );
  return codes;
}

export interface SecondFactorInput {
  totpCode?: string | undefined;
  recoveryCode?: string | undefined;
}

/** Checks (and spends) a second factor of a user who has two-factor on. */
export async function passSecondFactor(db: Db, box: SecretBox, owner: Owner, input: SecondFactorInput, now: Date): Promise<boolean> {
  if (input.totpCode) {
    const credential = await credentialOf(db, box, owner, true);
    if (!credential) return false;
    const step = stepOfCode(credential.secret, input.totpCode, now);
    return step !== null && (await useStep(db, owner.userId, step));
  }
  if (input.recoveryCode) {
    const used = await db
      .update(recoveryCodes)
      .set({ usedAt: now })
      .where(
        and(
          eq(recoveryCodes.userId, owner.userId),
          eq(recoveryCodes.accountId, owner.accountId),
          eq(recoveryCodes.codeHash, sha256(normaliseRecoveryCode(input.recoveryCode))),
          isNull(recoveryCodes.usedAt),
        ),
      )
      .returning({ id: recoveryCodes.id });
    return used.length > 0;
  }
  return false;
}

/** Two-factor off: the secret and every recovery code go. Also `circulo user reset-2fa`. */
export async function turnOffTwoFactor(db: Db, userId: string) {
  return db.transaction(async (tx) => {
    const credentials = await tx.delete(totpCredentials).where(eq(totpCredentials.userId, userId)).returning({ confirmedAt: totpCredentials.confirmedAt });
    const codes = await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId)).returning({ id: recoveryCodes.id });
    return { wasOn: credentials.some((c) => c.confirmedAt !== null), recoveryCodesDeleted: codes.length };
  });
}
