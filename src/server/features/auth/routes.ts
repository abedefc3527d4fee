import { z } from 'zod';
import { LoginBody, Me, SetupBody, SetupStatus } from '#shared/schemas/auth.js';
import { Problem } from '#shared/schemas/common.js';
import type { FastifyReply } from 'fastify';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { HttpProblem } from '../../http/problems.js';
import { sessionCookie } from './authenticate.js';
import { refuseDisabledLogin } from './caller-rules.js';
import { LOGIN_WINDOW_MINUTES, clearFailedLogins, recordFailedLogin, tooManyFailedLogins } from './login-throttle.js';
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
      secure: ctx.secureCookies,
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
      const user = await createUserWithAccount(ctx.db, request.body, ctx.now(), { onlyIfFirst: true });
      if (!user) throw new HttpProblem(409, 'Conflict', 'Círculo is already set up: log in instead.');
      const csrfToken = await startSession(reply, user.id, user.accountId);
      return reply.code(201).send({ user: toUser(user), csrfToken });
    },
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: { tags, summary: 'Log in with e-mail and password', body: LoginBody, response: { 200: Me, 401: Problem, 429: Problem } },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      const throttleKey = `${email}|${request.ip}`;
      if (await tooManyFailedLogins(ctx.db, throttleKey, ctx.now())) {
        throw new HttpProblem(429, 'Too Many Requests', `Too many failed logins. Try again in ${LOGIN_WINDOW_MINUTES} minutes.`, undefined, {
          'retry-after': String(LOGIN_WINDOW_MINUTES * 60),
        });
      }
      const user = await findUserByEmail(ctx.db, email);
      const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !ok) {
        await recordFailedLogin(ctx.db, throttleKey, ctx.now());
        throw new HttpProblem(401, 'Unauthorized', 'Wrong e-mail or password.');
      }
      await clearFailedLogins(ctx.db, throttleKey);
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

export { EmailTakenError };
