// Who may reach a handler is decided by the route Fastify matched, never by the URL text: the
// router decodes the path (`/%61pi/contacts` is `/api/contacts`), so a prefix test on
// `request.url` can be walked around. Every route is private unless its options say
// `config: { public: true }` (README, "Security"). The check runs in `onRequest`, before the
// body is read, so an anonymous caller cannot make the server parse an upload or a backup.
// Cookie callers must also prove the request comes from our own pages (CSRF token).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../http/problems.js';
import type { AppContext } from '../../http/context.js';
import { basicAuth, davUnauthorized } from '../dav/basic-auth.js';
import { enforceCallerRules } from './caller-rules.js';
import { sameSecret } from './secrets.js';
import { SESSION_COOKIE, sessionAuth, tokenAuth } from './sessions.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function identify(ctx: AppContext, request: FastifyRequest): Promise<void> {
  request.auth = null;
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) {
    request.auth = await tokenAuth(ctx.db, header.slice(7).trim(), ctx.now());
    if (!request.auth) throw new HttpProblem(401, 'Unauthorized', 'The API token is not valid (revoked?).');
    return;
  }
  const cookie = sessionCookie(request);
  if (cookie) request.auth = await sessionAuth(ctx.db, cookie, ctx.now());
}

export function sessionCookie(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (!raw) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

/** Whether the matched route is open to anonymous callers (its own options say so). */
export function isPublicRoute(request: FastifyRequest): boolean {
  return request.routeOptions.config.public === true;
}

export function authenticationHook(ctx: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    // No route matched: the not-found handler answers, and it reveals nothing.
    if (request.is404) return;
    // Public routes (login, setup, the calendar feed, the web app's files) use no caller.
    if (isPublicRoute(request)) return;
    const dav = request.routeOptions.config.dav === true;
    const basic = request.headers.authorization;
    // The CardDAV tree also takes HTTP Basic with an app password (features/dav/basic-auth.ts).
    if (dav && basic && /^basic /i.test(basic)) request.auth = await basicAuth(ctx, request, basic);
    else await identify(ctx, request);
    const auth = request.auth;
    if (!auth && dav) throw davUnauthorized('Sign in with your e-mail and an app password (Settings → Connect your phone).');
    if (!auth) throw new HttpProblem(401, 'Unauthorized', 'Log in, or send an API token as "Authorization: Bearer …".');
    enforceCallerRules(request);
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !auth.csrfToken || !sameSecret(sent, auth.csrfToken)) {
        throw new HttpProblem(403, 'Forbidden', 'Missing or wrong X-CSRF-Token header for a cookie-authenticated write.');
      }
    }
  };
}
