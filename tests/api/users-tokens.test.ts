// API tokens with a scope and an expiry, what no token may do, and the owner's Settings → Users:
// adding, disabling and enabling users. On both databases.
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { loginAs, newUser, rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { uploaderWith } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let owner: ApiClient;
const NOW = new Date('2026-11-23T10:00:00Z');
const inDays = (days: number) => new Date(server.now().getTime() + days * 86_400_000).toISOString();
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const withToken = (token: string, method: string, url: string, body?: unknown) =>
  rawCall(server.app, method, url, { headers: bearer(token), ...(body !== undefined ? { body } : {}) });

async function token(client: ApiClient, body: Record<string, unknown>): Promise<{ id: string; token: string }> {
  const created = await client.post('/api/tokens', body);
  expect(created.status, JSON.stringify(created.body)).toBe(201);
  return created.body;
}

beforeAll(async () => {
  server = await startTestServer();
  // The owner set Círculo up the day before everyone else joined.
  server.setNow(new Date(NOW.getTime() - 86_400_000));
  owner = await setupOwner(server.app, { name: 'Olga Dueña' });
  server.setNow(NOW);
});
afterAll(() => server.close());

describe('API token scope and expiry', () => {
  it('a token made with just a name can write and never expires, as before', async () => {
    const created = await owner.post('/api/tokens', { name: 'old style' });
    expect(created.body).toMatchObject({ name: 'old style', scope: 'write', expiresAt: null, token: expect.stringMatching(/^circ_/) });
    expect((await withToken(created.body.token, 'POST', '/api/contacts', { firstName: 'Escrito' })).status).toBe(201);
  });

  it('a read-only token reads but cannot write', async () => {
    const { token: read } = await token(owner, { name: 'reader', scope: 'read' });
    expect((await withToken(read, 'GET', '/api/contacts')).status).toBe(200);
    expect((await withToken(read, 'GET', '/api/today')).status).toBe(200);
    const contact = (await owner.post('/api/contacts', { firstName: 'Intocable' })).body;
    for (const [method, url, body] of [
      ['POST', '/api/contacts', { firstName: 'Nope' }],
      ['PATCH', `/api/contacts/${contact.id}`, { firstName: 'Changed' }],
      ['DELETE', `/api/contacts/${contact.id}`, undefined],
      ['PATCH', '/api/profile', { name: 'Hacked' }],
    ] as const) {
      const reply = await withToken(read, method, url, body);
      expect(reply.status, `${method} ${url}`).toBe(403);
      expect(reply.body.detail).toContain('read-only');
    }
    expect((await owner.get(`/api/contacts/${contact.id}`)).body.firstName).toBe('Intocable');
  });

  it('an expired token is refused with a problem saying it expired', async () => {
    const { token: shortLived } = await token(owner, { name: 'short', scope: 'write', expiresAt: inDays(30) });
    expect((await withToken(shortLived, 'GET', '/api/contacts')).status).toBe(200);
    server.setNow(new Date(NOW.getTime() + 30 * 86_400_000));
    try {
      const reply = await withToken(shortLived, 'GET', '/api/contacts');
      expect(reply.status).toBe(401);
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.body.detail).toContain('expired');
    } finally {
      server.setNow(NOW);
    }
  });

  it('refuses an expiry in the past and lists scope, expiry and last use without the secret', async () => {
    const past = await owner.post('/api/tokens', { name: 'past', expiresAt: inDays(-1) });
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('expiresAt');
    const bad = await owner.post('/api/tokens', { name: 'bad', scope: 'admin' });
    expect(bad.status).toBe(400);

    const made = await token(owner, { name: 'listed', scope: 'read', expiresAt: inDays(90) });
    await withToken(made.token, 'GET', '/api/today');
    const listed = (await owner.get('/api/tokens')).body as Record<string, unknown>[];
    expect(listed.find((t) => t.id === made.id)).toEqual({
      id: made.id,
      name: 'listed',
      scope: 'read',
      expiresAt: inDays(90),
      createdAt: NOW.toISOString(),
      lastUsedAt: NOW.toISOString(),
    });
    expect(JSON.stringify(listed)).not.toContain(made.token);
  });
});

