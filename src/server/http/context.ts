import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../db/database.js';
import type { SecretBox } from '../features/auth/secret-box.js';

/** What every route may use, built once per server. */
export interface AppContext {
  db: Db;
  secureCookies: boolean;
  /** The clock, injectable so tests can stand on a fixed day. */
  now: () => Date;
  /** Encrypts TOTP secrets in the database; built by buildApp from CIRCULO_SECRET. */
  totpBox: SecretBox;
}

/** Who is calling: set by the authentication hook on every authenticated request. */
export interface Auth {
  accountId: string;
  userId: string;
  via: 'session' | 'token';
  /** Present for session (cookie) callers: writes must echo it in X-CSRF-Token. */
  csrfToken: string | null;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** Routes open to anonymous callers (setup, login, the calendar feed…). */
    public?: boolean;
  }
}

/** The caller's identity on a route that requires one (the hook guarantees it). */
export function authOf(request: { auth: Auth | null }): Auth {
  if (!request.auth) throw new Error('authOf() on a public route');
  return request.auth;
}
