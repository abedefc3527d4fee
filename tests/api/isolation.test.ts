// Walks every endpoint of the OpenAPI document as a second user, aiming at the first user's
// records, and proves nothing of theirs can be read or changed. A new endpoint makes this test
// fail until it is described below: isolation is never assumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';
import { uploaderFor } from '../support/multipart.js';

let server: TestServer;
let alice: ApiClient;
let mallory: ApiClient;
const ids: Record<string, string> = {};
const SECRET_NAME = 'Zacarías Secretísimo';

/** Which of Alice's records a path's `{id}` names, by path prefix. */
const resourceOf: [RegExp, string][] = [
  [/^\/api\/contacts\/\{id\}/, 'contact'],
  [/^\/api\/interactions\/\{id\}/, 'interaction'],
  [/^\/api\/followups\/\{id\}/, 'followup'],
  [/^\/api\/tokens\/\{id\}/, 'token'],
  [/^\/api\/favors\/\{id\}/, 'favor'],
  [/^\/api\/templates\/\{id\}/, 'template'],
  [/^\/api\/invitations\/\{id\}/, 'invitation'],
  // A feed secret nobody has: the feed is public, and the secret is the only key.
  [/^\/api\/calendar\/\{secret\}\.ics$/, 'calendarGuess'],
  // An unsubscribe token nobody signed: the link is public, and its signature is the only key.
  [/^\/api\/email\/unsubscribe\/\{token\}$/, 'unsubscribeGuess'],
  [/^\/api\/events\/\{id\}/, 'event'],
  [/^\/api\/campaigns\/\{id\}/, 'campaign'],
  [/^\/api\/auth\/sessions\/\{id\}/, 'session'],
  [/^\/api\/calendar-subscriptions\/\{id\}/, 'calendarSubscription'],
  [/^\/api\/trash\/\{id\}/, 'trash'],
];

/** A valid body for each write, so the only reason to refuse it is ownership. */
const bodies: Record<string, () => unknown> = {
  'POST /api/email/unsubscribe/{token}': () => ({}),
  'PATCH /api/contacts/{id}': () => ({ firstName: 'Hacked' }),
  'POST /api/contacts/{id}/merge': () => ({ otherId: ids.contact }),
  'POST /api/contacts/{id}/relationships': () => ({ otherId: ids.contact, kind: 'friend', note: 'Hacked' }),
  'POST /api/intros/requests': () => ({ introducerId: ids.contact, targetId: ids.other }),
  'PATCH /api/interactions/{id}': () => ({ summary: 'Hacked' }),
  'PATCH /api/followups/{id}': () => ({ title: 'Hacked', status: 'done' }),
  'POST /api/contacts': () => ({ firstName: 'Mine', introducedById: ids.contact }),
  'POST /api/interactions': () => ({ contactIds: [ids.contact], channel: 'call', direction: 'outbound', intent: 'ask' }),
  'POST /api/followups': () => ({ contactId: ids.contact, dueOn: '2026-12-01', title: 'Mine' }),
  'PATCH /api/favors/{id}': () => ({ description: 'Hacked' }),
  'POST /api/favors/{id}/thank': () => ({}),
  'POST /api/favors/{id}/outcome': () => ({ outcome: 'Hacked' }),
  'POST /api/favors': () => ({ contactId: ids.contact, direction: 'given', kind: 'advice' }),
  'PATCH /api/templates/{id}': () => ({ body: 'Hacked' }),
  'POST /api/templates/{id}/reset': () => ({}),
  'POST /api/templates/{id}/render': () => ({}),
  'PATCH /api/invitations/{id}': () => ({ outcome: 'meeting' }),
  'POST /api/invitations/{id}/welcome': () => ({ message: 'Hacked' }),
  'POST /api/invitations': () => ({ direction: 'incoming', contactId: ids.contact }),
  'PATCH /api/events/{id}': () => ({ name: 'Hacked' }),
  'POST /api/events/{id}/attendees': () => ({ contactId: ids.contact }),
  'PATCH /api/events/{id}/attendees/{contactId}': () => ({ met: true }),
  'POST /api/events/{id}/capture': () => ({ people: [{ name: 'Hacked Person' }] }),
  'PATCH /api/campaigns/{id}': () => ({ name: 'Hacked' }),
  'POST /api/campaigns/{id}/members': () => ({ contactId: ids.contact }),
  'PATCH /api/campaigns/{id}/members/{contactId}': () => ({ stage: 'met' }),
  'POST /api/trash/{id}/restore': () => ({}),
  'POST /api/campaigns/{id}/members/{contactId}/referrals': () => ({ people: [{ firstName: 'Hacked' }] }),
  'POST /api/calendar-subscriptions/{id}/fetch': () => ({}),
  // Someone only Alice met.
  'POST /api/calendar-people/dismiss': () => ({ email: 'dana.secret@example.org' }),
  'POST /api/calendar-people/add': () => ({ email: 'dana.secret@example.org' }),
};