describe('what no API token may do', () => {
  it('cannot mint or delete tokens, restore a backup, or manage users, even with write scope', async () => {
    const { id, token: writer } = await token(owner, { name: 'writer', scope: 'write' });
    const minted = await withToken(writer, 'POST', '/api/tokens', { name: 'child' });
    expect(minted.status).toBe(403);
    expect(minted.body.detail).toContain('log in');
    expect((await withToken(writer, 'DELETE', `/api/tokens/${id}`)).status).toBe(403);
    expect((await owner.get('/api/tokens')).body.map((t: { name: string }) => t.name)).not.toContain('child');
    // Still alive: it did not revoke itself.
    expect((await withToken(writer, 'GET', '/api/tokens')).status).toBe(200);

    const backup = (await owner.get('/api/exports/json')).body;
    const restore = await withToken(writer, 'POST', '/api/backup/restore?replace=true', backup);
    expect(restore.status).toBe(403);
    const viaImport = await uploaderWith(server.app, bearer(writer)).upload('/api/imports', { source: 'json', replace: 'true' }, [
      { name: 'backup.json', content: JSON.stringify(backup) },
    ]);
    expect(viaImport.status).toBe(403);
    // Other imports still work with a token.
    const vcard = 'BEGIN:VCARD\r\nVERSION:3.0\r\nN:Token;Vera;;;\r\nFN:Vera Token\r\nEND:VCARD\r\n';
    const imported = await uploaderWith(server.app, bearer(writer)).upload('/api/imports', { source: 'vcard' }, [{ name: 'v.vcf', content: vcard }]);
    expect(imported.status, JSON.stringify(imported.body)).toBe(200);

    expect((await withToken(writer, 'POST', '/api/users', newUser())).status).toBe(403);
    // The owner's token may read the list of users.
    expect((await withToken(writer, 'GET', '/api/users')).status).toBe(200);
  });
});

