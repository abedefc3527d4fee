import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  me = await setupOwner(server.app);
});
afterAll(() => server.close());

const create = async (body: Record<string, unknown>) => {
  const reply = await me.post('/api/contacts', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};

describe('creating and editing contacts', () => {
  it('keeps every contact field and derives the display name', async () => {
    const contact = await create({
      firstName: 'Lucía',
      lastName: 'Fernández Ortega',
      emails: ['lucia@example.com', 'lucia@example.com', ' '],
      phones: ['+34 600 000 000'],
      company: 'Acme, S.L.',
      title: 'CTO',
      location: 'Valparaíso',
      links: ['https://www.linkedin.com/in/lucia'],
      birthday: '--02-29',
      notes: 'Met at the gym',
      circle: 'personal',
      kind: 'club_member',
      tags: ['climbing', 'climbing', 'mentor'],
      interests: ['rust'],
      communities: ['PyData Madrid'],
      howMet: 'Bouldering wall',
      metOn: '2024-03-12',
      stage: 'met_in_person',
      cadenceDays: 14,
    });
    expect(contact).toMatchObject({
      displayName: 'Lucía Fernández Ortega',
      emails: ['lucia@example.com'],
      tags: ['climbing', 'mentor'],
      birthday: '--02-29',
      circle: 'personal',
      source: 'manual',
      lastInteractionAt: null,
      askOnly: false,
      reciprocity: { given: 0, received: 0 },
    });
    const fetched = await me.get(`/api/contacts/${contact.id}`);
    expect(fetched.body).toEqual(contact);
  });

  it('defaults to the professional circle and stage new', async () => {
    const contact = await create({ firstName: 'Pat' });
    expect(contact).toMatchObject({ circle: 'professional', stage: 'new', cadenceDays: null });
  });

  it('refuses a contact without any name, naming the field', async () => {
    const reply = await me.post('/api/contacts', { company: 'Nameless Inc' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors).toEqual([expect.objectContaining({ field: 'firstName' })]);
  });

  it('names each bad field', async () => {
    const reply = await me.post('/api/contacts', { firstName: 'A', emails: ['not-an-email'], circle: 'galaxy', cadenceDays: 0, birthday: '1990-13-01' });
    expect(reply.status).toBe(400);
    expect(reply.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['birthday', 'cadenceDays', 'circle', 'emails.0']);
    const codes = Object.fromEntries(reply.body.errors.map((e: { field: string; code: string }) => [e.field, e.code]));
    expect(codes).toMatchObject({ cadenceDays: 'too_small', circle: 'invalid_value' });
  });

  it('re-derives a derived display name on rename but keeps a typed one', async () => {
    const derived = await create({ firstName: 'Sam', lastName: 'Lee' });
    expect((await me.patch(`/api/contacts/${derived.id}`, { lastName: 'Park' })).body.displayName).toBe('Sam Park');
    const typed = await create({ firstName: 'Robert', displayName: 'Bob' });
    expect((await me.patch(`/api/contacts/${typed.id}`, { lastName: 'Smith' })).body.displayName).toBe('Bob');
  });

  it('patches only the fields sent and clears with null or empty', async () => {
    const c = await create({ firstName: 'Kim', company: 'Old Co', title: 'Dev' });
    const patched = (await me.patch(`/api/contacts/${c.id}`, { company: 'New Co', title: '' })).body;
    expect(patched).toMatchObject({ firstName: 'Kim', company: 'New Co', title: null });
  });

  it('links who introduced whom, only within the account', async () => {
    const introducer = await create({ firstName: 'Marta' });
    const friend = await create({ firstName: 'Iker', introducedById: introducer.id });
    expect(friend.introducedBy).toEqual({ id: introducer.id, displayName: 'Marta' });
    const self = await me.patch(`/api/contacts/${friend.id}`, { introducedById: friend.id });
    expect(self.status).toBe(400);
    const ghost = await me.post('/api/contacts', { firstName: 'X', introducedById: '00000000-0000-4000-8000-000000000000' });
    expect(ghost.status).toBe(400);
  });

  it('answers 404 for an unknown contact and 400 for a malformed id', async () => {
    expect((await me.get('/api/contacts/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await me.get('/api/contacts/not-a-uuid')).status).toBe(400);
  });
});

describe('search and filters', () => {
  beforeAll(async () => {
    await create({ firstName: 'José Ignacio', lastName: 'Muñoz', company: 'Telefónica', tags: ['Clientes'], circle: 'professional', kind: 'client', stage: 'trusted' });
    await create({ firstName: 'Jose', lastName: 'Garcia', notes: 'Loves ÑOQUIS', circle: 'opportunity' });
    await create({ firstName: 'Ana', lastName: 'Ibáñez', title: 'Ingeniera de datos', circle: 'personal', kind: 'friend' });
  });

  const names = async (query: string) =>
    ((await me.get(`/api/contacts?${query}`)).body.items as { displayName: string }[]).map((c) => c.displayName).sort();

  it.each([
    ['q=jose', ['Jose Garcia', 'José Ignacio Muñoz']],
    ['q=JOSÉ%20munoz', ['José Ignacio Muñoz']],
    ['q=munoz%20jose', ['José Ignacio Muñoz']],
    ['q=telefonica', ['José Ignacio Muñoz']],
    ['q=noquis', ['Jose Garcia']],
    ['q=ingeniera', ['Ana Ibáñez']],
    ['q=clientes', ['José Ignacio Muñoz']],
    ['q=ibanez', ['Ana Ibáñez']],
    ['q=100%25', []],
  ])('%s finds %j', async (query, expected) => {
    expect(await names(query)).toEqual(expected);
  });

  it('filters by circle, kind, tag and stage', async () => {
    expect(await names('circle=opportunity')).toEqual(['Jose Garcia']);
    expect(await names('kind=friend')).toEqual(['Ana Ibáñez']);
    expect(await names('tag=Clientes')).toEqual(['José Ignacio Muñoz']);
    expect(await names('stage=trusted&q=jose')).toEqual(['José Ignacio Muñoz']);
    expect((await me.get('/api/contacts/tags')).body).toEqual(expect.arrayContaining(['Clientes', 'climbing']));
  });

  it('pages through the list with a cursor, each contact once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: { id: string }[]; nextCursor: string | null } = (
        await me.get(`/api/contacts?limit=2${cursor ? `&cursor=${cursor}` : ''}`)
      ).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((c) => c.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all = (await me.get('/api/contacts?limit=500')).body.items.map((c: { id: string }) => c.id);
    expect(seen).toEqual(all);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it('refuses a forged cursor', async () => {
    expect((await me.get('/api/contacts?cursor=garbage')).status).toBe(400);
  });
});

describe('deleting a contact', () => {
  it('removes its follow-ups and solo touches, keeps shared touches for the others', async () => {
    const leaving = await create({ firstName: 'Leaving' });
    const staying = await create({ firstName: 'Staying' });
    const introduced = await create({ firstName: 'Introduced', introducedById: leaving.id });
    const solo = await me.post('/api/interactions', { contactIds: [leaving.id], channel: 'call', direction: 'outbound', intent: 'nurture' });
    const shared = await me.post('/api/interactions', { contactIds: [leaving.id, staying.id], channel: 'meal', direction: 'outbound', intent: 'give' });
    await me.post('/api/followups', { contactId: leaving.id, dueOn: '2026-12-01', title: 'Call back' });

    expect((await me.get(`/api/contacts/${leaving.id}/delete-impact`)).body).toEqual({ followups: 1, favors: 0, events: 0, campaigns: 0, interactionsDeleted: 1, interactionsKept: 1 });
    expect((await me.del(`/api/contacts/${leaving.id}`)).status).toBe(204);

    expect((await me.get(`/api/contacts/${leaving.id}`)).status).toBe(404);
    expect((await me.get(`/api/interactions/${solo.body.id}`)).status).toBe(404);
    const kept = await me.get(`/api/interactions/${shared.body.id}`);
    expect(kept.body.contactIds).toEqual([staying.id]);
    expect((await me.get(`/api/followups?contactId=${leaving.id}`)).body.items).toEqual([]);
    expect((await me.get(`/api/contacts/${introduced.id}`)).body.introducedById).toBeNull();
    expect((await me.del(`/api/contacts/${leaving.id}`)).status).toBe(404);
  });
});
