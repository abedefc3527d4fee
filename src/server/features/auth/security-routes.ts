// Account security: change the password, see and end sessions, two-factor authentication.
// Every route acts on the caller's own user only; every write is for a person logged in to the
// web app (`sessionOnly`): no API token may change the password or 2FA or end sessions.
import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import { IdParams, Problem } from '#shared/schemas/common.js';
import {
  PasswordChangeBody,
  PasswordChanged,
  Reauthentication,
  RecoveryCodes,
  SessionInfo,
  SessionsEnded,
  TotpConfirmBody,
  TotpEnrolBody,
  TotpEnrolment,
  TotpStatus,
} from '#shared/schemas/security.js';
import { authOf, type App, type AppContext, type Auth } from '../../http/context.js';
import { badRequest, conflict, notFound } from '../../http/problems.js';
import { sessionCookie } from './authenticate.js';
import { describeDevice } from './devices.js';
import { requirePassword, requireReauthentication, setPassword } from './password.js';
import { sha256 } from './secrets.js';
import { endOtherSessions, endSessionById, listSessions, type SessionRow } from './sessions.js';
import {
  SecretUnreadableError,
  TwoFactorAlreadyOnError,
  confirmEnrolment,
  isTwoFactorOn,
  replaceRecoveryCodes,
  startEnrolment,
  totpStatus,
  turnOffTwoFactor,
} from './totp.js';

const tags = ['auth'];

/** The cookie of the session making the request; null for API-token callers. */
const currentCookie = (request: FastifyRequest, auth: Auth) => (auth.via === 'session' ? sessionCookie(request) : null);

function toSessionInfo(row: SessionRow, currentHash: string | null) {
  const device = describeDevice(row.userAgent);
  return {
    id: row.publicId,
    device: device.label,
    browser: device.browser,
    os: device.os,
    deviceType: device.deviceType,
    ipAddress: row.ipAddress,
    createdAt: row.createdAt.toISOString(),
    lastSeenAt: row.lastSeenAt.toISOString(),
    expiresAt: row.expiresAt.toISOString(),
    current: row.idHash === currentHash,
  };
}

export function securityRoutes(app: App, ctx: AppContext) {
  const { db, now } = ctx;

  app.post('/api/auth/password', {
    config: { sessionOnly: true },
    schema: {
      tags,
      summary: "Change the password; the user's other sessions end, this one stays",
      body: PasswordChangeBody,
      response: { 200: PasswordChanged, 400: Problem, 429: Problem },
    },
    handler: async (request) => {
      const auth = authOf(request);
      const { currentPassword, newPassword } = request.body;
      await requirePassword(ctx, auth, currentPassword, 'currentPassword');
      if (newPassword === currentPassword) throw badRequest('newPassword', 'choose a password different from the current one', 'same_password');
      await setPassword(db, auth.userId, newPassword);
      return { endedSessions: await endOtherSessions(db, auth, currentCookie(request, auth)) };
    },
  });

  app.get('/api/auth/sessions', {
    schema: { tags, summary: "The user's active sessions, most recently used first", response: { 200: z.array(SessionInfo) } },
    handler: async (request) => {
      const auth = authOf(request);
      const cookie = currentCookie(request, auth);
      const rows = await listSessions(db, auth, now());
      return rows.map((row) => toSessionInfo(row, cookie ? sha256(cookie) : null));
    },
  });

  app.delete('/api/auth/sessions/:id', {
    config: { sessionOnly: true },
    schema: { tags, summary: 'End one of your sessions (log that device out)', params: IdParams, response: { 204: z.null(), 404: Problem } },
    handler: async (request, reply) => {
      if (!(await endSessionById(db, authOf(request), request.params.id))) throw notFound('Session');
      return reply.code(204).send(null);
    },
  });

  app.post('/api/auth/sessions/end-others', {
    config: { sessionOnly: true },
    schema: { tags, summary: 'Log out everywhere else: end every session but this one', response: { 200: SessionsEnded } },
    handler: async (request) => {
      const auth = authOf(request);
      return { ended: await endOtherSessions(db, auth, currentCookie(request, auth)) };
    },
  });

  app.get('/api/auth/totp', {
    schema: { tags, summary: 'Whether two-factor authentication is on, and how many recovery codes are left', response: { 200: TotpStatus } },
    handler: async (request) => {
      const status = await totpStatus(db, authOf(request));
      return { ...status, enabledAt: status.enabledAt?.toISOString() ?? null };
    },
  });

  app.post('/api/auth/totp/enrol', {
    config: { sessionOnly: true },
    schema: {
      tags,
      summary: 'Start turning on two-factor: a new secret, its otpauth:// URI and QR code (on once confirmed with a code)',
      body: TotpEnrolBody,
      response: { 200: TotpEnrolment, 400: Problem, 409: Problem, 429: Problem },
    },
    handler: async (request) => {
      const auth = authOf(request);
      const user = await requirePassword(ctx, auth, request.body.password, 'password');
      try {
        return await startEnrolment(db, ctx.totpBox, auth, user.email, now());
      } catch (error) {
        if (error instanceof TwoFactorAlreadyOnError) throw conflict('Two-factor authentication is already on. Turn it off first to use another app.');
        throw error;
      }
    },
  });

  app.post('/api/auth/totp/confirm', {
    config: { sessionOnly: true },
    schema: {
      tags,
      summary: 'Turn two-factor on with a code from the app; answers the ten recovery codes, shown this once',
      body: TotpConfirmBody,
      response: { 200: RecoveryCodes, 400: Problem, 409: Problem },
    },
    handler: async (request) => {
      const auth = authOf(request);
      if (await isTwoFactorOn(db, auth.userId)) throw conflict('Two-factor authentication is already on.');
      // A pending secret sealed under an older CIRCULO_SECRET cannot be read: enrol again.
      const codes = await confirmEnrolment(db, ctx.totpBox, auth, request.body.totpCode, now()).catch((error: unknown) => {
        if (error instanceof SecretUnreadableError) return null;
        throw error;
      });
      if (!codes) throw badRequest('totpCode', 'wrong code, or no enrolment started: scan the QR code and type the 6 digits the app shows now', 'wrong_code');
      return { recoveryCodes: codes };
    },
  });

  app.post('/api/auth/totp/recovery-codes', {
    config: { sessionOnly: true },
    schema: {
      tags,
      summary: 'Ten new recovery codes (the old ones stop working); needs the password or a code',
      body: Reauthentication,
      response: { 200: RecoveryCodes, 400: Problem, 409: Problem, 429: Problem },
    },
    handler: async (request) => {
      const auth = authOf(request);
      if (!(await isTwoFactorOn(db, auth.userId))) throw conflict('Two-factor authentication is off: there are no recovery codes.');
      await requireReauthentication(ctx, auth, request.body);
      return { recoveryCodes: await db.transaction((tx) => replaceRecoveryCodes(tx, auth, now())) };
    },
  });

  app.post('/api/auth/totp/disable', {
    config: { sessionOnly: true },
    schema: {
      tags,
      summary: 'Turn two-factor off (the secret and recovery codes are deleted); needs the password or a code',
      body: Reauthentication,
      response: { 204: z.null(), 400: Problem, 429: Problem },
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      if (await isTwoFactorOn(db, auth.userId)) await requireReauthentication(ctx, auth, request.body);
      await turnOffTwoFactor(db, auth.userId);
      return reply.code(204).send(null);
    },
  });
}