/** Endpoints that are not about account data (or act only on the caller's own session). */
const accountFree = new Set([
  'GET /api/auth/status',
  'POST /api/auth/setup',
  'POST /api/auth/login',
  'POST /api/auth/logout',
  'POST /api/tokens',
  'POST /api/templates',
  // Creating an event or a campaign references nothing; attendees and members are checked above.
  'POST /api/events',
  'POST /api/campaigns',
  // A subscription references nothing of the account's.
  'POST /api/calendar-subscriptions',
  'PATCH /api/profile',
  'PATCH /api/settings',
  // Act only on the caller's own account (backup.test.ts proves a restore leaves others untouched).
  'POST /api/backup/restore',
  'POST /api/calendar/secret',
  'DELETE /api/calendar/secret',
  // Reads only the uploaded file.
  'POST /api/imports/preview',
  // Act only on the caller's own user and session (account-security.test.ts).
  'POST /api/auth/password',
  'POST /api/auth/sessions/end-others',
  'POST /api/auth/totp/enrol',
  'POST /api/auth/totp/confirm',
  'POST /api/auth/totp/recovery-codes',
  'POST /api/auth/totp/disable',
  // Act only on the caller's own user (email.test.ts: each user sees and changes only their own).
  'PATCH /api/email/settings',
  'POST /api/email/test',
  // Empties only the caller's own trash (Alice's trash is in the snapshot below; the CardDAV tree
  // has its own isolation test in carddav.test.ts).
  'DELETE /api/trash',
]);

/** The owner's Settings → Users: Mallory is not the owner, so each is refused outright. */
const ownerOnly = new Set(['GET /api/users', 'POST /api/users', 'POST /api/users/{id}/disable', 'POST /api/users/{id}/enable']);

/** Reads that need a query naming Alice's record: refused as not found. */
const queriesNamingAlice: Record<string, () => string> = {
  'GET /api/intros': () => `?contactId=${ids.contact}`,
};

/** Multipart endpoints, checked by their own test below (this loop sends JSON). */
const describedBelow = new Set(['POST /api/imports']);

beforeAll(async () => {
  server = await startTestServer();
  alice = await setupOwner(server.app);
  mallory = await addUser(server);
  const contact = await alice.post('/api/contacts', { firstName: SECRET_NAME, tags: ['alice-tag'], notes: 'private' });
  const other = await alice.post('/api/contacts', { firstName: 'Second' });
  ids.contact = contact.body.id;
  ids.other = other.body.id;
  ids.relationship = (await alice.post(`/api/contacts/${ids.contact}/relationships`, { otherId: other.body.id, kind: 'friend', note: 'secret tie' })).body.explicit.id;
  ids.interaction = (await alice.post('/api/interactions', { contactIds: [ids.contact, other.body.id], channel: 'meal', direction: 'outbound', intent: 'give', summary: 'secret lunch' })).body.id;
  ids.followup = (await alice.post('/api/followups', { contactId: ids.contact, dueOn: '2026-01-01', title: 'secret follow-up' })).body.id;
  ids.token = (await alice.post('/api/tokens', { name: 'alice-token' })).body.id;
  ids.favor = (await alice.post('/api/favors', { contactId: ids.contact, direction: 'received', kind: 'advice', description: 'secret favor', effort: 'large' })).body.id;
  await alice.post('/api/favors', { contactId: ids.contact, direction: 'received', kind: 'reference', description: 'secret favor 2' });
  ids.template = (await alice.post('/api/templates', { purpose: 'custom', language: 'en', name: 'secret template', body: 'secret body' })).body.id;
  ids.invitation = (await alice.post('/api/invitations', { direction: 'incoming', contactId: ids.contact, message: 'secret invitation' })).body.id;
  await alice.post(`/api/invitations/${ids.invitation}/welcome`, { message: 'secret welcome' });
  ids.calendarSecret = new URL((await alice.post('/api/calendar/secret')).body.url).pathname.split('/').pop()!.replace('.ics', '');
  ids.calendarGuess = 'c2VjcmV0LW5vYm9keS1oYXM';
  ids.unsubscribeGuess = `${Buffer.concat([Buffer.from(alice.user.id.replaceAll('-', ''), 'hex'), Buffer.from([2])]).toString('base64url')}.${'A'.repeat(22)}`;
  ids.event = (await alice.post('/api/events', { name: 'secret event', startsAt: '2026-12-02T09:00:00Z' })).body.id;
  await alice.post(`/api/events/${ids.event}/attendees`, { contactId: ids.contact, target: true, why: 'secret why' });
  ids.campaign = (await alice.post('/api/campaigns', { name: 'secret campaign', goal: 'job_search' })).body.id;
  await alice.post(`/api/campaigns/${ids.campaign}/members`, { contactId: ids.contact });
  ids.session = (await alice.get('/api/auth/sessions')).body[0].id;
  ids.calendarSubscription = (await alice.post('/api/calendar-subscriptions', { name: 'secret calendar', url: 'https://calendar.example.com/private-secretkey/basic.ics' })).body.id;
  const meeting = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:secret-meeting@example.org', 'DTSTART:20250110T100000Z', 'DTEND:20250110T110000Z', 'SUMMARY:secret meeting', `ORGANIZER:mailto:${alice.user.email}`, 'ATTENDEE;CN=Dana Secret:mailto:dana.secret@example.org', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  const imported = await (await uploaderFor(server.app, alice)).upload('/api/imports', { source: 'ical' }, [{ name: 'secret.ics', content: meeting }]);
  expect(imported.body.peopleMet).toHaveLength(1);
  const trashed = await alice.post('/api/contacts', { firstName: 'Secretly', lastName: 'Trashed' });
  await alice.del(`/api/contacts/${trashed.body.id}`);
  ids.trash = (await alice.get('/api/trash')).body[0].id;
});
afterAll(() => server.close());

