// The JSON backup of a whole account, and restoring it: into the same account, into others,
// over data (only when asked), and refusing bad files without changing anything.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BackupDocument } from '../../src/shared/schemas/backup.js';
import { accounts, campaignMembers, campaigns, contacts, eventAttendees, events } from '../../src/server/db/schema.js';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let alice: ApiClient;
const NOW = new Date('2026-11-23T09:00:00Z');

type Doc = Record<string, any>;
const exportOf = async (who: ApiClient): Promise<Doc> => {
  const reply = await who.get('/api/exports/json');
  expect(reply.status, JSON.stringify(reply.body).slice(0, 500)).toBe(200);
  return reply.body;
};
const restore = (who: ApiClient, doc: unknown, replace = false) => who.call('POST', `/api/backup/restore${replace ? '?replace=true' : ''}`, doc);

/** Sections whose records others refer to by id: everything but the header. */
const sectionKeys = (doc: Doc) => Object.keys(doc).filter((k) => Array.isArray(doc[k]));

/**
 * The backup with every id replaced by what the record says (its fields without ids), so two
 * restores with different ids compare equal when they hold the same data and references.
 */
function withoutIds(doc: Doc): Doc {
  const labels = new Map<string, string>();
  const isId = (v: unknown) => typeof v === 'string' && /^[0-9a-f]{8}-[0-9a-f]{4}-/.test(v);
  for (const key of sectionKeys(doc)) {
    for (const row of doc[key]) {
      if (!row.id) continue;
      const own = Object.fromEntries(Object.entries(row).filter(([k, v]) => k !== 'id' && !isId(v) && !(Array.isArray(v) && v.some(isId))));
      labels.set(row.id, `${key}:${JSON.stringify(own)}`);
    }
  }
  const relabel = (v: unknown): unknown => (Array.isArray(v) ? v.map(relabel).sort() : isId(v) ? (labels.get(v as string) ?? `missing ${v}`) : v);
  const out: Doc = { profile: doc.profile, settings: doc.settings };
  for (const key of sectionKeys(doc)) {
    out[key] = doc[key]
      .map((row: Doc) => JSON.stringify(Object.fromEntries(Object.entries(row).map(([k, v]) => [k, relabel(v)]))))
      .sort();
  }
  return out;
}

