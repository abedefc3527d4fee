// Ties between contacts: typed ones (one per pair, never to oneself, inside the account) and
// those Círculo reads from what was recorded; and the strength of the user's tie on a contact.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
const NOW = new Date('2031-03-10T10:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app);
});
afterAll(() => server.close());

const contact = async (body: Record<string, unknown>) => {
  const reply = await me.post('/api/contacts', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string; displayName: string };
};

describe('typed ties', () => {
  it('ties two contacts once, shows the tie from both sides, and removes it', async () => {
    const ana = await contact({ firstName: 'Ana', lastName: 'Vidal' });
    const bruno = await contact({ firstName: 'Bruno', lastName: 'Sanz' });
    const made = await me.post(`/api/contacts/${ana.id}/relationships`, { otherId: bruno.id, kind: 'former_colleague', note: 'Both at Telefónica in 2019' });
    expect(made.status, JSON.stringify(made.body)).toBe(201);
    expect(made.body).toMatchObject({ other: { id: bruno.id, displayName: 'Bruno Sanz' }, explicit: { kind: 'former_colleague', note: 'Both at Telefónica in 2019' } });

    const fromBruno = (await me.get(`/api/contacts/${bruno.id}/relationships`)).body.items;
    expect(fromBruno).toEqual([expect.objectContaining({ other: expect.objectContaining({ id: ana.id }), explicit: expect.objectContaining({ kind: 'former_colleague' }) })]);

    // The same pair again, from either side, is refused.
    expect((await me.post(`/api/contacts/${bruno.id}/relationships`, { otherId: ana.id, kind: 'friend' })).status).toBe(409);
    // No tie with oneself, nor with a contact that does not exist, nor of an unknown kind.
    expect((await me.post(`/api/contacts/${ana.id}/relationships`, { otherId: ana.id, kind: 'friend' })).status).toBe(400);
    expect((await me.post(`/api/contacts/${ana.id}/relationships`, { otherId: '00000000-0000-4000-8000-000000000000', kind: 'friend' })).status).toBe(400);
    const badKind = await me.post(`/api/contacts/${ana.id}/relationships`, { otherId: bruno.id, kind: 'enemy' });
    expect(badKind.status).toBe(400);
    expect(badKind.body.errors[0].field).toBe('kind');

    expect((await me.del(`/api/contacts/${bruno.id}/relationships/${ana.id}`)).status).toBe(204);
    expect((await me.get(`/api/contacts/${ana.id}/relationships`)).body.items).toEqual([]);
    expect((await me.del(`/api/contacts/${bruno.id}/relationships/${ana.id}`)).status).toBe(404);
  });

  it('removes a tie by its own id too, and deleting a contact takes its ties', async () => {
    const a = await contact({ firstName: 'Carla' });
    const b = await contact({ firstName: 'Diego' });
    const c = await contact({ firstName: 'Elena' });
    const tie = (await me.post(`/api/contacts/${a.id}/relationships`, { otherId: b.id, kind: 'family' })).body;
    expect((await me.del(`/api/contacts/${a.id}/relationships/${tie.explicit.id}`)).status).toBe(204);
    await me.post(`/api/contacts/${a.id}/relationships`, { otherId: c.id, kind: 'friend' });
    expect((await me.del(`/api/contacts/${c.id}`)).status).toBe(204);
    expect((await me.get(`/api/contacts/${a.id}/relationships`)).body.items).toEqual([]);
  });

  it('merging two duplicates keeps the ties of the one that goes', async () => {
    const kept = await contact({ firstName: 'Fermín', lastName: 'Duplicado' });
    const other = await contact({ firstName: 'Fermin', lastName: 'Duplicado' });
    const friend = await contact({ firstName: 'Gala' });
    await me.post(`/api/contacts/${other.id}/relationships`, { otherId: friend.id, kind: 'classmate' });
    await me.post(`/api/contacts/${other.id}/relationships`, { otherId: kept.id, kind: 'other' });
    expect((await me.post(`/api/contacts/${kept.id}/merge`, { otherId: other.id })).status).toBe(200);
    const ties = (await me.get(`/api/contacts/${kept.id}/relationships`)).body.items;
    expect(ties).toEqual([expect.objectContaining({ other: expect.objectContaining({ id: friend.id }), explicit: expect.objectContaining({ kind: 'classmate' }) })]);
  });
});

