// The CardDAV address book with a real client library (tsdav) over a real socket: discovery from
// the server's address alone, a first sync, edits, new cards and deletions on each side, a
// conflict, a second sync that transfers nothing, and the isolation of accounts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAVClient, type DAVAddressBook, type DAVVCard } from 'tsdav';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { uploaderFor } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let alice: ApiClient;
let bob: ApiClient;
let base: string;
let aliceToken: string;
let bobToken: string;
let phone: DAVClient;
let book: DAVAddressBook;
let ana: string;
let syncToken: string;

const NOW = new Date('2031-03-10T10:00:00Z');

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;

async function dav(method: string, path: string, auth: string | null, body?: string, headers: Record<string, string> = {}) {
  const response = await fetch(new URL(path, base), {
    method,
    headers: { ...(auth ? { authorization: auth } : {}), ...(body ? { 'content-type': 'application/xml; charset=utf-8' } : {}), ...headers },
    ...(body ? { body } : {}),
    redirect: 'manual',
  });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

async function phoneFor(email: string, token: string) {
  const client = new DAVClient({ serverUrl: base, credentials: { username: email, password: token }, authMethod: 'Basic', defaultAccountType: 'carddav' });
  await client.login();
  return client;
}

/** RFC 6578 sync from a token: the hrefs changed and the hrefs gone, and the next token. */
async function syncFrom(token: string | undefined) {
  const responses = await phone.syncCollection({
    url: book.url,
    props: { 'd:getetag': {} },
    syncLevel: 1,
    ...(token ? { syncToken: token } : {}),
  });
  const raw = await dav(
    'REPORT',
    book.url,
    basic(alice.user.email, aliceToken),
    `<?xml version="1.0"?><d:sync-collection xmlns:d="DAV:"><d:sync-token>${token ?? ''}</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>`,
  );
  const next = /<d:sync-token>([^<]+)<\/d:sync-token>\s*<\/d:multistatus>/.exec(raw.text)?.[1];
  return {
    changed: responses.filter((r) => r.status !== 404 && r.href).map((r) => r.href!),
    gone: responses.filter((r) => r.status === 404).map((r) => r.href!),
    token: next!,
  };
}

const cardOf = (cards: DAVVCard[], name: string) => cards.find((c) => String(c.data).includes(name));

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  alice = await setupOwner(server.app, { name: 'Alice Phone' });
  bob = await addUser(server);
  aliceToken = (await alice.post('/api/tokens', { name: 'iPhone (contacts)' })).body.token;
  bobToken = (await bob.post('/api/tokens', { name: 'Android' })).body.token;
  ana = (
    await alice.post('/api/contacts', {
      firstName: 'Ana',
      lastName: 'García',
      emails: ['ana@example.com'],
      phones: ['+34 600 000 001'],
      company: 'Acme',
      tags: ['madrid'],
      circle: 'professional',
      stage: 'relationship',
      cadenceDays: 30,
    })
  ).body.id;
  await alice.post('/api/contacts', { firstName: 'Bruno', lastName: 'Díaz', emails: ['bruno@example.com'] });
  await alice.post('/api/interactions', { contactIds: [ana], channel: 'coffee', direction: 'outbound', intent: 'nurture', summary: 'Coffee in Lavapiés' });
  await bob.post('/api/contacts', { firstName: 'Secreta', lastName: 'DeBob', emails: ['secret@example.com'] });
  base = await server.app.listen({ port: 0, host: '127.0.0.1' });
});
afterAll(() => server.close());

