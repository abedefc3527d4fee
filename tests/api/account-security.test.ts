// Account security as a user meets it: changing the password, seeing and ending sessions, the
// idle limit, and two-factor authentication with an authenticator app and recovery codes.
import * as OTPAuth from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCirculo } from '../support/cli.js';
import { totpCredentials } from '../../src/server/db/schema.js';
import { FREE_FAILURES } from '../../src/shared/rules/login-delay.js';
import { SESSION_IDLE_DAYS } from '../../src/server/features/auth/sessions.js';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, throwawayDatabaseEnv, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

const PASSWORD = 'correct horse battery staple';
const PHONE = 'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0.0.0 Mobile Safari/537.36';
const LAPTOP = 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0';
const DAY = 86_400_000;

let server: TestServer;
let owner: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  owner = await setupOwner(server.app, { password: PASSWORD });
});
afterAll(() => server.close());

/**
 * Where the logins come from. The public routes allow an address 60 requests a minute, and this
 * file logs in more often than that: the two-factor tests come from an address of their own.
 */
let clientAddress = '127.0.0.1';

/** Logs in as a browser would; the client keeps the cookie and CSRF token. */
async function login(email: string, password = PASSWORD, extra: Record<string, unknown> = {}, userAgent = LAPTOP) {
  const reply = await rawCall(server.app, 'POST', '/api/auth/login', {
    body: { email, password, ...extra },
    headers: { 'user-agent': userAgent },
    remoteAddress: clientAddress,
  });
  if (reply.status !== 200) return { reply, client: null };
  const cookie = String(([] as string[]).concat(reply.headers['set-cookie'] as string)[0]).split(';')[0]!;
  const call = (method: string, url: string, body?: unknown) =>
    rawCall(server.app, method, url, { body, headers: { cookie, 'x-csrf-token': reply.body.csrfToken, 'user-agent': userAgent } });
  return { reply, client: { get: (url: string) => call('GET', url), post: (url: string, body: unknown = {}) => call('POST', url, body), del: (url: string) => call('DELETE', url) } };
}

