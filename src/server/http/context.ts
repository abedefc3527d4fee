import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { TokenScope } from '#shared/enums.js';
import type { Db } from '../db/database.js';
import type { SecretBox } from '../features/auth/secret-box.js';
import type { CalendarFetchOptions } from '../features/calendar-import/fetch-calendar.js';
import type { Mailer } from '../features/email/mailer.js';
import type { UnsubscribeSigner } from '../features/email/unsubscribe.js';
import type { InputLimits } from './limits.js';

/** What every route may use, built once per server. */
export interface AppContext {
  db: Db;
  secureCookies: boolean;
  /** The clock, injectable so tests can stand on a fixed day. */
  now: () => Date;
  /** Encrypts TOTP secrets in the database; built by buildApp from CIRCULO_SECRET. */
  totpBox: SecretBox;
  /** E-mail (README "E-mail"); absent or without a transport, nothing is sent. */
  mailer?: Mailer;
  /** Signs the unsubscribe links; built by buildApp from CIRCULO_SECRET. */
  unsubscribe: UnsubscribeSigner;
  /** Seals calendar subscription addresses (secrets); built by buildApp from CIRCULO_SECRET. */
  calendarBox: SecretBox;
  /** How subscribed calendars are fetched: CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS (README "Calendar subscriptions"). */
  calendarFetch: CalendarFetchOptions;
  /** CIRCULO_PUBLIC_URL when set: the server address "Connect your phone" shows (features/dav). */
  publicUrl?: string;
  /** Body caps other than the defaults (tests use small ones); see limits.ts. */
  limits?: Partial<InputLimits>;
}

/** Who is calling: set by the authentication hook on every authenticated request. */
export interface Auth {
  accountId: string;
  userId: string;
  via: 'session' | 'token';
  /** Present for session (cookie) callers: writes must echo it in X-CSRF-Token. */
  csrfToken: string | null;
  /** Present for token callers: `read` tokens may only read. */
  scope?: TokenScope;
  /** The owner disabled this user: they may do nothing (features/auth/caller-rules.ts). */
  disabled?: boolean;
}

export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** One method of one route, as registered: what the security tests walk (tests/security). */
export interface RouteEntry {
  method: string;
  url: string;
  public: boolean;
  /** The names of its query-string parameters (e.g. `cursor`). */
  query: string[];
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every route registered so far, with whether it is public. */
    routeTable: RouteEntry[];
  }
  interface FastifyRequest {
    auth: Auth | null;
  }
  interface FastifyContextConfig {
    /** Routes open to anonymous callers (setup, login, the calendar feed…). */
    public?: boolean;
    /** Refused to API tokens: only a logged-in person may (features/auth/caller-rules.ts). */
    sessionOnly?: boolean;
    /** The CardDAV tree (features/dav): HTTP Basic with an app password, WebDAV's read methods. */
    dav?: boolean;
  }
}

/** The caller's identity on a route that requires one (the hook guarantees it). */
export function authOf(request: { auth: Auth | null }): Auth {
  if (!request.auth) throw new Error('authOf() on a public route');
  return request.auth;
}
