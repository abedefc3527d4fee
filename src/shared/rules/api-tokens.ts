// What an API token may do, decided the same way by the server (which refuses) and the web app
// (which shows "expires in 12 days", "expired", "read only").
import type { TokenScope } from '../enums.js';

const DAY_MS = 86_400_000;

/** The lifetimes the web app offers; the API takes any future `expiresAt`, or none. */
export const tokenLifetimes = [30, 90, 365, null] as const;
export type TokenLifetime = (typeof tokenLifetimes)[number];

/** A token is refused from its expiry instant on. */
export function isTokenExpired(expiresAt: Date | null, now: Date): boolean {
  return expiresAt !== null && expiresAt.getTime() <= now.getTime();
}

export type TokenExpiry =
  | { state: 'never' }
  | { state: 'expired' }
  /** `daysLeft`: days still to go, rounded (a 90-day token reads 90 just after it is made); 0: within half a day. */
  | { state: 'active'; daysLeft: number };

export function tokenExpiry(expiresAt: Date | null, now: Date): TokenExpiry {
  if (expiresAt === null) return { state: 'never' };
  if (isTokenExpired(expiresAt, now)) return { state: 'expired' };
  return { state: 'active', daysLeft: Math.round((expiresAt.getTime() - now.getTime()) / DAY_MS) };
}

/** The instant a token made now with this lifetime expires (null: never). */
export function expiresAtFor(lifetime: TokenLifetime, now: Date): Date | null {
  return lifetime === null ? null : new Date(now.getTime() + lifetime * DAY_MS);
}

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** A read-only token may read; only a write token may change anything. */
export function scopeAllows(scope: TokenScope, method: string): boolean {
  return scope === 'write' || READ_METHODS.has(method.toUpperCase());
}
