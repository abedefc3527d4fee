import { z } from 'zod';
import { LoginBody, Me, SetupBody, SetupStatus } from '#shared/schemas/auth.js';
import { Problem } from '#shared/schemas/common.js';
import { LoginProblem } from '#shared/schemas/security.js';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { conflict, HttpProblem, sendProblem } from '../../http/problems.js';
import { sessionCookie } from './authenticate.js';
import { refuseDisabledLogin } from './caller-rules.js';
import { loginSucceeded, requireLoginTry, throttleKeys } from './login-throttle.js';
import { decoyPasswordHash, verifyPassword } from './secrets.js';
import { SESSION_COOKIE, createSession, endSession } from './sessions.js';
import { SecretUnreadableError, isTwoFactorOn, passSecondFactor } from './totp.js';
import { EmailTakenError, countUsers, createUserWithAccount, findUser, findUserByEmail, toUser } from './users.js';

/** GET /api/auth/status per client address a minute: cheap to answer, asked by every page load. */
export const STATUS_REQUESTS_PER_MINUTE = 600;

const tags = ['auth'];

export function authRoutes(app: App, ctx: AppContext) {
  async function secondFactorPasses(owner: { userId: string; accountId: string }, input: { totpCode?: string | undefined; recoveryCode?: string | undefined }) {
    try {
      return await passSecondFactor(ctx.db, ctx.totpBox, owner, input, ctx.now());
    } catch (error) {
      if (error instanceof SecretUnreadableError) throw new HttpProblem(500, 'Internal Server Error', error.message);
      throw error;
    }
  }

  async function startSession(request: FastifyRequest, reply: FastifyReply, userId: string, accountId: string) {
    const userAgent = request.headers['user-agent'];
    const session = await createSession(ctx.db, { userId, accountId, userAgent, ipAddress: request.ip }, ctx.now());
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
    // Its own budget per address, apart from the one login and setup share: every page load of
    // the web app asks, logged in or not, and an office behind one NAT address opening Círculo
    // at nine would spend the 60 a minute that guard the password routes (README "Security").
    config: { public: true, rateLimit: { max: STATUS_REQUESTS_PER_MINUTE, timeWindow: 60_000 } },
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
      const csrfToken = await startSession(request, reply, user.id, user.accountId);
      return reply.code(201).send({ user: toUser(user), csrfToken });
    },
  });

  app.post('/api/auth/login', {
    config: { public: true },
    schema: {
      tags,
      summary: 'Log in with e-mail and password (and, once two-factor is on, totpCode or recoveryCode)',
      description:
        'With two-factor on and no code, or a wrong one, the answer is 401 with `totpRequired: true`: ask for the code and send the same request with `totpCode` (6 digits) or `recoveryCode`.',
      body: LoginBody,
      response: { 200: Me, 401: LoginProblem, 429: Problem },
    },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      // Throttled per account and per address (login-throttle.ts); a refused try is not verified.
      const keys = throttleKeys(email, request.ip);
      await requireLoginTry(ctx.db, keys, ctx.now(), 'failed logins');
      const user = await findUserByEmail(ctx.db, email);
      const ok = await verifyPassword(user?.passwordHash ?? (await decoyPasswordHash()), password);
      if (!user || !ok) throw new HttpProblem(401, 'Unauthorized', 'Wrong e-mail or password.');
      if (await isTwoFactorOn(ctx.db, user.id)) {
        const { totpCode, recoveryCode } = request.body;
        const given = totpCode !== undefined || recoveryCode !== undefined;
        const passed = given && (await secondFactorPasses({ userId: user.id, accountId: user.accountId }, { totpCode, recoveryCode }));
        if (!passed) {
          // requireLoginTry counted this try as a failure already: it stays one until a code passes
          // (the first step without a code too; FREE_FAILURES leaves room for it).
          const problem: LoginProblem = {
            type: '/problems/totp-required',
            title: 'Unauthorized',
            status: 401,
            detail: given
              ? 'Wrong or already used code.'
              : 'Two-factor authentication is on: send totpCode (the 6 digits from the authenticator app) or a recoveryCode.',
            totpRequired: true,
          };
          return sendProblem(reply, request, problem);
        }
      }
      await loginSucceeded(ctx.db, keys);
      refuseDisabledLogin(user);
      const csrfToken = await startSession(request, reply, user.id, user.accountId);
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

const alreadySetUp = () => conflict('Círculo is already set up: log in instead.');

export { EmailTakenError };