async function snapshotOfAlice() {
  return JSON.stringify([
    (await alice.get(`/api/contacts/${ids.contact}`)).body,
    (await alice.get(`/api/interactions/${ids.interaction}`)).body,
    (await alice.get(`/api/followups/${ids.followup}`)).body,
    (await alice.get(`/api/favors/${ids.favor}`)).body,
    (await alice.get('/api/favors')).body,
    (await alice.get('/api/today')).body,
    (await alice.get(`/api/templates/${ids.template}`)).body,
    (await alice.get(`/api/invitations/${ids.invitation}`)).body,
    (await alice.get('/api/invitations/funnel')).body,
    (await alice.get(`/api/events/${ids.event}`)).body,
    (await alice.get(`/api/campaigns/${ids.campaign}`)).body,
    (await alice.get(`/api/campaigns/${ids.campaign}/tree`)).body,
    (await alice.get(`/api/contacts/${ids.contact}/campaigns`)).body,
    (await alice.get(`/api/contacts/${ids.contact}/relationships`)).body,
    (await alice.get('/api/tokens')).body,
    (await alice.get('/api/contacts?limit=500')).body,
    (await alice.get('/api/settings')).body,
    (await alice.get('/api/profile')).body,
    (await alice.get('/api/email/settings')).body,
    (await alice.get('/api/auth/sessions')).body.map((s: { id: string }) => s.id),
    (await alice.get('/api/calendar-subscriptions')).body,
    (await alice.get('/api/calendar-people')).body,
    (await alice.get('/api/trash')).body,
  ]);
}

