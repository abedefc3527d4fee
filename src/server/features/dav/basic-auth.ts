// Who is calling the CardDAV tree. Phones speak HTTP Basic: the user name is the user's e-mail,
// the password one of their API tokens (an "app password": Settings → Connect your phone). The
// account's password is never accepted here: it would sit in the phone's settings, and it could
// not be revoked alone. Wrong guesses are throttled exactly like logins (login-throttle.ts, same
// keys: the e-mail typed and the client address), so the DAV tree is no side door for guessing.
import { sql } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { AppContext, Auth } from '../../http/context.js';
import { HttpProblem } from '../../http/problems.js';
import { users } from '../../db/schema.js';
import { loginSucceeded, requireLoginTry, throttleKeys } from '../auth/login-throttle.js';
import { tokenAuth } from '../auth/sessions.js';

/** The challenge a client needs to offer its stored credentials (ASCII only: header text). */
export const BASIC_CHALLENGE = 'Basic realm="Circulo", charset="UTF-8"';

export const davUnauthorized = (detail: string) => new HttpProblem(401, 'Unauthorized', detail, undefined, { 'www-authenticate': BASIC_CHALLENGE });

/** `Basic base64(user:password)` → its two halves; null when it is not that. */
export function basicCredentials(header: string | undefined): { user: string; password: string } | null {
  if (!header || !/^basic /i.test(header)) return null;
  const decoded = Buffer.from(header.slice(6).trim(), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { user: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

/** The caller of a Basic header: the token must be a live token of the user with that e-mail. */
export async function basicAuth(ctx: AppContext, request: FastifyRequest, header: string): Promise<Auth> {
  const credentials = basicCredentials(header);
  if (!credentials || credentials.user.length > 320 || credentials.password.length > 200) throw davUnauthorized('Send your e-mail and an app password.');
  const keys = throttleKeys(credentials.user, request.ip);
  await requireLoginTry(ctx.db, keys, ctx.now(), 'sign-in attempts');
  // An expired token is refused by tokenAuth itself (a 401 saying so).
  const auth = await tokenAuth(ctx.db, credentials.password.trim(), ctx.now());
  const [user] = auth
    ? await ctx.db
        .select({ id: users.id })
        .from(users)
        .where(sql`lower(${users.email}) = ${credentials.user.trim().toLowerCase()} and ${users.id} = ${auth.userId}`)
        .limit(1)
    : [];
  if (!auth || !user) throw davUnauthorized('Wrong e-mail or app password. Create an app password in Settings → Connect your phone.');
  await loginSucceeded(ctx.db, keys);
  return auth;
}