async function loggedIn(email: string, password = PASSWORD, extra: Record<string, unknown> = {}, userAgent = LAPTOP) {
  const { reply, client } = await login(email, password, extra, userAgent);
  if (!client) throw new Error(`login failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return client;
}

describe('changing the password', () => {
  it('ends every other session of the user and keeps this one', async () => {
    const user = await addUser(server);
    const here = await loggedIn(user.user.email);
    const phone = await loggedIn(user.user.email, PASSWORD, {}, PHONE);
    const stranger = await addUser(server);

    const changed = await here.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
    expect(changed.status).toBe(200);
    expect(changed.body.endedSessions).toBe(2); // the phone and addUser's own session
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await user.get('/api/auth/me')).status).toBe(401);
    expect((await stranger.get('/api/auth/me')).status).toBe(200); // other users are untouched

    expect((await login(user.user.email, PASSWORD)).reply.status).toBe(401);
    expect((await login(user.user.email, 'a brand new passphrase')).reply.status).toBe(200);
  });

  it('refuses a wrong current password, naming the field, and changes nothing', async () => {
    const user = await addUser(server);
    const phone = await loggedIn(user.user.email, PASSWORD, {}, PHONE);
    const wrong = await user.post('/api/auth/password', { currentPassword: 'not my password', newPassword: 'a brand new passphrase' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([expect.objectContaining({ field: 'currentPassword' })]);
    expect((await phone.get('/api/auth/me')).status).toBe(200);
    expect((await login(user.user.email, PASSWORD)).reply.status).toBe(200);
    expect((await login(user.user.email, 'a brand new passphrase')).reply.status).toBe(401);
  });

  it('applies the setup rules to the new password', async () => {
    const weak = await owner.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'short' });
    expect(weak.status).toBe(400);
    expect(weak.body.errors.map((e: { field: string }) => e.field)).toEqual(['newPassword']);
  });

  it('stops a stolen session from guessing the password through this form, with growing delays', async () => {
    const user = await addUser(server);
    const t0 = new Date();
    server.setNow(t0);
    try {
      for (let i = 0; i < FREE_FAILURES; i++) {
        expect((await user.post('/api/auth/password', { currentPassword: `guess ${i}`, newPassword: 'a brand new passphrase' })).status).toBe(400);
      }
      // Too early: refused without checking, even the right password.
      const limited = await user.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' });
      expect(limited.status).toBe(429);
      expect(limited.headers['retry-after']).toBe('1');
      // A count of its own: the login form is not slowed down by it.
      expect((await login(user.user.email, PASSWORD)).reply.status).toBe(200);
      // Another wrong guess once the wait is over doubles it.
      server.setNow(new Date(t0.getTime() + 1_000));
      expect((await user.post('/api/auth/password', { currentPassword: 'guess again', newPassword: 'a brand new passphrase' })).status).toBe(400);
      expect((await user.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })).headers['retry-after']).toBe('2');
      server.setNow(new Date(t0.getTime() + 3_000));
      expect((await user.post('/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })).status).toBe(200);
    } finally {
      server.setNow(null);
    }
  });
});

describe('the sessions list', () => {
  it("shows the user's sessions with device and address, marks this one, and ends another", async () => {
    const user = await addUser(server);
    const laptop = await loggedIn(user.user.email, PASSWORD, {}, LAPTOP);
    const phone = await loggedIn(user.user.email, PASSWORD, {}, PHONE);
    const listed = await laptop.get('/api/auth/sessions');
    expect(listed.status).toBe(200);
    expect(listed.body).toHaveLength(3);
    const current = listed.body.filter((s: { current: boolean }) => s.current);
    expect(current).toEqual([expect.objectContaining({ device: 'Firefox on Windows', deviceType: 'desktop', ipAddress: '127.0.0.1' })]);
    const phoneSession = listed.body.find((s: { device: string }) => s.device === 'Chrome on Android');
    expect(phoneSession).toMatchObject({ os: 'Android', browser: 'Chrome', deviceType: 'mobile', current: false });

    expect((await laptop.del(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(204);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await laptop.get('/api/auth/sessions')).body).toHaveLength(2);
    expect((await laptop.del(`/api/auth/sessions/${phoneSession.id}`)).status).toBe(404);
  });

  it('never shows the cookie or its hash', async () => {
    const { reply } = await login(owner.user.email);
    const cookieValue = String(([] as string[]).concat(reply.headers['set-cookie'] as string)[0]).split(';')[0]!.split('=')[1]!;
    const listed = JSON.stringify((await owner.get('/api/auth/sessions')).body);
    const { createHash } = await import('node:crypto');
    const unsigned = decodeURIComponent(cookieValue).split('.')[0]!;
    expect(listed).not.toContain(unsigned);
    expect(listed).not.toContain(createHash('sha256').update(unsigned).digest('hex'));
    expect(listed).not.toContain(owner.csrfToken!);
  });

  it("answers 404 for another user's session, and leaves it alive", async () => {
    const alice = await addUser(server);
    const bob = await addUser(server);
    const [bobSession] = (await bob.get('/api/auth/sessions')).body;
    expect((await alice.del(`/api/auth/sessions/${bobSession.id}`)).status).toBe(404);
    expect((await bob.get('/api/auth/me')).status).toBe(200);
    expect((await alice.get('/api/auth/sessions')).body.map((s: { id: string }) => s.id)).not.toContain(bobSession.id);
  });

  it('needs the CSRF token to end sessions or change the password with the cookie', async () => {
    const user = await addUser(server);
    const { reply } = await login(user.user.email);
    const cookie = String(([] as string[]).concat(reply.headers['set-cookie'] as string)[0]).split(';')[0]!;
    const [session] = (await user.get('/api/auth/sessions')).body;
    const forged = (method: string, url: string, body?: unknown) => rawCall(server.app, method, url, { body, headers: { cookie } });
    expect((await forged('POST', '/api/auth/sessions/end-others', {})).status).toBe(403);
    expect((await forged('DELETE', `/api/auth/sessions/${session.id}`)).status).toBe(403);
    expect((await forged('POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' })).status).toBe(403);
    expect((await user.get('/api/auth/me')).status).toBe(200);
    expect((await login(user.user.email)).reply.status).toBe(200);
  });

  it('is out of reach of API tokens, even with write scope: no password, two-factor or session change', async () => {
    const user = await addUser(server);
    const phone = await loggedIn(user.user.email, PASSWORD, {}, PHONE);
    const minted = await user.post('/api/tokens', { name: 'script', scope: 'write' });
    expect(minted.status).toBe(201);
    const withToken = (method: string, url: string, body?: unknown) =>
      rawCall(server.app, method, url, { body, headers: { authorization: `Bearer ${minted.body.token}` } });
    const [session] = (await user.get('/api/auth/sessions')).body;
    for (const [method, url, body] of [
      ['POST', '/api/auth/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }],
      ['DELETE', `/api/auth/sessions/${session.id}`, undefined],
      ['POST', '/api/auth/sessions/end-others', {}],
      ['POST', '/api/auth/totp/enrol', { password: PASSWORD }],
      ['POST', '/api/auth/totp/confirm', { totpCode: '123456' }],
      ['POST', '/api/auth/totp/recovery-codes', { password: PASSWORD }],
      ['POST', '/api/auth/totp/disable', { password: PASSWORD }],
    ] as const) {
      const reply = await withToken(method, url, body);
      expect(reply.status, `${method} ${url}`).toBe(403);
      expect(reply.body.detail).toContain('log in');
    }
    // Reading is fine, and nothing changed.
    expect((await withToken('GET', '/api/auth/totp')).status).toBe(200);
    expect((await user.get('/api/auth/sessions')).body).toHaveLength(2);
    expect((await phone.get('/api/auth/me')).status).toBe(200);
    expect((await login(user.user.email, PASSWORD)).reply.status).toBe(200);
  });

  it('logs out everywhere else', async () => {
    const user = await addUser(server);
    const phone = await loggedIn(user.user.email, PASSWORD, {}, PHONE);
    const here = await loggedIn(user.user.email);
    expect((await here.post('/api/auth/sessions/end-others')).body).toEqual({ ended: 2 });
    expect((await here.get('/api/auth/me')).status).toBe(200);
    expect((await phone.get('/api/auth/me')).status).toBe(401);
    expect((await user.get('/api/auth/me')).status).toBe(401);
    expect((await here.get('/api/auth/sessions')).body).toHaveLength(1);
  });
});

describe('the idle limit', () => {
  it(`ends a session unused for ${SESSION_IDLE_DAYS} days; use within it renews it`, async () => {
    const start = new Date('2026-12-01T09:00:00Z');
    server.setNow(start);
    try {
      const user = await addUser(server);
      const idle = await loggedIn(user.user.email);
      const used = await loggedIn(user.user.email);
      // Used every ten days: alive after 30 days… until the absolute limit.
      server.setNow(new Date(start.getTime() + 10 * DAY));
      expect((await used.get('/api/auth/me')).status).toBe(200);
      server.setNow(new Date(start.getTime() + 20 * DAY));
      expect((await used.get('/api/auth/me')).status).toBe(200);
      expect((await idle.get('/api/auth/me')).status).toBe(401);
      server.setNow(new Date(start.getTime() + 29 * DAY));
      expect((await used.get('/api/auth/me')).status).toBe(200);
      server.setNow(new Date(start.getTime() + 30 * DAY + 60_000));
      expect((await used.get('/api/auth/me')).status).toBe(401);
    } finally {
      server.setNow(null);
    }
  });

  it('counts the idle time from the last use, to the minute', async () => {
    const start = new Date('2026-12-01T09:00:00Z');
    server.setNow(start);
    try {
      const user = await addUser(server);
      const session = await loggedIn(user.user.email);
      server.setNow(new Date(start.getTime() + 13 * DAY));
      expect((await session.get('/api/auth/me')).status).toBe(200);
      const seen = (await session.get('/api/auth/sessions')).body.find((s: { current: boolean }) => s.current);
      expect(seen.lastSeenAt).toBe(new Date(start.getTime() + 13 * DAY).toISOString());
      server.setNow(new Date(start.getTime() + 13 * DAY + SESSION_IDLE_DAYS * DAY - 60_000));
      expect((await session.get('/api/auth/me')).status).toBe(200);
    } finally {
      server.setNow(null);
    }
  });
});

describe('two-factor authentication', () => {
  let email: string;
  let secret: string;
  let recoveryCodes: string[];
  let client: Awaited<ReturnType<typeof loggedIn>>;
  const start = new Date('2026-12-02T10:00:00Z');
  const codeAt = (at: Date) => OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(secret), timestamp: at.getTime() });
  const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

  beforeAll(async () => {
    server.setNow(start);
    clientAddress = '198.51.100.7';
    const user = await addUser(server);
    email = user.user.email;
    client = await loggedIn(email);
  });
  afterAll(() => {
    server.setNow(null);
    clientAddress = '127.0.0.1';
  });

  it('enrols: the password first, then a secret, its otpauth URI and a QR code', async () => {
    expect((await client.get('/api/auth/totp')).body).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect((await client.post('/api/auth/totp/enrol', { password: 'wrong password' })).status).toBe(400);
    const enrolled = await client.post('/api/auth/totp/enrol', { password: PASSWORD });
    expect(enrolled.status).toBe(200);
    secret = enrolled.body.secret;
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(enrolled.body.uri).toMatch(/^otpauth:\/\/totp\/C%C3%ADrculo:/);
    expect(enrolled.body.uri).toContain(`secret=${secret}`);
    expect(enrolled.body.qrCode).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(Buffer.from(enrolled.body.qrCode.split(',')[1], 'base64').toString()).toContain('<svg');
    // Not on until confirmed: logging in still needs only the password.
    expect((await login(email)).reply.status).toBe(200);
  });

  it('stores the secret encrypted', async () => {
    const rows = await server.database.db.select().from(totpCredentials);
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(secret);
  });

  it('confirms with a right code only, and answers ten recovery codes once', async () => {
    expect((await client.post('/api/auth/totp/confirm', { totpCode: '000000' === codeAt(start) ? '111111' : '000000' })).status).toBe(400);
    const confirmed = await client.post('/api/auth/totp/confirm', { totpCode: codeAt(start) });
    expect(confirmed.status).toBe(200);
    recoveryCodes = confirmed.body.recoveryCodes;
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    expect(recoveryCodes[0]).toMatch(/^[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}-[0-9a-z]{4}$/);
    expect((await client.get('/api/auth/totp')).body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await client.post('/api/auth/totp/enrol', { password: PASSWORD })).status).toBe(409);
  });

  it('then asks for a code at login, after the password only', async () => {
    const noCode = await login(email);
    expect(noCode.reply.status).toBe(401);
    expect(noCode.reply.body).toMatchObject({ totpRequired: true, type: '/problems/totp-required' });
    expect(noCode.reply.headers['set-cookie']).toBeUndefined();
    // A wrong password says nothing about two-factor.
    const wrongPassword = await login(email, 'wrong password', { totpCode: codeAt(later(30)) });
    expect(wrongPassword.reply.status).toBe(401);
    expect(wrongPassword.reply.body.totpRequired).toBeUndefined();
  });

  it('refuses a wrong code, takes the right one (±1 step of drift), and never the same code twice', async () => {
    server.setNow(later(60));
    const right = codeAt(later(60));
    const wrong = right === '123456' ? '654321' : '123456';
    const refused = await login(email, PASSWORD, { totpCode: wrong });
    expect(refused.reply.status).toBe(401);
    expect(refused.reply.body.totpRequired).toBe(true);

    expect((await login(email, PASSWORD, { totpCode: right })).reply.status).toBe(200);
    expect((await login(email, PASSWORD, { totpCode: right })).reply.status).toBe(401); // replayed

    // The phone's clock runs 30 s fast: the next step's code is accepted once.
    server.setNow(later(120));
    expect((await login(email, PASSWORD, { totpCode: codeAt(later(150)) })).reply.status).toBe(200);
    // …and an older step cannot be used after a newer one.
    expect((await login(email, PASSWORD, { totpCode: codeAt(later(120)) })).reply.status).toBe(401);
    // Two steps off is too far.
    server.setNow(later(300));
    expect((await login(email, PASSWORD, { totpCode: codeAt(later(360)) })).reply.status).toBe(401);
  });

  it('lets only one of two simultaneous logins use the same code', async () => {
    server.setNow(later(200));
    const code = codeAt(later(200));
    const replies = await Promise.all([login(email, PASSWORD, { totpCode: code }), login(email, PASSWORD, { totpCode: code })]);
    expect(replies.map((r) => r.reply.status).sort()).toEqual([200, 401]);
  });

  it('takes a recovery code once only, in any case and with or without dashes', async () => {
    const code = recoveryCodes[0]!;
    const typed = code.toUpperCase().replace(/-/g, ' ');
    expect((await login(email, PASSWORD, { recoveryCode: typed })).reply.status).toBe(200);
    expect((await login(email, PASSWORD, { recoveryCode: code })).reply.status).toBe(401);
    expect((await client.get('/api/auth/totp')).body.recoveryCodesLeft).toBe(9);
    const twice = await Promise.all([login(email, PASSWORD, { recoveryCode: recoveryCodes[2] }), login(email, PASSWORD, { recoveryCode: recoveryCodes[2] })]);
    expect(twice.map((r) => r.reply.status).sort()).toEqual([200, 401]);
  });

  it('counts wrong codes towards the login limit', async () => {
    const user = await addUser(server);
    const c = await loggedIn(user.user.email);
    const enrolment = (await c.post('/api/auth/totp/enrol', { password: PASSWORD })).body;
    const s = OTPAuth.Secret.fromBase32(enrolment.secret);
    server.setNow(later(600));
    expect((await c.post('/api/auth/totp/confirm', { totpCode: OTPAuth.TOTP.generate({ secret: s, timestamp: later(600).getTime() }) })).status).toBe(200);
    server.setNow(later(700));
    const right = OTPAuth.TOTP.generate({ secret: s, timestamp: later(700).getTime() });
    const wrong = right === '999999' ? '888888' : '999999';
    // Every try counts until a code passes: the first step without a code, and wrong codes.
    for (let i = 0; i < 2; i++) expect((await login(user.user.email)).reply.body.totpRequired).toBe(true);
    for (let i = 2; i < FREE_FAILURES; i++) expect((await login(user.user.email, PASSWORD, { totpCode: wrong })).reply.status).toBe(401);
    const limited = await login(user.user.email, PASSWORD, { totpCode: right });
    expect(limited.reply.status).toBe(429);
    expect(limited.reply.headers['retry-after']).toBe('1');
    server.setNow(later(701));
    expect((await login(user.user.email, PASSWORD, { totpCode: right })).reply.status).toBe(200);
  });

  it('regenerates recovery codes (the old ones stop working) with a code as proof', async () => {
    server.setNow(later(900));
    expect((await client.post('/api/auth/totp/recovery-codes', {})).status).toBe(400);
    const fresh = await client.post('/api/auth/totp/recovery-codes', { totpCode: codeAt(later(900)) });
    expect(fresh.status).toBe(200);
    expect(fresh.body.recoveryCodes).toHaveLength(10);
    expect((await login(email, PASSWORD, { recoveryCode: recoveryCodes[1] })).reply.status).toBe(401);
    expect((await login(email, PASSWORD, { recoveryCode: fresh.body.recoveryCodes[1] })).reply.status).toBe(200);
    recoveryCodes = fresh.body.recoveryCodes;
  });

  it('turns off only with the password or a code', async () => {
    expect((await client.post('/api/auth/totp/disable', { password: 'wrong password' })).status).toBe(400);
    expect((await client.post('/api/auth/totp/disable', { recoveryCode: 'aaaa-bbbb-cccc-dddd' })).status).toBe(400);
    expect((await client.get('/api/auth/totp')).body.enabled).toBe(true);
    expect((await client.post('/api/auth/totp/disable', { password: PASSWORD })).status).toBe(204);
    expect((await client.get('/api/auth/totp')).body).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
    expect((await login(email)).reply.status).toBe(200);
  });

  it('is in the OpenAPI document', async () => {
    const doc = (await rawCall(server.app, 'GET', '/api/openapi.json')).body;
    for (const path of ['/api/auth/password', '/api/auth/sessions', '/api/auth/sessions/{id}', '/api/auth/sessions/end-others', '/api/auth/totp', '/api/auth/totp/enrol', '/api/auth/totp/confirm', '/api/auth/totp/recovery-codes', '/api/auth/totp/disable']) {
      expect(doc.paths[path], path).toBeDefined();
    }
  });
});

describe('circulo user reset-2fa', () => {
  const circulo = (args: string[], env: Record<string, string>, extra: Record<string, string> = {}) => runCirculo(args, { ...env, ...extra });

  it('turns two-factor off for a user who lost their phone, and says so; an unknown e-mail fails clearly', async () => {
    const { env, cleanup } = await throwawayDatabaseEnv();
    try {
      const created = await circulo(['user', 'create', '--email', 'lost@example.com', '--name', 'Lost Phone'], env, { CIRCULO_PASSWORD: PASSWORD });
      expect(created.code, created.stderr).toBe(0);
      // Turn two-factor on directly in that database, as the web app would have.
      const { openDatabase } = await import('../../src/server/db/database.js');
      const { secretBox } = await import('../../src/server/features/auth/secret-box.js');
      const { findUserByEmail } = await import('../../src/server/features/auth/users.js');
      const { startEnrolment, confirmEnrolment, totpStatus } = await import('../../src/server/features/auth/totp.js');
      const box = secretBox('any secret at all, for this test', 'totp-secrets');
      const open = () => openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.CIRCULO_DATA_DIR!, command: 'test', snapshots: false, log: () => {} });
      let database = await open();
      const user = (await findUserByEmail(database.db, 'lost@example.com'))!;
      const owner = { userId: user.id, accountId: user.accountId };
      const now = new Date();
      const enrolment = await startEnrolment(database.db, box, owner, user.email, now);
      const codes = await confirmEnrolment(database.db, box, owner, OTPAuth.TOTP.generate({ secret: OTPAuth.Secret.fromBase32(enrolment.secret), timestamp: now.getTime() }), now);
      expect(codes).toHaveLength(10);
      await database.close();

      const reset = await circulo(['user', 'reset-2fa', '--email', 'LOST@example.com'], env);
      expect(reset.code, reset.stderr).toBe(0);
      expect(reset.stdout).toContain('lost@example.com');
      expect(reset.stdout).toContain('10 recovery codes deleted');

      database = await open();
      expect(await totpStatus(database.db, owner)).toEqual({ enabled: false, enabledAt: null, recoveryCodesLeft: 0 });
      await database.close();

      const again = await circulo(['user', 'reset-2fa', '--email', 'lost@example.com'], env);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stdout).toContain('was already off');

      const unknown = await circulo(['user', 'reset-2fa', '--email', 'nobody@example.com'], env);
      expect(unknown.code).not.toBe(0);
      expect(unknown.stderr).toContain('nobody@example.com');
    } finally {
      await cleanup();
    }
  }, 240_000);
});