describe('derived ties', () => {
  it('reads introductions, referrals, favors, shared touches, events and the company, each saying where it comes from', async () => {
    const hub = await contact({ firstName: 'Hugo', lastName: 'Centro', company: 'Acme S.L.' });
    const introduced = await contact({ firstName: 'Inés', introducedById: hub.id });
    const colleague = await contact({ firstName: 'Jaime', company: 'acme s.l.' });
    const lunchmate = await contact({ firstName: 'Karen' });
    const viaFavor = await contact({ firstName: 'Luis' });
    const guest = await contact({ firstName: 'Marta' });
    await me.post('/api/interactions', { contactIds: [hub.id, lunchmate.id], channel: 'meal', direction: 'outbound', intent: 'nurture', occurredAt: daysAgo(3) });
    await me.post('/api/interactions', { contactIds: [hub.id, lunchmate.id], channel: 'video', direction: 'inbound', intent: 'reply', occurredAt: daysAgo(1) });
    await me.post('/api/favors', { contactId: hub.id, direction: 'received', kind: 'introduction', introducedToId: viaFavor.id, occurredOn: '2031-03-01' });
    const event = (await me.post('/api/events', { name: 'Startup Grind', startsAt: '2031-02-01T18:00:00Z' })).body;
    await me.post(`/api/events/${event.id}/attendees`, { contactId: hub.id });
    await me.post(`/api/events/${event.id}/attendees`, { contactId: guest.id });

    const items = (await me.get(`/api/contacts/${hub.id}/relationships`)).body.items as { other: { id: string }; explicit: null; derived: { source: string; count: number; label: string | null }[] }[];
    const sourcesOf = (id: string) => items.find((t) => t.other.id === id)?.derived;
    expect(sourcesOf(introduced.id)).toEqual([expect.objectContaining({ source: 'introduced_by', count: 1 })]);
    expect(sourcesOf(colleague.id)).toEqual([expect.objectContaining({ source: 'same_company' })]);
    expect(sourcesOf(lunchmate.id)).toEqual([expect.objectContaining({ source: 'shared_touch', count: 2 })]);
    expect(sourcesOf(viaFavor.id)).toEqual([expect.objectContaining({ source: 'introduction_favor', count: 1 })]);
    expect(sourcesOf(guest.id)).toEqual([expect.objectContaining({ source: 'same_event', count: 1, label: 'Startup Grind' })]);
    // The other side sees the same tie.
    const fromIntroduced = (await me.get(`/api/contacts/${introduced.id}/relationships`)).body.items;
    expect(fromIntroduced).toEqual([expect.objectContaining({ other: expect.objectContaining({ id: hub.id }), derived: [expect.objectContaining({ source: 'introduced_by' })] })]);
  });
});

describe('tie strength', () => {
  it('is 0 for a contact never touched and grows with recent, deep, two-way touches and favors, with why in words', async () => {
    const fresh = await contact({ firstName: 'Nuria' });
    expect(fresh).toMatchObject({ strength: { score: 0, why: 'no touch recorded' } });
    const close = await contact({ firstName: 'Óscar' });
    await me.post('/api/interactions', { contactIds: [close.id], channel: 'coffee', direction: 'outbound', intent: 'nurture', occurredAt: daysAgo(21) });
    await me.post('/api/interactions', { contactIds: [close.id], channel: 'message', direction: 'inbound', intent: 'reply', occurredAt: daysAgo(40) });
    await me.post('/api/interactions', { contactIds: [close.id], channel: 'call', direction: 'outbound', intent: 'give', occurredAt: daysAgo(60) });
    await me.post('/api/favors', { contactId: close.id, direction: 'received', kind: 'advice', occurredOn: '2031-02-20' });
    await me.post('/api/favors', { contactId: close.id, direction: 'received', kind: 'feedback', occurredOn: '2031-02-25' });
    const got = (await me.get(`/api/contacts/${close.id}`)).body;
    expect(got.strength.why).toBe('met in person 3 weeks ago; 3 touches in 12 months; 33% started by them; helped you twice');
    expect(got.strength.score).toBeGreaterThan(60);
    const listed = (await me.get('/api/contacts?q=oscar')).body.items[0];
    expect(listed.strength).toEqual(got.strength);
  });

  it('speaks the user’s language', async () => {
    expect((await me.patch('/api/profile', { language: 'es' })).status).toBe(200);
    const c = await contact({ firstName: 'Pilar' });
    await me.post('/api/interactions', { contactIds: [c.id], channel: 'video', direction: 'inbound', intent: 'reply', occurredAt: daysAgo(2) });
    expect((await me.get(`/api/contacts/${c.id}`)).body.strength.why).toBe('videollamada hace 2 días; 1 contacto en 12 meses');
    await me.patch('/api/profile', { language: 'en' });
  });
});
