// What a known caller may do, checked in one place for every /api route (authenticate.ts calls
// enforceCallerRules): a disabled user can do nothing; an API token cannot do what only a person
// logged in to the web app should (routes marked `config: { sessionOnly: true }`: minting or
// deleting tokens, restoring a backup, changing the password or 2FA, managing users); a read-only
// token only reads.
import type { FastifyRequest } from 'fastify';
import { isTokenExpired, scopeAllows } from '#shared/rules/api-tokens.js';
import type { Auth } from '../../http/context.js';
import { HttpProblem } from '../../http/problems.js';

export const disabledUserProblem = () =>
  new HttpProblem(401, 'Unauthorized', 'This user has been disabled by the owner of this Círculo. Their data is kept; ask the owner to enable it again.');

const DAV_READS = new Set(['PROPFIND', 'REPORT']);

export function enforceCallerRules(request: FastifyRequest): void {
  const auth = request.auth;
  if (!auth) return;
  if (auth.disabled) throw disabledUserProblem();
  if (request.routeOptions.config.sessionOnly) requireSession(auth);
  // A token whose scope is unknown is held to the narrower one. WebDAV reads with PROPFIND and
  // REPORT too (the CardDAV tree, features/dav).
  const reads = request.routeOptions.config.dav && DAV_READS.has(request.method);
  if (auth.via === 'token' && !reads && !scopeAllows(auth.scope ?? 'read', request.method)) {
    throw new HttpProblem(403, 'Forbidden', 'This API token is read-only: it can read but not change anything.');
  }
}

/**
 * For a route whose body decides (an import of a backup restores it), the same rule as
 * `config: { sessionOnly: true }`.
 */
export function requireSession(auth: Auth): void {
  if (auth.via !== 'session') {
    throw new HttpProblem(
      403,
      'Forbidden',
      'API tokens cannot do this (create or delete tokens, restore a backup, change the password or two-factor authentication, manage users): log in to the web app.',
    );
  }
}

/** Called by tokenAuth once the token is found: an expired token is refused, saying so. */
export function refuseExpiredToken(token: { expiresAt: Date | null }, now: Date): void {
  if (isTokenExpired(token.expiresAt, now)) {
    throw new HttpProblem(401, 'Unauthorized', 'This API token has expired. Create a new one in Settings → API tokens.');
  }
}

/** At login, once the password is right: a disabled user is told so (403), not given a session. */
export function refuseDisabledLogin(user: { disabledAt: Date | null }): void {
  if (user.disabledAt) {
    throw new HttpProblem(403, 'Forbidden', 'This user has been disabled by the owner of this Círculo. Ask them to enable it again.');
  }
}
