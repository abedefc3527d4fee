// Idempotency-Key on writes (README "HTTP API", src/server/http/idempotency.ts): a repeat gets
// the first answer and writes nothing; another request under the same key is a 422; keys are
// per account and expire after 24 hours by the app's clock.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { rawCall, setupOwner, type ApiClient, type Reply } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let alice: ApiClient;
let bob: ApiClient;
let contactId: string;
let firstTouchId: string;
const START = new Date('2031-06-10T09:00:00Z');
const HOUR = 60 * 60 * 1000;

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(START);
  alice = await setupOwner(server.app);
  bob = await addUser(server);
  contactId = (await alice.post('/api/contacts', { firstName: 'Ana', lastName: 'Repetida' })).body.id;
});
afterAll(() => server.close());

const withKey = (client: ApiClient, method: string, url: string, key: string, body?: unknown) =>
  rawCall(server.app, method, url, { body, headers: { ...client.headers, 'idempotency-key': key } });
const touch = (summary: string) => ({ contactIds: [contactId], channel: 'call', direction: 'outbound', intent: 'nurture', summary });
const touchesOf = async (client: ApiClient, id = contactId) => (await client.get(`/api/interactions?contactId=${id}&limit=100`)).body.items as { summary: string }[];
const replayed = (reply: Reply) => reply.headers['idempotent-replayed'];
const keptRows = () => queryRows<{ key: string; status: number | null }>(server.database.db, sql`select key, status from idempotency_keys order by key`);