describe('users, for the owner', () => {
  it('the first user is the owner; a user added by the owner is not, and has an empty account of their own', async () => {
    expect((await owner.get('/api/auth/me')).body.user.isOwner).toBe(true);
    const input = newUser({ name: 'Nuria Nueva', email: 'nuria@example.com' });
    const added = await owner.post('/api/users', input);
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    expect(added.body).toMatchObject({ name: 'Nuria Nueva', email: 'nuria@example.com', isOwner: false, status: 'active', disabledAt: null, createdAt: NOW.toISOString() });
    expect(added.body).not.toHaveProperty('passwordHash');

    const nuria = await loginAs(server.app, input);
    expect((await nuria.get('/api/auth/me')).body.user.isOwner).toBe(false);
    expect(nuria.user.accountId).not.toBe(owner.user.accountId);
    expect((await nuria.get('/api/contacts')).body.items).toEqual([]);
    expect((await owner.get('/api/contacts')).body.items.length).toBeGreaterThan(0);

    const again = await owner.post('/api/users', { ...input, name: 'Twice' });
    expect(again.status).toBe(409);
    expect((await owner.post('/api/users', { ...newUser(), password: 'short' })).status).toBe(400);

    const list = (await owner.get('/api/users')).body;
    expect(list.items[0]).toMatchObject({ name: 'Olga Dueña', isOwner: true, status: 'active' });
    expect(list.items.map((u: { email: string }) => u.email)).toContain('nuria@example.com');
    const firstPage = (await owner.get('/api/users?limit=1')).body;
    const secondPage = (await owner.get(`/api/users?limit=1&cursor=${firstPage.nextCursor}`)).body;
    expect(secondPage.items[0].id).toBe(list.items[1].id);
  });

  it('anyone but the owner gets 403 on /api/users', async () => {
    const other = await addUser(server);
    const reply = await other.get('/api/users');
    expect(reply.status).toBe(403);
    expect(reply.body.detail).toContain('owner');
    expect((await other.post('/api/users', newUser())).status).toBe(403);
    expect((await other.post(`/api/users/${owner.user.id}/disable`)).status).toBe(403);
    expect((await other.post(`/api/users/${other.user.id}/enable`)).status).toBe(403);
    const { token: otherToken } = await token(other, { name: 'mine', scope: 'write' });
    expect((await withToken(otherToken, 'GET', '/api/users')).status).toBe(403);

    // Nor can they make themselves owner through their profile or a doctored backup of their own.
    await other.patch('/api/profile', { name: 'Promoted', isOwner: true });
    const backup = (await other.get('/api/exports/json')).body;
    const doctored = await other.post('/api/backup/restore?replace=true', { ...backup, profile: { ...backup.profile, isOwner: true } });
    expect(doctored.status).toBe(400);
    expect((await other.get('/api/auth/me')).body.user).toMatchObject({ name: 'Promoted', isOwner: false });
    expect((await other.get('/api/users')).status).toBe(403);
    expect((await owner.get('/api/auth/me')).body.user).toMatchObject({ isOwner: true });
  });

  it('disabling ends sessions, refuses logins and tokens, keeps the data; enabling lets them back in', async () => {
    const input = newUser({ name: 'Dora Deshabilitada' });
    const { id } = (await owner.post('/api/users', input)).body;
    const dora = await loginAs(server.app, input);
    await dora.post('/api/contacts', { firstName: 'Contacto de Dora' });
    const { token: doraToken } = await token(dora, { name: 'dora script', scope: 'write' });

    const disabled = await owner.post(`/api/users/${id}/disable`);
    expect(disabled.status).toBe(200);
    expect(disabled.body).toMatchObject({ status: 'disabled', disabledAt: NOW.toISOString() });

    const session = await dora.get('/api/auth/me');
    expect(session.status).toBe(401);
    expect((await dora.get('/api/contacts')).status).toBe(401);
    const left = await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from sessions where user_id = ${id}`);
    expect(left).toEqual([{ n: 0 }]);
    const viaToken = await withToken(doraToken, 'GET', '/api/contacts');
    expect(viaToken.status).toBe(401);
    expect(viaToken.body.detail).toContain('disabled');
    const login = await rawCall(server.app, 'POST', '/api/auth/login', { body: { email: input.email, password: input.password } });
    expect(login.status).toBe(403);
    expect(login.body.detail).toContain('disabled');
    expect(login.headers['set-cookie']).toBeUndefined();
    // A wrong password says nothing about the user being disabled.
    const wrong = await rawCall(server.app, 'POST', '/api/auth/login', { body: { email: input.email, password: 'not the password' } });
    expect(wrong.status).toBe(401);
    expect(JSON.stringify(wrong.body)).not.toContain('disabled');
    expect((await owner.get('/api/users?limit=500')).body.items.find((u: { id: string }) => u.id === id)).toMatchObject({ status: 'disabled' });

    const enabled = await owner.post(`/api/users/${id}/enable`);
    expect(enabled.body).toMatchObject({ status: 'active', disabledAt: null });
    const back = await loginAs(server.app, input);
    expect((await back.get('/api/contacts')).body.items.map((c: { displayName: string }) => c.displayName)).toEqual(['Contacto de Dora']);
    expect((await withToken(doraToken, 'GET', '/api/contacts')).status).toBe(200);
  });

  it('the owner cannot disable themselves; unknown users and other accounts’ ids are 404', async () => {
    const self = await owner.post(`/api/users/${owner.user.id}/disable`);
    expect(self.status).toBe(409);
    expect(self.body.detail).toContain('owner');
    expect((await owner.get('/api/auth/me')).status).toBe(200);

    const nobody = '00000000-0000-4000-8000-000000000000';
    expect((await owner.post(`/api/users/${nobody}/disable`)).status).toBe(404);
    expect((await owner.post(`/api/users/${nobody}/enable`)).status).toBe(404);

    const other = await addUser(server);
    const ownersToken = await token(owner, { name: 'owners' });
    expect((await other.del(`/api/tokens/${ownersToken.id}`)).status).toBe(404);
    expect((await other.get('/api/tokens')).body).toEqual([]);
    expect((await withToken(ownersToken.token, 'GET', '/api/today')).status).toBe(200);
  });

  it('is described in the OpenAPI document', async () => {
    const doc = (await rawCall(server.app, 'GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/users', '/api/users/{id}/disable', '/api/users/{id}/enable']));
    expect(doc.paths['/api/tokens'].post.requestBody.content['application/json'].schema.properties).toHaveProperty('expiresAt');
  });
});

describe('the migration', () => {
  it('makes the oldest user of an existing installation its owner', async () => {
    const migration = readFileSync('migrations/0008_users_and_token_scopes.sql', 'utf8');
    const dataFix = migration.slice(migration.indexOf('-- Data fix'));
    const db = server.database.db;
    await db.execute(sql`update users set is_owner = false`);
    await db.execute(sql.raw(dataFix));
    const owners = await queryRows<{ id: string }>(db, sql`select id from users where is_owner`);
    expect(owners).toEqual([{ id: owner.user.id }]);
  });
});