describe('discovery', () => {
  it('finds the address book from the server address alone (well-known → principal → home)', async () => {
    const wellKnown = await dav('PROPFIND', '/.well-known/carddav', null);
    expect(wellKnown.status).toBe(301);
    expect(wellKnown.headers.get('location')).toBe('/dav/');
    phone = await phoneFor(alice.user.email, aliceToken);
    const books = await phone.fetchAddressBooks();
    expect(books).toHaveLength(1);
    book = books[0]!;
    expect(book.url).toMatch(new RegExp(`/dav/addressbooks/${alice.user.id}/contacts/$`));
    expect(book.displayName).toBe('Círculo');
  });

  it('answers OPTIONS with the DAV classes and the address book with its properties', async () => {
    const options = await dav('OPTIONS', book.url, basic(alice.user.email, aliceToken));
    expect(options.status).toBe(200);
    expect(options.headers.get('dav')).toContain('addressbook');
    const props = await dav(
      'PROPFIND',
      book.url,
      basic(alice.user.email, aliceToken),
      '<D:propfind xmlns:D="DAV:" xmlns:C="urn:ietf:params:xml:ns:carddav" xmlns:CS="http://calendarserver.org/ns/"><D:prop><D:resourcetype/><CS:getctag/><D:sync-token/><C:supported-address-data/><D:displayname/><D:x-unknown/></D:prop></D:propfind>',
      { depth: '0' },
    );
    expect(props.status).toBe(207);
    expect(props.text).toContain('<card:addressbook/>');
    expect(props.text).toContain('version="4.0"');
    expect(props.text).toMatch(/<cs:getctag>\d+<\/cs:getctag>/);
    expect(props.text).toMatch(/<d:sync-token>urn:circulo:sync:\d+(~[\d.]+)?<\/d:sync-token>/);
    expect(props.text).toContain('HTTP/1.1 404 Not Found');
  });
});