describe('Idempotency-Key', () => {
  it('replays the first answer to a repeat, byte for byte, and logs the touch once', async () => {
    const first = await withKey(alice, 'POST', '/api/interactions', 'touch-1', touch('Called about the job'));
    expect(first.status).toBe(201);
    expect(replayed(first)).toBeUndefined();
    firstTouchId = first.body.id;
    const again = await withKey(alice, 'POST', '/api/interactions', 'touch-1', touch('Called about the job'));
    expect(again.status).toBe(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['content-type']).toBe(first.headers['content-type']);
    expect(replayed(again)).toBe('true');
    expect((await touchesOf(alice)).filter((t) => t.summary === 'Called about the job')).toHaveLength(1);

    // The same body with the keys in another order is the same request.
    const { summary, ...rest } = touch('Called about the job');
    const reordered = await withKey(alice, 'POST', '/api/interactions', 'touch-1', { summary, ...rest });
    expect(reordered.status).toBe(201);
    expect(reordered.body.id).toBe(first.body.id);

    // Without a key, each request is its own write.
    await alice.post('/api/interactions', touch('No key'));
    await alice.post('/api/interactions', touch('No key'));
    expect((await touchesOf(alice)).filter((t) => t.summary === 'No key')).toHaveLength(2);
  });

  it('replays refusals and deletions too: a repeated DELETE is 204 again, not 404', async () => {
    const id = (await alice.post('/api/followups', { contactId, dueOn: '2031-06-20', title: 'Llamar' })).body.id;
    const deleted = await withKey(alice, 'DELETE', `/api/followups/${id}`, 'delete-1');
    expect(deleted.status).toBe(204);
    const again = await withKey(alice, 'DELETE', `/api/followups/${id}`, 'delete-1');
    expect(again.status).toBe(204);
    expect(replayed(again)).toBe('true');
    // A 404 from the handler is the answer to that request, kept like any other.
    const missing = await withKey(alice, 'PATCH', `/api/followups/${id}`, 'patch-gone', { title: 'x' });
    expect(missing.status).toBe(404);
    expect((await withKey(alice, 'PATCH', `/api/followups/${id}`, 'patch-gone', { title: 'x' })).body).toEqual(missing.body);
  });

  it('refuses the same key for another body, path or method with a 422 naming the header, and writes nothing', async () => {
    const first = await withKey(alice, 'POST', '/api/interactions', 'touch-2', touch('Coffee'));
    expect(first.status).toBe(201);
    const before = (await touchesOf(alice)).length;
    const attempts = [
      withKey(alice, 'POST', '/api/interactions', 'touch-2', touch('Lunch')),
      withKey(alice, 'POST', '/api/followups', 'touch-2', { contactId, dueOn: '2031-06-20', title: 'Otro' }),
      withKey(alice, 'PATCH', `/api/interactions/${first.body.id}`, 'touch-2', { summary: 'Coffee' }),
    ];
    for (const reply of await Promise.all(attempts)) {
      expect(reply.status).toBe(422);
      expect(reply.headers['content-type']).toContain('application/problem+json');
      expect(reply.body).toMatchObject({ type: '/problems/idempotency-key-reused', status: 422, errors: [{ field: 'Idempotency-Key' }] });
      expect(reply.body.detail).toContain('Idempotency-Key');
    }
    expect(await touchesOf(alice)).toHaveLength(before);
    expect((await alice.get(`/api/interactions/${first.body.id}`)).body.summary).toBe('Coffee');
  });

  it('keeps each account’s keys apart: the same key in another account is a new write', async () => {
    const bobContact = (await bob.post('/api/contacts', { firstName: 'Bea' })).body.id;
    const bobs = await withKey(bob, 'POST', '/api/interactions', 'touch-1', { ...touch('Bob called'), contactIds: [bobContact] });
    expect(bobs.status).toBe(201);
    expect(replayed(bobs)).toBeUndefined();
    expect((await touchesOf(bob, bobContact)).map((t) => t.summary)).toEqual(['Bob called']);
    // And Alice's answer under that key is still hers.
    const alices = await withKey(alice, 'POST', '/api/interactions', 'touch-1', touch('Called about the job'));
    expect(replayed(alices)).toBe('true');
    expect(alices.body.id).toBe(firstTouchId);
  });

  it('answers a repeat that arrives while the first still runs with a 409 and Retry-After; one of many at once writes', async () => {
    const replies = await Promise.all(Array.from({ length: 5 }, () => withKey(alice, 'POST', '/api/interactions', 'race-1', touch('At once'))));
    expect(replies.map((r) => r.status).every((s) => s === 201 || s === 409)).toBe(true);
    const created = replies.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    expect(new Set(created.map((r) => r.body.id)).size).toBe(1);
    for (const busy of replies.filter((r) => r.status === 409)) {
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.body).toMatchObject({ type: '/problems/idempotency-key-in-use', errors: [{ field: 'Idempotency-Key' }] });
    }
    expect((await touchesOf(alice)).filter((t) => t.summary === 'At once')).toHaveLength(1);

    // A first request that never answered (its process died) holds the key only for its lease.
    await withKey(alice, 'POST', '/api/interactions', 'crashed-1', touch('Crashed'));
    await server.database.db.execute(
      sql`update idempotency_keys set status = null, body = null, expires_at = ${new Date(START.getTime() + 2 * 60 * 1000)} where key = 'crashed-1'`,
    );
    const busy = await withKey(alice, 'POST', '/api/interactions', 'crashed-1', touch('Crashed'));
    expect(busy.status).toBe(409);
    server.setNow(new Date(START.getTime() + 3 * 60 * 1000));
    try {
      const retried = await withKey(alice, 'POST', '/api/interactions', 'crashed-1', touch('Crashed'));
      expect(retried.status).toBe(201);
      expect(replayed(retried)).toBeUndefined();
    } finally {
      server.setNow(START);
    }
  });

  it('refuses a malformed key (400 naming the header) before writing anything', async () => {
    const before = (await touchesOf(alice)).length;
    for (const key of ['', 'x'.repeat(256), 'tab\there']) {
      const reply = await withKey(alice, 'POST', '/api/interactions', key, touch('Malformed'));
      expect(reply.status, JSON.stringify(key)).toBe(400);
      expect(reply.body.errors.map((e: { field: string }) => e.field)).toEqual(['Idempotency-Key']);
    }
    expect(await touchesOf(alice)).toHaveLength(before);
    expect((await withKey(alice, 'POST', '/api/interactions', 'k'.repeat(255), touch('Longest key'))).status).toBe(201);
  });

  it('forgets a key after 24 hours by the app’s clock, and clears expired keys lazily', async () => {
    const first = await withKey(alice, 'POST', '/api/interactions', 'day-1', touch('Day one'));
    expect(first.status).toBe(201);
    try {
      server.setNow(new Date(START.getTime() + 23 * HOUR));
      expect(replayed(await withKey(alice, 'POST', '/api/interactions', 'day-1', touch('Day one')))).toBe('true');
      expect((await touchesOf(alice)).filter((t) => t.summary === 'Day one')).toHaveLength(1);

      server.setNow(new Date(START.getTime() + 25 * HOUR));
      const later = await withKey(alice, 'POST', '/api/interactions', 'day-1', touch('Day one'));
      expect(later.status).toBe(201);
      expect(replayed(later)).toBeUndefined();
      expect(later.body.id).not.toBe(first.body.id);
      expect((await touchesOf(alice)).filter((t) => t.summary === 'Day one')).toHaveLength(2);
      // The new key above swept Alice's expired ones (touch-1, touch-2…), not Bob's nor its own.
      const keys = (await keptRows()).map((r) => r.key);
      expect(keys).toContain('day-1');
      expect(keys.filter((k) => k === 'touch-1')).toHaveLength(1); // Bob's
    } finally {
      server.setNow(START);
    }
  });

  it('keeps no answer holding a secret: the calendar URL and API tokens are made anew', async () => {
    const urls = [];
    for (let i = 0; i < 2; i++) {
      const reply = await withKey(alice, 'POST', '/api/calendar/secret', 'feed-1');
      expect(reply.status).toBe(200);
      expect(replayed(reply)).toBeUndefined();
      urls.push(reply.body.url);
    }
    expect(urls[0]).not.toBe(urls[1]);
    const tokens = await Promise.all([0, 1].map(() => withKey(alice, 'POST', '/api/tokens', 'token-1', { name: 'script' })));
    expect(tokens.map((t) => t.status)).toEqual([201, 201]);
    expect(tokens[0]!.body.token).not.toBe(tokens[1]!.body.token);
    const stored = await queryRows<{ body: string | null }>(server.database.db, sql`select body from idempotency_keys`);
    for (const { body } of stored) {
      for (const secret of [...urls, ...tokens.map((t) => t.body.token)]) expect(body ?? '').not.toContain(secret);
    }
  });

  it('is a reusable header parameter of every write in the OpenAPI document, and only of those that take part', async () => {
    const doc = (await rawCall(server.app, 'GET', '/api/openapi.json')).body;
    expect(doc.components.parameters.IdempotencyKey).toMatchObject({ name: 'Idempotency-Key', in: 'header', required: false });
    const ref = { $ref: '#/components/parameters/IdempotencyKey' };
    const has = (path: string, method: string) => (doc.paths[path][method].parameters ?? []).some((p: unknown) => JSON.stringify(p) === JSON.stringify(ref));
    for (const [path, method] of [
      ['/api/interactions', 'post'],
      ['/api/contacts', 'post'],
      ['/api/contacts/{id}', 'patch'],
      ['/api/followups/{id}', 'delete'],
      ['/api/events/{id}/capture', 'post'],
    ] as const) {
      expect(has(path, method), `${method} ${path}`).toBe(true);
    }
    for (const [path, method] of [
      ['/api/contacts', 'get'],
      ['/api/auth/login', 'post'],
      ['/api/tokens', 'post'],
      ['/api/backup/restore', 'post'],
      ['/api/imports', 'post'],
      ['/api/calendar/secret', 'post'],
    ] as const) {
      expect(has(path, method), `${method} ${path}`).toBe(false);
    }
  });
});