describe('account isolation', () => {
  it('lets no second user read or change the first user’s data through any endpoint', async () => {
    const before = await snapshotOfAlice();
    const doc = (await rawCall(server.app, 'GET', '/api/openapi.json')).body;
    const operations = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(([path, methods]) =>
      Object.keys(methods).map((method) => ({ path, method: method.toUpperCase() })),
    );
    expect(operations.length).toBeGreaterThan(15);
    const leaks = [SECRET_NAME, 'secret lunch', 'secret follow-up', 'secret favor', 'secret template', 'secret invitation', 'secret welcome', 'secret event', 'secret why', 'secret campaign', 'secret tie', 'alice-tag', 'alice-token', 'secret calendar', 'secretkey', 'secret meeting', 'dana.secret', 'Secretly Trashed', ...Object.values(ids)];

    for (const { path, method } of operations) {
      const key = `${method} ${path}`;
      if (ownerOnly.has(key)) {
        const reply = await mallory.call(method, path.replace('{id}', alice.user.id), method === 'GET' ? undefined : {});
        expect(reply.status, `${key} as a user who is not the owner`).toBe(403);
        continue;
      }
      if (path.includes('{')) {
        const resource = resourceOf.find(([pattern]) => pattern.test(path))?.[1];
        expect(resource, `${key}: say which record {id} names in resourceOf`).toBeDefined();
        // A second segment id ({contactId}) names Alice's contact.
        const url = path.replace('{id}', ids[resource!]!).replace('{contactId}', ids.contact!).replace('{otherId}', ids.other!).replace('{secret}', ids[resource!]!).replace('{token}', ids[resource!]!);
        const body = method === 'GET' || method === 'DELETE' ? undefined : bodies[key]?.();
        if (method !== 'GET' && method !== 'DELETE') expect(body, `${key}: add a valid body`).toBeDefined();
        const reply = await mallory.call(method, url, body);
        expect(reply.status, `${key} as another user`).toBe(404);
        continue;
      }
      if (accountFree.has(key) || describedBelow.has(key)) continue;
      if (queriesNamingAlice[key]) {
        expect((await mallory.get(`${path}${queriesNamingAlice[key]()}`)).status, `${key} naming Alice's record`).toBe(404);
        // Searching by text or company finds nothing of hers.
        const found = await mallory.get(`${path}?q=${encodeURIComponent('Zacarías')}`);
        expect(found.status, key).toBe(200);
        for (const leak of leaks) expect(JSON.stringify(found.body), `${key} leaks ${leak}`).not.toContain(leak);
        continue;
      }
      if (method === 'GET') {
        const reply = await mallory.get(path);
        expect(reply.status, key).toBe(200);
        const text = JSON.stringify(reply.body);
        for (const leak of leaks) expect(text, `${key} leaks ${leak}`).not.toContain(leak);
        continue;
      }
      const body = bodies[key];
      expect(body, `${key}: add a body that references the other account's records`).toBeDefined();
      const reply = await mallory.call(method, path, body!());
      expect([400, 404], `${key} referencing another account`).toContain(reply.status);
    }

    expect(await snapshotOfAlice()).toBe(before);
    // And Mallory's own world is still empty.
    expect((await mallory.get('/api/contacts')).body.items).toEqual([]);
    expect((await mallory.get('/api/today')).body.overdue).toEqual([]);
  });

  it('an import merges only into the caller’s own contacts', async () => {
    const email = 'zacarias@secreto.example';
    const url = 'https://www.linkedin.com/in/zacarias-secretisimo';
    const target = (await alice.post('/api/contacts', { firstName: 'Zacarías', lastName: 'Import', company: 'Secretos S.A.', emails: [email], phones: ['+34 600 000 001'], links: [url] })).body;
    const before = JSON.stringify((await alice.get(`/api/contacts/${target.id}`)).body);
    const uploader = await uploaderFor(server.app, mallory);
    const vcard = `BEGIN:VCARD\r\nVERSION:3.0\r\nN:Import;Zacarías;;;\r\nFN:Zacarías Import\r\nORG:Secretos S.A.\r\nEMAIL:${email}\r\nTEL:+34 600 000 001\r\nURL:${url}\r\nNOTE:Mallory was here\r\nEND:VCARD\r\n`;
    const fromVcard = await uploader.upload('/api/imports', { source: 'vcard' }, [{ name: 'x.vcf', content: vcard }]);
    expect(fromVcard.body).toMatchObject({ created: 1, updated: 0, unchanged: 0 });
    const connections = `First Name,Last Name,URL,Email Address,Company,Position,Connected On\nZacarías,Import,${url},${email},Secretos S.A.,Spy,01 Jan 2026\n`;
    const fromLinkedin = await uploader.upload('/api/imports', { source: 'linkedin' }, [{ name: 'Connections.csv', content: connections }]);
    // It matches Mallory's own new contact, never Alice's.
    expect(fromLinkedin.body).toMatchObject({ created: 0, updated: 1 });
    expect(JSON.stringify((await alice.get(`/api/contacts/${target.id}`)).body)).toBe(before);
    const mine = (await mallory.get('/api/contacts')).body.items;
    expect(mine).toHaveLength(1);
    expect(mine[0].id).not.toBe(target.id);
    const exported = (await mallory.get('/api/exports/vcard')).body as string;
    expect(exported).toContain('Mallory was here');
    expect(exported).not.toContain(target.id);
  });

  it('searching never finds another account’s contacts', async () => {
    // Mallory imported a Zacarías of her own above; Alice's Secretísimo stays hers alone.
    expect((await mallory.get(`/api/contacts?q=${encodeURIComponent('secretisimo')}`)).body.items).toEqual([]);
    expect((await alice.get(`/api/contacts?q=${encodeURIComponent('secretisimo')}`)).body.items).toHaveLength(1);
  });
});
