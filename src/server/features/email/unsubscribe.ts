// The unsubscribe link in every e-mail works without logging in (README "E-mail"): its token is
// signed (HMAC-SHA-256 under a key derived from CIRCULO_SECRET) rather than random, so nothing
// secret is stored at all and every e-mail can carry it. It names the user and what to stop
// (`daily`, `weekly`, or `all` for the test e-mail). Anyone holding it can only turn e-mails
// off; changing CIRCULO_SECRET makes old links fail (the user then switches off in Settings).
import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export const UnsubscribeScope = z.enum(['daily', 'weekly', 'all']);
export type UnsubscribeScope = z.infer<typeof UnsubscribeScope>;

export interface UnsubscribeSigner {
  sign(userId: string, scope: UnsubscribeScope): string;
  /** The user and scope, or null for a token this key did not sign. */
  verify(token: string): { userId: string; scope: UnsubscribeScope } | null;
}

const SCOPES: UnsubscribeScope[] = ['daily', 'weekly', 'all'];
/** 128 bits of HMAC: plenty against guessing, and the link stays short (router paths cap a parameter at 100 characters). */
const MAC_BYTES = 16;

export function unsubscribeSigner(secret: string): UnsubscribeSigner {
  const key = Buffer.from(hkdfSync('sha256', secret, 'circulo-unsubscribe', 'unsubscribe-links', 32));
  const mac = (payload: Buffer) => createHmac('sha256', key).update(payload).digest().subarray(0, MAC_BYTES);
  return {
    sign(userId, scope) {
      // The user id's 16 bytes and the scope's index: 23 characters in base64url.
      const payload = Buffer.concat([Buffer.from(userId.replaceAll('-', ''), 'hex'), Buffer.from([SCOPES.indexOf(scope)])]);
      return `${payload.toString('base64url')}.${mac(payload).toString('base64url')}`;
    },
    verify(token) {
      const [encoded, signature, ...rest] = token.split('.');
      if (!encoded || !signature || rest.length > 0) return null;
      const payload = Buffer.from(encoded, 'base64url');
      const given = Buffer.from(signature, 'base64url');
      if (payload.length !== 17 || given.length !== MAC_BYTES || !timingSafeEqual(given, mac(payload))) return null;
      const scope = SCOPES[payload[16]!];
      if (!scope) return null;
      const hex = payload.subarray(0, 16).toString('hex');
      return { userId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`, scope };
    },
  };
}
