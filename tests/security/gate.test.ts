// The gate, checked over the server's own route table (app.routeTable, filled as routes are
// registered): a new route is covered the day it is added, nobody has to remember it here.
// - every private route refuses an anonymous caller (401) under every spelling of its path the
//   router decodes to it, over a real socket; spellings it does not decode answer 404;
// - every write refuses a session cookie without its X-CSRF-Token (403);
// - every route with an id answers 404 for another account's ids, built from real rows;
// - a malformed id or cursor is a 400 naming the field, never a 500;
// - the list of public routes is exactly the one below.
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/http/app.js';
import type { RouteEntry } from '../../src/server/http/context.js';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let alice: ApiClient;
let mallory: ApiClient;
let aliceCookie: string;
let base: string;
const ids: Record<string, string> = {};
const mine: Record<string, string> = {};

/** Public on purpose. A new public route must be added here, deliberately. */
const PUBLIC_API_ROUTES = [
  'GET /api/auth/status',
  'HEAD /api/auth/status',
  'POST /api/auth/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'GET /api/calendar/:secret.ics',
  'HEAD /api/calendar/:secret.ics',
  'GET /api/openapi.json',
  'HEAD /api/openapi.json',
  // The unsubscribe link in every e-mail (its signed token is the key; GET only shows a button).
  'GET /api/email/unsubscribe/:token',
  'HEAD /api/email/unsubscribe/:token',
  'POST /api/email/unsubscribe/:token',
  // RFC 6764: a phone given only the server's address asks here; the answer is a redirect to /dav/.
  'GET /.well-known/carddav',
  'HEAD /.well-known/carddav',
  'PROPFIND /.well-known/carddav',
];

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Which of Alice's rows a route's `:id` names, by path prefix. */
const resourceOf: [RegExp, string][] = [
  [/^\/api\/contacts\/:id/, 'contact'],
  [/^\/api\/interactions\/:id/, 'interaction'],
  [/^\/api\/followups\/:id/, 'followup'],
  [/^\/api\/tokens\/:id/, 'token'],
  [/^\/api\/favors\/:id/, 'favor'],
  [/^\/api\/templates\/:id/, 'template'],
  [/^\/api\/invitations\/:id/, 'invitation'],
  [/^\/api\/events\/:id/, 'event'],
  [/^\/api\/campaigns\/:id/, 'campaign'],
  [/^\/api\/users\/:id/, 'user'],
  [/^\/api\/auth\/sessions\/:id/, 'session'],
  [/^\/api\/calendar-subscriptions\/:id/, 'calendarSubscription'],
  [/^\/api\/trash\/:id/, 'trash'],
];

/**
 * Users belong to the installation, not to an account: only its owner manages them, and anyone
 * else is refused outright (403) whatever the id.
 */
const OWNER_ONLY = /^\/api\/users(\/|$)/;

/** A valid body for each write with an id, so the only reason left to refuse it is ownership. */
const bodies: Record<string, () => unknown> = {
  'POST /api/trash/:id/restore': () => ({}),
  'POST /api/users/:id/disable': () => ({}),
  'POST /api/users/:id/enable': () => ({}),
  'POST /api/contacts/:id/merge': () => ({ otherId: ids.contact2 }),
  'POST /api/contacts/:id/relationships': () => ({ otherId: ids.contact2, kind: 'friend' }),
  'PATCH /api/contacts/:id': () => ({ firstName: 'Hacked' }),
  'PATCH /api/interactions/:id': () => ({ summary: 'Hacked' }),
  'PATCH /api/followups/:id': () => ({ title: 'Hacked', status: 'done' }),
  'PATCH /api/favors/:id': () => ({ description: 'Hacked' }),
  'POST /api/favors/:id/thank': () => ({}),
  'POST /api/favors/:id/outcome': () => ({ outcome: 'Hacked' }),
  'PATCH /api/templates/:id': () => ({ body: 'Hacked' }),
  'POST /api/templates/:id/reset': () => ({}),
  'POST /api/templates/:id/render': () => ({}),
  'PATCH /api/invitations/:id': () => ({ outcome: 'meeting' }),
  'POST /api/invitations/:id/welcome': () => ({ message: 'Hacked' }),
  'PATCH /api/events/:id': () => ({ name: 'Hacked' }),
  'POST /api/events/:id/attendees': () => ({ contactId: ids.contact2 }),
  'PATCH /api/events/:id/attendees/:contactId': () => ({ met: true }),
  'POST /api/events/:id/capture': () => ({ people: [{ name: 'Hacked Person' }] }),
  'PATCH /api/campaigns/:id': () => ({ name: 'Hacked' }),
  'POST /api/campaigns/:id/members': () => ({ contactId: ids.contact2 }),
  'PATCH /api/campaigns/:id/members/:contactId': () => ({ stage: 'met' }),
  'POST /api/campaigns/:id/members/:contactId/referrals': () => ({ people: [{ firstName: 'Hacked' }] }),
  'POST /api/calendar-subscriptions/:id/fetch': () => ({}),
};