describe('syncing with a phone', () => {
  it('first sync: every contact as a vCard 3.0, circle and tags as CATEGORIES', async () => {
    const cards = await phone.fetchVCards({ addressBook: book });
    expect(cards).toHaveLength(2);
    const card = String(cardOf(cards, 'Ana')!.data);
    expect(card).toContain('VERSION:3.0');
    expect(card).toContain('EMAIL;TYPE=internet:ana@example.com');
    expect(card).toMatch(/CATEGORIES:Professional,madrid/);
    expect(cards.every((c) => /^"[0-9a-f]{32}"$/.test(c.etag!))).toBe(true);
    expect(String(cardOf(cards, 'Secreta')?.data ?? '')).toBe('');
    syncToken = (await syncFrom(undefined)).token;
    // On PostgreSQL the token also names transactions running at that moment (`~<ids>`).
    expect(syncToken).toMatch(/^urn:circulo:sync:\d+(~[\d.]+)?$/);
  });

  it('gives vCard 4.0 when the client asks for it', async () => {
    const [card] = await phone.fetchVCards({ addressBook: book });
    const reply = await dav('GET', card!.url, basic(alice.user.email, aliceToken), undefined, { accept: 'text/vcard; version=4.0' });
    expect(reply.status).toBe(200);
    expect(reply.text).toContain('VERSION:4.0');
    expect(reply.headers.get('etag')).toBe(card!.etag);
  });

  it('an edit in Círculo reaches the phone, and only that card', async () => {
    await alice.patch(`/api/contacts/${ana}`, { title: 'CTO' });
    const sync = await syncFrom(syncToken);
    expect(sync.changed).toHaveLength(1);
    expect(sync.gone).toEqual([]);
    const cards = await phone.fetchVCards({ addressBook: book, objectUrls: sync.changed.map((h) => new URL(h, base).href) });
    expect(String(cards[0]!.data)).toContain('TITLE:CTO');
    syncToken = sync.token;
  });

  it('a touch logged in Círculo changes nothing the phone shows: no card to fetch', async () => {
    await alice.post('/api/interactions', { contactIds: [ana], channel: 'call', direction: 'inbound', intent: 'reply' });
    const sync = await syncFrom(syncToken);
    expect(sync.changed).toEqual([]);
  });

  it('an edit on the phone changes what a vCard carries and keeps everything else', async () => {
    const card = cardOf(await phone.fetchVCards({ addressBook: book }), 'Ana')!;
    const edited = String(card.data).replace('TEL:+34 600 000 001', 'TEL:+34 600 000 002').replace('ORG:Acme', 'ORG:Acme Iberia');
    const reply = await phone.updateVCard({ vCard: { ...card, data: edited } });
    expect(reply.status).toBe(204);
    const after = (await alice.get(`/api/contacts/${ana}`)).body;
    expect(after.phones).toEqual(['+34 600 000 002']);
    expect(after.company).toBe('Acme Iberia');
    expect(after.title).toBe('CTO');
    expect(after).toMatchObject({ stage: 'relationship', cadenceDays: 30, circle: 'professional', tags: ['madrid'], source: 'manual' });
    expect((await alice.get(`/api/contacts/${ana}/timeline`)).body.items.length).toBe(2);
    const sync = await syncFrom(syncToken);
    expect(sync.changed).toHaveLength(1);
    syncToken = sync.token;
  });

  it('refuses a stale edit with 412 (If-Match), and a create over an existing card (If-None-Match: *)', async () => {
    const card = cardOf(await phone.fetchVCards({ addressBook: book }), 'Ana')!;
    await alice.patch(`/api/contacts/${ana}`, { notes: 'Changed on the web meanwhile' });
    const stale = await phone.updateVCard({ vCard: { ...card, data: String(card.data).replace('TITLE:CTO', 'TITLE:CEO') } });
    expect(stale.status).toBe(412);
    expect((await alice.get(`/api/contacts/${ana}`)).body.title).toBe('CTO');
    const over = await dav('PUT', card.url, basic(alice.user.email, aliceToken), String(card.data), { 'if-none-match': '*', 'content-type': 'text/vcard' });
    expect(over.status).toBe(412);
    syncToken = (await syncFrom(syncToken)).token;
  });

  it('a card created on the phone becomes a contact (source carddav), under the phone’s own name and UID', async () => {
    const vcard = ['BEGIN:VCARD', 'VERSION:3.0', 'UID:phone-uid-123', 'FN:Carla Ruiz', 'N:Ruiz;Carla;;;', 'EMAIL;TYPE=INTERNET:carla@example.com', 'TEL;TYPE=CELL:+34 611 111 111', 'END:VCARD', ''].join('\r\n');
    const created = await phone.createVCard({ addressBook: book, filename: 'phone-uid-123.vcf', vCardString: vcard });
    expect(created.status).toBe(201);
    const list = (await alice.get('/api/contacts?q=Carla')).body.items;
    expect(list).toHaveLength(1);
    expect((await alice.get(`/api/contacts/${list[0].id}`)).body).toMatchObject({ source: 'carddav', emails: ['carla@example.com'], phones: ['+34 611 111 111'] });
    const sync = await syncFrom(syncToken);
    expect(sync.changed).toEqual([`${book.url}phone-uid-123.vcf`].map((u) => new URL(u).pathname));
    const [card] = await phone.fetchVCards({ addressBook: book, objectUrls: [`${book.url}phone-uid-123.vcf`] });
    expect(String(card!.data)).toContain('UID:phone-uid-123');
    expect(card!.etag).toBe(created.headers.get('etag'));
    syncToken = sync.token;
  });

  it('a contact created in Círculo appears on the phone', async () => {
    await alice.post('/api/contacts', { firstName: 'Dora', lastName: 'Web' });
    const sync = await syncFrom(syncToken);
    expect(sync.changed).toHaveLength(1);
    syncToken = sync.token;
  });

  it('a delete on the phone moves the contact to the trash, with its history', async () => {
    const card = cardOf(await phone.fetchVCards({ addressBook: book }), 'Bruno')!;
    const reply = await phone.deleteVCard({ vCard: card });
    expect(reply.status).toBe(204);
    expect((await alice.get('/api/contacts?q=Bruno')).body.items).toEqual([]);
    expect((await alice.get('/api/trash')).body.map((t: { displayName: string }) => t.displayName)).toEqual(['Bruno Díaz']);
    const sync = await syncFrom(syncToken);
    expect(sync.gone).toEqual([new URL(card.url).pathname]);
    syncToken = sync.token;
  });

  it('a name the phone used for a deleted card can hold a new card', async () => {
    const card = (name: string) => ['BEGIN:VCARD', 'VERSION:3.0', `UID:${name}`, `FN:${name}`, `N:${name};;;;`, 'END:VCARD', ''].join('\r\n');
    const first = await phone.createVCard({ addressBook: book, filename: 'reused.vcf', vCardString: card('Eva Uno') });
    expect(first.status).toBe(201);
    expect((await phone.deleteVCard({ vCard: { url: `${book.url}reused.vcf`, etag: first.headers.get('etag')! } })).status).toBe(204);
    const second = await phone.createVCard({ addressBook: book, filename: 'reused.vcf', vCardString: card('Eva Dos') });
    expect(second.status).toBe(201);
    const [now] = await phone.fetchVCards({ addressBook: book, objectUrls: [`${book.url}reused.vcf`] });
    expect(String(now!.data)).toContain('FN:Eva Dos');
    syncToken = (await syncFrom(syncToken)).token;
  });

  it('a delete in Círculo is a 404 entry in the next sync; a restore brings the card back', async () => {
    const before = cardOf(await phone.fetchVCards({ addressBook: book }), 'Ana')!;
    expect((await alice.del(`/api/contacts/${ana}`)).status).toBe(204);
    const sync = await syncFrom(syncToken);
    expect(sync.gone).toEqual([new URL(before.url).pathname]);
    expect(sync.changed).toEqual([]);
    const trashed = (await alice.get('/api/trash')).body.find((t: { contactId: string }) => t.contactId === ana);
    expect((await alice.post(`/api/trash/${trashed.id}/restore`)).status).toBe(200);
    const back = await syncFrom(sync.token);
    expect(back.changed).toEqual([new URL(before.url).pathname]);
    expect((await alice.get(`/api/contacts/${ana}/timeline`)).body.items.length).toBe(2);
    syncToken = back.token;
  });

  it('an import and a merge reach the phone: new cards, and the merged-away card gone', async () => {
    const uploader = await uploaderFor(server.app, alice);
    const vcf = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ivo Import', 'N:Import;Ivo;;;', 'EMAIL:ivo@example.com', 'END:VCARD', ''].join('\r\n');
    expect((await uploader.upload('/api/imports', { source: 'vcard' }, [{ name: 'one.vcf', content: vcf }])).status).toBe(200);
    const imported = await syncFrom(syncToken);
    expect(imported.changed).toHaveLength(1);
    const twin = (await alice.post('/api/contacts', { firstName: 'Ivo', lastName: 'Import', emails: ['ivo@example.com'] })).body.id;
    const afterTwin = await syncFrom(imported.token);
    const [ivo] = (await alice.get('/api/contacts?q=Ivo')).body.items.filter((c: { id: string }) => c.id !== twin);
    expect((await alice.post(`/api/contacts/${ivo.id}/merge`, { otherId: twin })).status).toBe(200);
    const merged = await syncFrom(afterTwin.token);
    expect(merged.gone).toEqual([`${new URL(book.url).pathname}${twin}.vcf`]);
    syncToken = merged.token;
  });

  it('a second sync with nothing changed transfers nothing', async () => {
    const sync = await syncFrom(syncToken);
    expect(sync).toMatchObject({ changed: [], gone: [] });
    const seqOf = (token: string) => token.split('~')[0];
    expect(seqOf(sync.token)).toBe(seqOf(syncToken));
  });

  // Only PostgreSQL runs two transactions at once (the embedded database serves one at a time).
  it('misses no change committed late with a smaller number (an import running during a sync)', async (context) => {
    if (!server.databaseUrl) return context.skip();
    const { Client } = await import('pg');
    const slow = new Client({ connectionString: server.databaseUrl });
    await slow.connect();
    try {
      await slow.query('begin');
      await slow.query(
        `insert into contacts (account_id, first_name, display_name, created_at, updated_at) values ($1, 'Late', 'Late Import', now(), now())`,
        [alice.user.accountId],
      );
      // Meanwhile, a quicker write commits with a bigger number, and the phone syncs.
      await alice.post('/api/contacts', { firstName: 'Quick', lastName: 'Web' });
      const during = await syncFrom(syncToken);
      expect(during.changed).toHaveLength(1);
      await slow.query('commit');
      const after = await syncFrom(during.token);
      expect(after.changed).toHaveLength(1);
      const [card] = await phone.fetchVCards({ addressBook: book, objectUrls: after.changed.map((h) => new URL(h, base).href) });
      expect(String(card!.data)).toContain('FN:Late Import');
      syncToken = after.token;
    } finally {
      await slow.end();
    }
  });

  it('refuses a token it never gave (403 valid-sync-token)', async () => {
    const reply = await dav(
      'REPORT',
      book.url,
      basic(alice.user.email, aliceToken),
      '<d:sync-collection xmlns:d="DAV:"><d:sync-token>urn:circulo:sync:99999999999</d:sync-token><d:sync-level>1</d:sync-level><d:prop><d:getetag/></d:prop></d:sync-collection>',
    );
    expect(reply.status).toBe(403);
    expect(reply.text).toContain('valid-sync-token');
  });

  it('answers addressbook-query with its filter', async () => {
    const found = await phone.addressBookQuery({
      url: book.url,
      props: { 'd:getetag': {} },
      filters: { 'card:prop-filter': { _attributes: { name: 'EMAIL' }, 'card:text-match': { _attributes: { 'match-type': 'contains' }, _text: 'carla@' } } },
      depth: '1',
    });
    expect(found.filter((r) => r.href)).toHaveLength(1);
  });
});