const sortedById = (doc: Doc) => {
  const { exportedAt: _, ...rest } = doc;
  for (const key of sectionKeys(rest)) rest[key] = [...rest[key]].sort((a: Doc, b: Doc) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
  return rest;
};

/** Alice's network: a bit of everything the account can hold. */
async function fillAccount(me: ApiClient) {
  await me.patch('/api/profile', { pitchShort: 'Ingeniera de datos', interests: ['escalada'], weeklyTarget: 5 });
  await me.patch('/api/settings', { cadences: { personal: 21 }, followupDelays: { outcomeReportDays: 10 } });
  const ana = (await me.post('/api/contacts', { firstName: 'Ana', lastName: 'Muñoz', emails: ['ana@example.com'], tags: ['Clientes', 'Madrid'], birthday: '--08-23', links: ['https://www.linkedin.com/in/anamunoz/'], notes: 'Línea 1\nLínea 2, con coma' })).body;
  const bruno = (await me.post('/api/contacts', { firstName: 'Bruno', introducedById: ana.id, circle: 'personal', kind: 'friend', cadenceDays: 14 })).body;
  await me.patch(`/api/contacts/${bruno.id}`, { stage: 'met_in_person' });
  await me.post(`/api/contacts/${bruno.id}/relationships`, { otherId: ana.id, kind: 'former_colleague', note: 'En Repsol juntos' });
  await me.post('/api/interactions', { contactIds: [ana.id, bruno.id], channel: 'meal', direction: 'outbound', intent: 'nurture', summary: 'Comida a tres', occurredAt: '2026-11-20T13:00:00.000Z' });
  await me.post('/api/interactions', { contactIds: [ana.id], channel: 'email', direction: 'inbound', intent: 'reply', summary: 'Respuesta de Ana' });
  const favor = (await me.post('/api/favors', { contactId: ana.id, direction: 'received', kind: 'introduction', effort: 'large', description: 'Me presentó a Carla', newIntroducedContact: { firstName: 'Carla', company: 'Acme' } })).body;
  await me.post(`/api/favors/${favor.id}/thank`, {});
  await me.post('/api/favors', { contactId: bruno.id, direction: 'given', kind: 'advice', description: 'Consejo sobre su CV' });
  const followup = (await me.post('/api/followups', { contactId: bruno.id, dueOn: '2026-11-30', title: 'Llamar a Bruno' })).body;
  await me.patch(`/api/followups/${followup.id}`, { status: 'snoozed', snoozedUntil: '2026-12-05' });
  const invitation = (await me.post('/api/invitations', { direction: 'incoming', newContact: { firstName: 'Diego', profileUrl: 'https://www.linkedin.com/in/diego' }, message: 'Hola, conectamos?' })).body;
  await me.post(`/api/invitations/${invitation.id}/welcome`, { message: 'Bienvenido Diego' });
  await me.post('/api/templates', { purpose: 'custom', language: 'es', name: 'Mi plantilla', body: 'Hola {{firstName}}' });
  const [welcome] = (await me.get('/api/templates?purpose=welcome&language=es')).body;
  await me.patch(`/api/templates/${welcome.id}`, { body: 'Hola {{firstName}}, bienvenido' });

  // Events and campaigns straight into the tables: their API is another feature's.
  const db = server.database.db;
  const [event] = await db.insert(events).values({ accountId: me.user.accountId, name: 'South Summit', startsAt: new Date('2026-06-04T08:00:00Z'), kind: 'conference', talkingPoints: ['energía'], createdAt: server.now(), updatedAt: server.now() }).returning();
  await db.update(contacts).set({ metAtEventId: event!.id }).where(eq(contacts.id, bruno.id));
  await db.insert(eventAttendees).values({ accountId: me.user.accountId, eventId: event!.id, contactId: ana.id, target: true, why: 'Quiero conocerla', topics: ['datos'], createdAt: server.now() });
  const [campaign] = await db.insert(campaigns).values({ accountId: me.user.accountId, name: 'Empleo en energía', goal: 'job_search', startsOn: '2026-11-01', createdAt: server.now(), updatedAt: server.now() }).returning();
  await db.insert(campaignMembers).values({ accountId: me.user.accountId, campaignId: campaign!.id, contactId: bruno.id, stage: 'met', addedOn: '2026-11-02', metOn: '2026-11-10', stageChangedAt: server.now() });
  await me.post('/api/followups', { contactId: ana.id, dueOn: '2026-12-01', title: 'Seguimiento de campaña' });
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  alice = await setupOwner(server.app, { name: 'Alicia', timeZone: 'Europe/Madrid', language: 'es' });
  await fillAccount(alice);
  await server.database.db.update(accounts).set({ calendarSecretHash: 'alice-calendar-secret-hash' }).where(eq(accounts.id, alice.user.accountId));
  await alice.post('/api/tokens', { name: 'alice-token' });
});
afterAll(() => server.close());

