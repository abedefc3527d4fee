import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let owner: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

describe('first run', () => {
  it('reports that setup is needed, then creates the owner once', async () => {
    expect((await rawCall(server.app, 'GET', '/api/auth/status')).body).toEqual({ needsSetup: true });
    owner = await setupOwner(server.app, { email: 'Owner@Example.com', name: 'Ana Pérez' });
    expect(owner.user.email).toBe('owner@example.com');
    expect((await rawCall(server.app, 'GET', '/api/auth/status')).body).toEqual({ needsSetup: false });
    const again = await rawCall(server.app, 'POST', '/api/auth/setup', {
      body: { email: 'x@example.com', password: 'another long password', name: 'X' },
    });
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toContain('application/problem+json');
  });

  it('names every bad field of a setup', async () => {
    const reply = await rawCall(server.app, 'POST', '/api/auth/setup', { body: { email: 'nope', password: 'short', timeZone: 'Mars/Base' } });
    expect(reply.status).toBe(400);
    const fields = reply.body.errors.map((e: { field: string }) => e.field).sort();
    expect(fields).toEqual(['email', 'name', 'password', 'timeZone']);
  });
});

describe('sessions', () => {
  it('logs in with the e-mail in any case and answers /me', async () => {
    const reply = await rawCall(server.app, 'POST', '/api/auth/login', {
      body: { email: 'OWNER@example.com', password: 'correct horse battery staple' },
    });
    expect(reply.status).toBe(200);
    expect(String(reply.headers['set-cookie'])).toMatch(/HttpOnly/i);
    expect(String(reply.headers['set-cookie'])).toMatch(/SameSite=Lax/i);
    expect((await owner.get('/api/auth/me')).body.user.name).toBe('Ana Pérez');
  });

  it('refuses a wrong password without saying whether the e-mail exists', async () => {
    const wrong = await rawCall(server.app, 'POST', '/api/auth/login', { body: { email: 'owner@example.com', password: 'wrong password!' } });
    const unknown = await rawCall(server.app, 'POST', '/api/auth/login', { body: { email: 'ghost@example.com', password: 'wrong password!' } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.detail).toBe(unknown.body.detail);
  });

  it('rate-limits repeated failed logins', async () => {
    // Five failures are free, then the next try waits (tests/security/login-throttle.test.ts).
    server.setNow(new Date());
    const attempt = () =>
      rawCall(server.app, 'POST', '/api/auth/login', {
        body: { email: 'target@example.com', password: 'guess guess guess' },
        remoteAddress: '203.0.113.7',
      });
    for (let i = 0; i < 5; i++) expect((await attempt()).status).toBe(401);
    const limited = await attempt();
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBeDefined();
    server.setNow(null);
  });

  it('requires the CSRF token for cookie writes', async () => {
    const other = await addUser(server);
    const cookie = await sessionCookieOf(other);
    const write = (headers: Record<string, string>) =>
      rawCall(server.app, 'POST', '/api/contacts', { body: { firstName: 'Eve' }, headers: { cookie, ...headers } });
    expect((await write({})).status).toBe(403);
    expect((await write({ 'x-csrf-token': 'forged' })).status).toBe(403);
    expect((await other.get('/api/contacts')).body.items).toEqual([]);
  });

  it('logs out: the session no longer works', async () => {
    const user = await addUser(server);
    expect((await user.get('/api/auth/me')).status).toBe(200);
    expect((await user.post('/api/auth/logout')).status).toBe(204);
    expect((await user.get('/api/auth/me')).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('authenticates with a bearer token (no CSRF needed) until revoked', async () => {
    const created = await owner.post('/api/tokens', { name: 'script' });
    expect(created.status).toBe(201);
    expect(created.body.token).toMatch(/^circ_/);
    const auth = { authorization: `Bearer ${created.body.token}` };
    const made = await rawCall(server.app, 'POST', '/api/contacts', { body: { firstName: 'Token' }, headers: auth });
    expect(made.status).toBe(201);
    const listed = await owner.get('/api/tokens');
    expect(listed.body.map((t: { name: string }) => t.name)).toContain('script');
    expect(JSON.stringify(listed.body)).not.toContain(created.body.token);
    expect((await owner.del(`/api/tokens/${created.body.id}`)).status).toBe(204);
    expect((await rawCall(server.app, 'GET', '/api/contacts', { headers: auth })).status).toBe(401);
  });

  it('rejects anonymous calls with a problem document', async () => {
    const reply = await rawCall(server.app, 'GET', '/api/contacts');
    expect(reply.status).toBe(401);
    expect(reply.body).toMatchObject({ status: 401, title: 'Unauthorized' });
  });
});

/** The session cookie a client logs in with, recovered by logging in again. */
async function sessionCookieOf(client: ApiClient): Promise<string> {
  const reply = await rawCall(server.app, 'POST', '/api/auth/login', {
    body: { email: client.user.email, password: 'correct horse battery staple' },
  });
  return String((reply.headers['set-cookie'] as string[] | string)).split(';')[0]!;
}