const key = (r: { method: string; url: string }) => `${r.method} ${r.url}`;
const hasParams = (url: string) => url.includes('/:');

/** The route's path with its parameters filled: `:id` from `idOf`, `:contactId` and `:otherId` from `contactOf`. */
function fill(url: string, idOf: (url: string) => string, contactOf: string, secret = 'no-such-secret'): string {
  return url.replace(':contactId', contactOf).replace(':otherId', contactOf).replace(':secret', secret).replace(':id', () => idOf(url));
}
const resourceFor = (url: string) => {
  const resource = resourceOf.find(([pattern]) => pattern.test(url))?.[1];
  expect(resource, `${url}: say which record :id names in resourceOf`).toBeDefined();
  return resource!;
};

const encodeCursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** One request over a real socket, the path sent byte for byte as given (no normalising client). */
function send(method: string, path: string, headers: Record<string, string> = {}): Promise<{ status: number; type: string; body: string }> {
  const url = new URL(base);
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: url.hostname, port: url.port, method, path, headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type'] ?? ''), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

beforeAll(async () => {
  server = await startTestServer();
  alice = await setupOwner(server.app);
  mallory = await addUser(server);
  const login = await rawCall(server.app, 'POST', '/api/auth/login', { body: { email: alice.user.email, password: 'correct horse battery staple' } });
  aliceCookie = String(login.headers['set-cookie']).split(';')[0]!;

  // Two of everything a list pages through, so a cursor can be followed.
  const contact = (body: Record<string, unknown>) => alice.post('/api/contacts', body).then((r) => r.body.id as string);
  ids.contact = await contact({ firstName: 'Ana', lastName: 'Secreta', emails: ['dup1@example.com'] });
  ids.contact2 = await contact({ firstName: 'Ana', lastName: 'Secreta', emails: ['dup1@example.com'] });
  await contact({ firstName: 'Bea', lastName: 'Doble', emails: ['dup2@example.com'] });
  await contact({ firstName: 'Bea', lastName: 'Doble', emails: ['dup2@example.com'] });
  for (const summary of ['lunch', 'call']) {
    ids.interaction = (await alice.post('/api/interactions', { contactIds: [ids.contact], channel: 'meal', direction: 'outbound', intent: 'give', summary })).body.id;
  }
  for (const dueOn of ['2026-01-01', '2026-01-02']) {
    ids.followup = (await alice.post('/api/followups', { contactId: ids.contact, dueOn, title: 'secret follow-up' })).body.id;
  }
  ids.token = (await alice.post('/api/tokens', { name: 'alice-token' })).body.id;
  // A contact in Alice's trash, for the restore route.
  const gone = await contact({ firstName: 'Gone', lastName: 'Secreta' });
  await alice.del(`/api/contacts/${gone}`);
  ids.trash = (await alice.get('/api/trash')).body[0].id;
  ids.user = alice.user.id;
  // One of Alice's sessions (the cookie login above, not the client's own), by its public id.
  const sessions = (await alice.get('/api/auth/sessions')).body as { id: string; current: boolean }[];
  expect(sessions.length).toBeGreaterThanOrEqual(2);
  ids.session = sessions.find((session) => !session.current)!.id;
  for (const kind of ['advice', 'reference']) {
    ids.favor = (await alice.post('/api/favors', { contactId: ids.contact, direction: 'received', kind, description: 'secret favor' })).body.id;
  }
  ids.template = (await alice.post('/api/templates', { purpose: 'custom', language: 'en', name: 'secret template', body: 'secret body' })).body.id;
  for (const contactId of [ids.contact, ids.contact2]) {
    ids.invitation = (await alice.post('/api/invitations', { direction: 'incoming', contactId, message: 'secret invitation' })).body.id;
  }
  for (const startsAt of ['2026-12-02T09:00:00Z', '2026-12-03T09:00:00Z']) {
    ids.event = (await alice.post('/api/events', { name: 'secret event', startsAt })).body.id;
  }
  await alice.post(`/api/events/${ids.event}/attendees`, { contactId: ids.contact });
  for (const name of ['secret campaign', 'another campaign']) {
    ids.campaign = (await alice.post('/api/campaigns', { name, goal: 'job_search' })).body.id;
  }
  await alice.post(`/api/campaigns/${ids.campaign}/members`, { contactId: ids.contact });
  ids.calendarSubscription = (await alice.post('/api/calendar-subscriptions', { name: 'secret calendar', url: 'https://calendar.example.com/private-key/basic.ics' })).body.id;
  for (const [resource, id] of Object.entries(ids)) expect(id, resource).toMatch(/^[0-9a-f-]{36}$/);

  // Mallory's own event and campaign: she may not put Alice's contact in them either.
  mine.event = (await mallory.post('/api/events', { name: 'mine', startsAt: '2026-12-02T09:00:00Z' })).body.id;
  mine.campaign = (await mallory.post('/api/campaigns', { name: 'mine', goal: 'job_search' })).body.id;

  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

const routes = (): RouteEntry[] => server.app.routeTable;
const privateRoutes = () => routes().filter((r) => !r.public);

describe('the route table', () => {
  it('has exactly the public API routes listed above', () => {
    expect(routes().length).toBeGreaterThan(80);
    expect(routes().filter((r) => r.public).map(key).sort()).toEqual([...PUBLIC_API_ROUTES].sort());
  });

  it('serves the web app’s files publicly, and nothing else becomes public with them', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'circulo-web-'));
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Círculo</title>');
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    const app = await buildApp({ ctx: { db: server.database.db, secureCookies: false, now: () => new Date() }, secret: 'x'.repeat(32), logLevel: 'silent', webRoot });
    try {
      await app.ready();
      const files = ['/', '/index.html', '/assets/app.js'].flatMap((url) => [`GET ${url}`, `HEAD ${url}`]);
      expect(app.routeTable.filter((r) => r.public).map(key).sort()).toEqual([...PUBLIC_API_ROUTES, ...files].sort());
      expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
      // The single-page app's own paths get the shell, unknown API paths a 404, private ones a 401.
      expect((await app.inject({ method: 'GET', url: '/contacts/123' })).body).toContain('Círculo');
      expect((await app.inject({ method: 'GET', url: '/api/nope' })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/%61pi/contacts' })).statusCode).toBe(401);
      expect((await app.inject({ method: 'POST', url: '/%61pi/imports/preview' })).statusCode).toBe(401);
    } finally {
      await app.close();
      rmSync(webRoot, { recursive: true, force: true });
    }
  });
});

describe('anonymous callers', () => {
  /** Spellings the router decodes to the route itself: each must be refused like the original. */
  const decodedSpellings = (path: string) => [
    path,
    // The first letter percent-encoded, whatever the tree (/api/, /dav/).
    path.replace(/^\/(\w)/, (_m, letter: string) => `/%${letter.charCodeAt(0).toString(16)}`),
    path.replace('/api/', '/%61pi/'),
    path.replace('/api/', '/%61%70%69/'),
    path.replace(/^\/api\/(\w)/, (_m, letter: string) => `/api/%${letter.charCodeAt(0).toString(16)}`),
    path.replace(/^\/api\/(\w)/, (_m, letter: string) => `/api/%${letter.charCodeAt(0).toString(16).toUpperCase()}`),
  ];
  /** Spellings that may or may not reach it (the router decides): refused or unknown, never served. */
  const otherSpellings = (path: string) => [
    `/${path}`,
    path.replace('/api/', '/api//'),
    path.replace('/api/', '/api%2F'),
    path.replace('/api/', '/api%2f'),
    path.replace('/api/', '/./api/'),
    path.replace('/api/', '/api/./'),
    path.replace('/api/', '/x/../api/'),
    path.replace('/api/', '/%2e/api/'),
    path.replace('/api/', '/x/%2e%2e/api/'),
    path.replace('/api/', '/api/x/%2E%2E/'),
    `${path}/`,
    `${path}?`,
    `${path}#x`,
  ];

  it('are refused by every private route, under every spelling that reaches it, before anything runs', async () => {
    const checked: string[] = [];
    const outcomes: Record<string, boolean> = {};
    for (const route of privateRoutes()) {
      const path = fill(route.url, () => randomUUID(), randomUUID());
      for (const spelling of decodedSpellings(path)) {
        const reply = await send(route.method, spelling);
        expect(reply.status, `${route.method} ${spelling}`).toBe(401);
        if (route.method !== 'HEAD') expect(reply.type, `${route.method} ${spelling}`).toContain('application/problem+json');
        checked.push(spelling);
      }
      for (const spelling of otherSpellings(path)) {
        const reply = await send(route.method, spelling);
        expect([401, 404], `${route.method} ${spelling} answered ${reply.status}`).toContain(reply.status);
        if (route.method !== 'HEAD') expect(reply.body, `${route.method} ${spelling}`).not.toMatch(/Ana|Secreta|dup1/);
        outcomes[`${spelling.replace(path.slice(5), '…')} → ${reply.status}`] = true;
      }
    }
    expect(checked.length).toBeGreaterThan(300);
    if (process.env.GATE_REPORT) console.log(Object.keys(outcomes).filter((o) => o.includes('/api/') || o.includes('/api')).slice(0, 60).join('\n'));
  });

  it('find no route under an upper-case /API (the router is case-sensitive): 404, not the handler', async () => {
    expect(server.app.initialConfig.caseSensitive ?? true).toBe(true);
    for (const route of privateRoutes()) {
      const path = fill(route.url, () => randomUUID(), randomUUID());
      const upper = (first: (segment: string) => string) => path.replace(/^\/([a-z]+)\//, (_m, segment: string) => `/${first(segment)}/`);
      for (const spelling of [upper((s) => s.toUpperCase()), upper((s) => s[0]!.toUpperCase() + s.slice(1)), path.toUpperCase()]) {
        const reply = await send(route.method, spelling);
        expect(reply.status, `${route.method} ${spelling}`).toBe(404);
      }
    }
  });

  it('get the same answer from an unknown path under any spelling: no route, nothing revealed', async () => {
    for (const path of ['/api/nope', '/%61pi/nope', '/api/contacts/x/y/z']) {
      const reply = await send('GET', path);
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toMatch(/Unauthorized/);
    }
  });
});

describe('cookie callers', () => {
  it('need the X-CSRF-Token on every write (403 without it, whatever the route)', async () => {
    const writes = privateRoutes().filter((r) => WRITES.has(r.method));
    expect(writes.length).toBeGreaterThan(40);
    for (const route of writes) {
      const url = fill(route.url, (u) => ids[resourceFor(u)]!, ids.contact!);
      const attempts: Record<string, string>[] = [{ cookie: aliceCookie }, { cookie: aliceCookie, 'x-csrf-token': 'forged' }];
      for (const headers of attempts) {
        const reply = await rawCall(server.app, route.method, url, { body: {}, headers });
        expect(reply.status, `${route.method} ${url} with ${Object.keys(headers).join(', ')}`).toBe(403);
      }
    }
    // Nothing was changed or deleted.
    expect((await alice.get(`/api/contacts/${ids.contact}`)).body.firstName).toBe('Ana');
    expect((await alice.get('/api/tokens')).body).toHaveLength(1);
  });
});

describe('another account', () => {
  it('gets 404 from every route with an id, for ids of real rows of the first account', async () => {
    const withIds = privateRoutes().filter((r) => hasParams(r.url) && r.method !== 'HEAD');
    expect(withIds.length).toBeGreaterThan(40);
    for (const route of withIds) {
      const k = key(route);
      const url = fill(route.url, (u) => ids[resourceFor(u)]!, ids.contact!);
      const body = WRITES.has(route.method) && route.method !== 'DELETE' ? bodies[k]?.() : undefined;
      if (WRITES.has(route.method) && route.method !== 'DELETE') expect(body, `${k}: add a valid body to bodies`).toBeDefined();
      const reply = await mallory.call(route.method, url, body);
      expect(reply.status, `${k} as another account`).toBe(OWNER_ONLY.test(route.url) ? 403 : 404);
      // Her own event or campaign with Alice's contact as the second id: still Alice's contact.
      if (route.url.includes(':contactId')) {
        const own = fill(route.url, (u) => (u.startsWith('/api/events') ? mine.event! : mine.campaign!), ids.contact!);
        expect((await mallory.call(route.method, own, body)).status, `${k} on her own record`).toBe(404);
      }
    }
    // Alice's world is whole.
    expect((await alice.get(`/api/contacts/${ids.contact}`)).body.firstName).toBe('Ana');
    expect((await alice.get(`/api/campaigns/${ids.campaign}`)).body.name).toBe('another campaign');
    expect((await alice.get(`/api/events/${ids.event}`)).status).toBe(200);
    expect((await alice.get('/api/auth/sessions')).body.map((session: { id: string }) => session.id)).toContain(ids.session);
  });

  it('cannot read the calendar feed without its secret', async () => {
    expect((await rawCall(server.app, 'GET', '/api/calendar/no-such-secret.ics')).status).toBe(404);
  });
});

describe('malformed input', () => {
  it('a malformed id is a 400 naming the parameter, on every route with one', async () => {
    const withIds = privateRoutes().filter((r) => hasParams(r.url) && r.method !== 'HEAD');
    for (const route of withIds) {
      const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!);
      for (const bad of ['not-a-uuid', '1', "1' or '1'='1", '00000000-0000-0000-0000-00000000000g', '%00']) {
        for (const name of names) {
          const url = route.url.replace(/:(\w+)/g, (_m, param: string) => (param === name ? bad : param === 'contactId' ? ids.contact! : ids[resourceFor(route.url)]!));
          const reply = await alice.call(route.method, url, WRITES.has(route.method) && route.method !== 'DELETE' ? {} : undefined);
          expect(reply.status, `${route.method} ${url}`).toBe(400);
          expect(reply.headers['content-type']).toContain('application/problem+json');
          expect(reply.body.errors.map((e: { field: string }) => e.field), `${route.method} ${url}`).toContain(name);
        }
      }
    }
  });

  it('a forged cursor is a 400 naming `cursor` on every paged list; a real one still pages', async () => {
    const lists = privateRoutes().filter((r) => r.method === 'GET' && r.query.includes('cursor'));
    expect(lists.map((r) => r.url).sort()).toEqual(
      ['/api/campaigns', '/api/contacts', '/api/contacts/:id/timeline', '/api/contacts/duplicates', '/api/events', '/api/favors', '/api/followups', '/api/interactions', '/api/invitations', '/api/users'].sort(),
    );
    const forged = [
      'not a cursor',
      encodeCursor('just a string'),
      encodeCursor([]),
      encodeCursor(['a']),
      encodeCursor([1, 2, 3, 4]),
      encodeCursor([1, 2]),
      encodeCursor([1, 2, 3]),
      encodeCursor([null, null]),
      encodeCursor([null, null, null]),
      encodeCursor([{}, []]),
      encodeCursor([{}, [], {}]),
      encodeCursor(['x', 'not-a-uuid']),
      encodeCursor(['x', 'not-a-uuid', 'not-a-uuid']),
      encodeCursor(['nul\u0000byte', randomUUID()]),
      encodeCursor(['nul\u0000byte', randomUUID(), randomUUID()]),
    ];
    for (const route of lists) {
      const url = fill(route.url, () => ids.contact!, ids.contact!);
      for (const cursor of forged) {
        const reply = await alice.get(`${url}?cursor=${encodeURIComponent(cursor)}`);
        expect(reply.status, `${url} cursor ${Buffer.from(cursor, 'base64url').toString()}`).toBe(400);
        expect(reply.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
      }
      // The right shape with a key of the wrong kind (text where a date goes): a 400 on the lists
      // keyed by a date or a time, a page on those keyed by a name.
      const arity = route.url.endsWith('duplicates') ? 3 : 2;
      for (const first of ['not a date', '2026-13-45', '2026-02-30', '2026-02-30T25:00:00Z', '0000-01-01', '0000-01-01T00:00:00Z']) {
        const wrongKind = await alice.get(`${url}?cursor=${encodeCursor([first, randomUUID(), randomUUID()].slice(0, arity))}`);
        const keyedByName = route.url === '/api/contacts' || route.url.endsWith('duplicates');
        expect(wrongKind.status, `${url} cursor key ${first}`).toBe(keyedByName ? 200 : 400);
      }
      // A real cursor pages on.
      const first = await alice.get(`${url}?limit=1`);
      expect(first.status, url).toBe(200);
      expect(first.body.nextCursor, `${url} has a second page`).toEqual(expect.any(String));
      const second = await alice.get(`${url}?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`);
      expect(second.status, url).toBe(200);
      expect(second.body.items).toHaveLength(1);
      expect(second.body.items[0]).not.toEqual(first.body.items[0]);
    }
  });
});
