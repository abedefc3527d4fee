// Every /api route needs a caller unless it is marked `config: { public: true }`.
// Cookie callers must also prove the request comes from our own pages (CSRF token).
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../http/problems.js';
import type { AppContext } from '../../http/context.js';
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

export function authenticationHook(ctx: AppContext) {
  return async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    await identify(ctx, request);
    if (request.routeOptions.config.public) return;
    const auth = request.auth;
    if (!auth) throw new HttpProblem(401, 'Unauthorized', 'Log in, or send an API token as "Authorization: Bearer …".');
    await enforceCallerRules(ctx.db, request);
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !auth.csrfToken || !sameSecret(sent, auth.csrfToken)) {
        throw new HttpProblem(403, 'Forbidden', 'Missing or wrong X-CSRF-Token header for a cookie-authenticated write.');
      }
    }
  };
}
