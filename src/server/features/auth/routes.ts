import { z } from 'zod';
import { LoginBody, Me, SetupBody, SetupStatus } from '#shared/schemas/auth.js';
import { Problem } from '#shared/schemas/common.js';
import type { FastifyReply } from 'fastify';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { HttpProblem } from '../../http/problems.js';
import { sessionCookie } from './authenticate.js';
import { refuseDisabledLogin } from './caller-rules.js';
import { loginSucceeded, takeLoginTry, throttleKeys } from './login-throttle.js';
import { decoyPasswordHash, verifyPassword } from './secrets.js';
import { SESSION_COOKIE, createSession, endSession } from './sessions.js';
import { EmailTakenError, countUsers, createUserWithAccount, findUser, findUserByEmail, toUser } from './users.js';

const tags = ['auth'];

export function authRoutes(app: App, ctx: AppContext) {
  async function startSession(reply: FastifyReply, userId: string, accountId: string) {
    const session = await createSession(ctx.db, userId, accountId, ctx.now());
    reply.setCookie(SESSION_COOKIE, session.cookieValue, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      // 'auto': Secure when the request came over https (through a trusted proxy, its X-Forwarded-Proto).
      secure: ctx.secureCookies ? true : 'auto',
      signed: true,
      expires: session.expiresAt,
    });
    return session.csrfToken;
  }

  app.get('/api/auth/status', {
    config: { public: true },
    schema: { tags, summary: 'Whether the first user still has to be created', response: { 200: SetupStatus } },
    handler: async () => ({ needsSetup: (await countUsers(ctx.db)) === 0 }),
  });

  app.post('/api/auth/setup', {
    config: { public: true },
    schema: {
      tags,
      summary: 'First run only: create the first user and their account, and log in',
      body: SetupBody,
      response: { 201: Me, 409: Problem },
    },
    handler: async (request, reply) => {
      // Refused before the password is hashed: once set up, this is no CPU burner for anyone.
      if ((await countUsers(ctx.db)) > 0) throw alreadySetUp();
      const user = await createUserWithAccount(ctx.db, request.body, ctx.now(), { onlyIfFirst: true });
      if (!user) throw alreadySetUp();
      const csrfToken = await startSession(reply, user.id, user.accountId);
      return reply.code(201).send({ user: toUser(user), csrfToken });
    },
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags, summary: 'Log in with e-mail and password', body: LoginBody, response: { 200: Me, 401: Problem, 429: Problem } },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      // Throttled per account and per address (login-throttle.ts); a refused try is not verified.
      const keys = throttleKeys(email, request.ip);
      const verdict = await takeLoginTry(ctx.db, keys, ctx.now());
      if (!verdict.allowed) {
        throw new HttpProblem(
          429,
          'Too Many Requests',
          `Too many failed logins. Try again in ${verdict.retryAfterSeconds} s.`,
          undefined,
          { 'retry-after': String(verdict.retryAfterSeconds) },
        );
      }
      const user = await findUserByEmail(ctx.db, email);
      const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !ok) throw new HttpProblem(401, 'Unauthorized', 'Wrong e-mail or password.');
      await loginSucceeded(ctx.db, keys);
      refuseDisabledLogin(user);
      const csrfToken = await startSession(reply, user.id, user.accountId);
      return { user: toUser(user), csrfToken };
    },
  });

  app.post('/api/auth/logout', {
    config: { public: true },
    schema: { tags, summary: 'End the current session', response: { 204: z.null() } },
    handler: async (request, reply) => {
      const cookie = sessionCookie(request);
      if (cookie) await endSession(ctx.db, cookie);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  });

  app.get('/api/auth/me', {
    schema: { tags, summary: 'The logged-in user', response: { 200: Me } },
    handler: async (request) => {
      const auth = authOf(request);
      const user = await findUser(ctx.db, auth.userId);
      if (!user) throw new HttpProblem(401, 'Unauthorized', 'This user no longer exists.');
      return { user: toUser(user), csrfToken: auth.csrfToken };
    },
  });
}

const alreadySetUp = () => new HttpProblem(409, 'Conflict', 'Círculo is already set up: log in instead.');

export { EmailTakenError };