describe('JSON backup', () => {
  it('downloads everything of the account in the documented format, without secrets', async () => {
    const reply = await alice.get('/api/exports/json');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-disposition']).toBe('attachment; filename="circulo-backup-2026-11-23.json"');
    expect(reply.headers['content-type']).toContain('application/json');
    const doc = reply.body;
    expect(BackupDocument.safeParse(doc).error).toBeUndefined();
    expect(doc).toMatchObject({ format: 'circulo-backup', version: 1, exportedAt: NOW.toISOString() });
    expect(doc.profile).toMatchObject({ name: 'Alicia', pitchShort: 'Ingeniera de datos', weeklyTarget: 5, timeZone: 'Europe/Madrid' });
    expect(doc.settings).toEqual({ cadences: { personal: 21, professional: 60, opportunity: 120 }, followupDelays: { thankYouDays: 2, outcomeReportDays: 10 } });
    const count = (key: string) => doc[key].length;
    expect([count('contacts'), count('interactions'), count('favors'), count('invitations'), count('stageChanges')]).toEqual([4, 2, 2, 1, 1]);
    expect([count('events'), count('eventAttendees'), count('campaigns'), count('campaignMembers'), count('relationships')]).toEqual([1, 1, 1, 1, 1]);
    expect(count('followups')).toBeGreaterThanOrEqual(5);
    const ana = doc.contacts.find((c: Doc) => c.firstName === 'Ana');
    expect(ana).toMatchObject({ birthday: '--08-23', tags: ['Clientes', 'Madrid'], linkedinKey: 'linkedin.com/in/anamunoz' });
    const meal = doc.interactions.find((i: Doc) => i.summary === 'Comida a tres');
    expect(meal.contactIds).toHaveLength(2);
    expect(meal.occurredAt).toBe('2026-11-20T13:00:00.000Z');
    const text = JSON.stringify(doc);
    for (const secret of ['alice-calendar-secret', 'alice-token', 'passwordHash', 'argon2', 'tokenHash', 'csrf']) expect(text).not.toContain(secret);
  });

  it('gives back the same data, with the same ids, when restored over the same account', async () => {
    const before = await exportOf(alice);
    const refused = await restore(alice, before);
    expect(refused.status).toBe(409);
    expect(refused.body.detail).toContain('replace=true');
    const replaced = await restore(alice, before, true);
    expect(replaced.status, JSON.stringify(replaced.body)).toBe(200);
    expect(replaced.body).toMatchObject({ replaced: true, idsChanged: 0, restored: { contacts: 4, interactions: 2, events: 1 } });
    expect(sortedById(await exportOf(alice))).toEqual(sortedById(before));
    // Derived data is rebuilt: the keep-in-touch basis and the timeline.
    const ana = before.contacts.find((c: Doc) => c.firstName === 'Ana');
    expect((await alice.get(`/api/contacts/${ana.id}`)).body.lastInteractionAt).not.toBeNull();
    // The calendar secret is not data: restore leaves it as it was.
    const [account] = await server.database.db.select().from(accounts).where(eq(accounts.id, alice.user.accountId));
    expect(account!.calendarSecretHash).toBe('alice-calendar-secret-hash');
  });

  it('restores the same backup into two other accounts with new ids, leaving the first untouched', async () => {
    const original = await exportOf(alice);
    const bob = await addUser(server, { name: 'Bob' });
    const carol = await addUser(server, { name: 'Carol' });
    // A new account has only the shipped templates: it counts as empty.
    expect((await bob.get('/api/templates')).status).toBe(200);
    for (const who of [bob, carol]) {
      const reply = await restore(who, original);
      expect(reply.status, JSON.stringify(reply.body)).toBe(200);
      expect(reply.body.replaced).toBe(false);
      expect(reply.body.idsChanged).toBeGreaterThan(10);
      expect(withoutIds(await exportOf(who))).toEqual(withoutIds(original));
    }
    const bobsDoc = await exportOf(bob);
    const aliceIds = new Set(original.contacts.map((c: Doc) => c.id));
    expect(bobsDoc.contacts.some((c: Doc) => aliceIds.has(c.id))).toBe(false);
    expect(sortedById(await exportOf(alice))).toEqual(sortedById(original));
    // Their references work through the API: Bruno was introduced by Ana.
    const brunoId = bobsDoc.contacts.find((c: Doc) => c.firstName === 'Bruno').id;
    expect((await bob.get(`/api/contacts/${brunoId}`)).body.introducedBy.displayName).toBe('Ana Muñoz');
    expect((await bob.get('/api/profile')).body).toMatchObject({ name: 'Alicia', pitchShort: 'Ingeniera de datos' });
  });

  it('refuses a bad file, naming the bad fields, and changes nothing', async () => {
    const dave = await addUser(server, { name: 'Dave' });
    const good = await exportOf(alice);
    const bad = structuredClone(good);
    bad.contacts[0].circle = 'acquaintance';
    bad.favors[0].contactId = '00000000-0000-4000-8000-000000000000';
    const reply = await restore(dave, bad);
    expect(reply.status).toBe(400);
    expect(reply.headers['content-type']).toContain('application/problem+json');
    expect(reply.body.errors.map((e: Doc) => e.field)).toEqual(['contacts.0.circle']);

    const dangling = structuredClone(good);
    dangling.favors[0].contactId = '00000000-0000-4000-8000-000000000000';
    dangling.interactions[0].contactIds.push('00000000-0000-4000-8000-000000000001');
    const refs = await restore(dave, dangling);
    expect(refs.status).toBe(400);
    expect(refs.body.errors.map((e: Doc) => e.field).sort()).toEqual(['favors.0.contactId', 'interactions.0.contactIds']);

    const extra = await restore(dave, { ...good, contacts: [{ ...good.contacts[0], nickname: 'x' }] });
    expect(extra.status).toBe(400);
    expect(extra.body.errors[0].field).toBe('contacts.0');
    expect(extra.body.detail).toContain('nickname');

    const notOurs = await restore(dave, { hello: 'world' });
    expect(notOurs.status).toBe(400);
    expect(notOurs.body.detail).toContain('not a Círculo backup');
    const newer = await restore(dave, { ...good, version: 2 });
    expect(newer.body.detail).toContain('newer Círculo');

    const duplicate = structuredClone(good);
    duplicate.contacts.push({ ...duplicate.contacts[0] });
    expect((await restore(dave, duplicate)).body.errors[0]).toMatchObject({ field: `contacts.${good.contacts.length}.id` });

    expect((await dave.get('/api/contacts')).body.items).toEqual([]);
    expect((await dave.get('/api/profile')).body.name).toBe('Dave');
  });

  it('replacing keeps nothing of what the account had', async () => {
    const erin = await addUser(server, { name: 'Erin' });
    await erin.post('/api/contacts', { firstName: 'Only Erin knows' });
    const reply = await restore(erin, await exportOf(alice), true);
    expect(reply.status).toBe(200);
    const names = (await erin.get('/api/contacts?limit=100')).body.items.map((c: Doc) => c.displayName);
    expect(names).not.toContain('Only Erin knows');
    expect(names).toHaveLength(4);
  });

  it('streams a large account in batches and restores references that point forward', async () => {
    const frank = await addUser(server, { name: 'Frank' });
    const db = server.database.db;
    const rows = Array.from({ length: 2500 }, (_, i) => ({ accountId: frank.user.accountId, firstName: `Persona ${i}`, displayName: `Persona ${i}`, createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, i)), updatedAt: server.now() }));
    const ids: string[] = [];
    for (let i = 0; i < rows.length; i += 500) ids.push(...(await db.insert(contacts).values(rows.slice(i, i + 500)).returning({ id: contacts.id })).map((r) => r.id));
    // The first contacts were introduced by the last ones: a reference to a later batch.
    for (let i = 0; i < 10; i++) await db.update(contacts).set({ introducedById: ids[2499 - i]! }).where(eq(contacts.id, ids[i]!));
    const doc = await exportOf(frank);
    expect(doc.contacts).toHaveLength(2500);
    const grace = await addUser(server, { name: 'Grace' });
    const reply = await restore(grace, doc);
    expect(reply.status, JSON.stringify(reply.body).slice(0, 300)).toBe(200);
    expect(reply.body.restored.contacts).toBe(2500);
    expect(withoutIds(await exportOf(grace))).toEqual(withoutIds(doc));
  });
});

describe('CSV export of contacts', () => {
  it("uses Google Contacts' columns, with tags as Labels", async () => {
    const reply = await alice.get('/api/exports/csv');
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toContain('text/csv');
    expect(reply.headers['content-disposition']).toBe('attachment; filename="circulo-contacts-2026-11-23.csv"');
    const text = reply.body as string;
    const header = text.split('\n')[0]!.split(',');
    expect(header.slice(0, 8)).toEqual(['First Name', 'Last Name', 'File As', 'Organization Name', 'Organization Title', 'Birthday', 'Notes', 'Labels']);
    expect(header).toEqual(expect.arrayContaining(['E-mail 1 - Value', 'Phone 1 - Value', 'Website 1 - Label', 'Website 1 - Value', 'Address 1 - Formatted', 'Circle', 'Stage']));
    expect(text).toContain('Ana,Muñoz,Ana Muñoz,,,--08-23,"Línea 1\nLínea 2, con coma",Clientes ::: Madrid,,ana@example.com');
    expect(text).toContain('LinkedIn,https://www.linkedin.com/in/anamunoz/');
    expect(text.trimEnd().split('\n')).toHaveLength(1 + 4 + 1); // header, 4 contacts, one of them on two lines
  });
});