describe('who may sync', () => {
  it('asks for credentials (401 with a Basic challenge), refuses a wrong password', async () => {
    const anonymous = await dav('PROPFIND', '/dav/', null);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toMatch(/^Basic /);
    expect((await dav('PROPFIND', '/dav/', basic(alice.user.email, 'circ_wrong'))).status).toBe(401);
    // The account password is not an app password.
    expect((await dav('PROPFIND', '/dav/', basic(alice.user.email, 'correct horse battery staple'))).status).toBe(401);
  });

  it('never lets Bob’s app password read Alice’s book', async () => {
    // Bob's token under Alice's e-mail: no.
    expect((await dav('PROPFIND', book.url, basic(alice.user.email, bobToken), undefined, { depth: '1' })).status).toBe(401);
    // Bob as himself, at Alice's addresses: nothing there.
    const bobAuth = basic(bob.user.email, bobToken);
    for (const path of [book.url, `/dav/principals/${alice.user.id}/`, `/dav/addressbooks/${alice.user.id}/`, `${book.url}${ana}.vcf`]) {
      const reply = await dav('PROPFIND', path, bobAuth, undefined, { depth: '1' });
      expect(reply.status, path).toBe(404);
      expect(reply.text).not.toContain('Ana');
    }
    expect((await dav('GET', `${book.url}${ana}.vcf`, bobAuth)).status).toBe(404);
    expect((await dav('DELETE', `${book.url}${ana}.vcf`, bobAuth)).status).toBe(404);
    // His own book holds only his contact.
    const bobPhone = await phoneFor(bob.user.email, bobToken);
    const [bobBook] = await bobPhone.fetchAddressBooks();
    const cards = await bobPhone.fetchVCards({ addressBook: bobBook! });
    expect(cards.map((c) => String(c.data).includes('Secreta'))).toEqual([true]);
    // A multiget naming Alice's card from Bob's book: not found.
    const multiget = await dav(
      'REPORT',
      bobBook!.url,
      bobAuth,
      `<c:addressbook-multiget xmlns:d="DAV:" xmlns:c="urn:ietf:params:xml:ns:carddav"><d:prop><c:address-data/></d:prop><d:href>${book.url}${ana}.vcf</d:href></c:addressbook-multiget>`,
    );
    expect(multiget.text).not.toContain('Ana');
    expect(multiget.text).toContain('404');
  });

  it('lets a read-only app password sync but not write', async () => {
    const readOnly = (await alice.post('/api/tokens', { name: 'Read only', scope: 'read' })).body.token;
    const auth = basic(alice.user.email, readOnly);
    expect((await dav('PROPFIND', book.url, auth, undefined, { depth: '1' })).status).toBe(207);
    expect((await dav('DELETE', `${book.url}${ana}.vcf`, auth)).status).toBe(403);
  });

  it('rejects malformed XML with 400', async () => {
    expect((await dav('PROPFIND', book.url, basic(alice.user.email, aliceToken), '<d:propfind xmlns:d="DAV:"><d:prop>', { depth: '0' })).status).toBe(400);
  });

  it('says what to type on the phone', async () => {
    const reply = await alice.get('/api/dav/connection');
    expect(reply.body).toEqual({ serverUrl: null, path: '/dav/', username: alice.user.email });
  });
  // Last: the throttle then holds this test's address for a while.
  it('throttles wrong app passwords like logins (429 with Retry-After)', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 8; i += 1) statuses.push((await dav('PROPFIND', '/dav/', basic('nobody@example.com', `circ_guess${i}`))).status);
    expect(statuses).toContain(429);
    expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
  });

});
