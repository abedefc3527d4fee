// A campaign's target companies: kept on the campaign, suggested from its free-text target, and
// the best warm path to someone at each (GET /api/campaigns/{id}/company-intros).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let me: ApiClient;
let other: ApiClient;
const NOW = new Date('2031-03-10T10:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const ids: Record<string, string> = {};

const contact = async (client: ApiClient, key: string, body: Record<string, unknown>) => {
  const reply = await client.post('/api/contacts', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  ids[key] = reply.body.id;
};

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app);
  other = await addUser(server);
  await contact(me, 'target', { firstName: 'Teresa', lastName: 'Objetivo', company: 'Fintual', title: 'CTO' });
  await contact(me, 'friend', { firstName: 'Fabián', lastName: 'Amigo' });
  await contact(me, 'banker', { firstName: 'Bruno', lastName: 'Banca', company: 'Banco Estado' });
  await contact(me, 'loner', { firstName: 'Lola', lastName: 'Sola', company: 'Lonely Labs' });
  for (const days of [5, 20, 40]) await me.post('/api/interactions', { contactIds: [ids.friend], channel: 'meal', direction: 'outbound', intent: 'nurture', occurredAt: daysAgo(days) });
  await me.post(`/api/contacts/${ids.friend}/relationships`, { otherId: ids.target, kind: 'friend' });
  // The other account knows someone at Fintual too, through a friend of its own.
  await contact(other, 'otherTarget', { firstName: 'Olga', lastName: 'Ajena', company: 'Fintual' });
  await contact(other, 'otherFriend', { firstName: 'Omar', lastName: 'Ajeno' });
  await other.post('/api/interactions', { contactIds: [ids.otherFriend], channel: 'meal', direction: 'outbound', intent: 'nurture', occurredAt: daysAgo(3) });
  await other.post(`/api/contacts/${ids.otherFriend}/relationships`, { otherId: ids.otherTarget, kind: 'friend' });
});
afterAll(() => server.close());

describe('target companies on a campaign', () => {
  it('are kept on create and patch and read back in order', async () => {
    const created = await me.post('/api/campaigns', { name: 'Fintech', goal: 'job_search', targetCompanies: ['Fintual', 'Nobody Inc'] });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    expect(created.body.targetCompanies).toEqual(['Fintual', 'Nobody Inc']);
    const patched = await me.patch(`/api/campaigns/${created.body.id}`, { targetCompanies: ['  Nobody Inc ', 'Fintual'] });
    expect(patched.body.targetCompanies).toEqual(['Nobody Inc', 'Fintual']);
    expect((await me.get(`/api/campaigns/${created.body.id}`)).body.targetCompanies).toEqual(['Nobody Inc', 'Fintual']);
    const listed = (await me.get('/api/campaigns')).body.items.find((c: { id: string }) => c.id === created.body.id);
    expect(listed.targetCompanies).toEqual(['Nobody Inc', 'Fintual']);
    // Untouched by a patch that does not name them; an older campaign starts with none.
    expect((await me.patch(`/api/campaigns/${created.body.id}`, { name: 'Fintech 2' })).body.targetCompanies).toEqual(['Nobody Inc', 'Fintual']);
    expect((await me.post('/api/campaigns', { name: 'Plain', goal: 'job_search' })).body.targetCompanies).toEqual([]);
  });

  it('refuses an empty name, the same company twice and too many', async () => {
    const bad = async (targetCompanies: unknown) => {
      const reply = await me.post('/api/campaigns', { name: 'Bad', goal: 'job_search', targetCompanies });
      expect(reply.status, JSON.stringify(targetCompanies)).toBe(400);
      expect(JSON.stringify(reply.body)).toContain('targetCompanies');
    };
    await bad(['']);
    await bad(['Fintual', 'FINTUAL']);
    await bad(Array.from({ length: 21 }, (_, i) => `Company ${i}`));
    await bad('Fintual');
    await bad(['x'.repeat(201)]);
  });
});

describe('GET /api/campaigns/{id}/company-intros', () => {
  it('gives the best path to someone at each target company, and nothing for a company nobody knows', async () => {
    const campaign = (await me.post('/api/campaigns', { name: 'Paths', goal: 'job_search', targetCompanies: ['fintual', 'Nobody Inc', 'Lonely Labs'] })).body;
    const reply = await me.get(`/api/campaigns/${campaign.id}/company-intros`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const [fintual, nobody, lonely] = reply.body.items;
    expect(fintual).toMatchObject({ company: 'fintual', people: 1 });
    expect(fintual.path.target.contactId).toBe(ids.target);
    expect(fintual.path.via.map((v: { contactId: string }) => v.contactId)).toEqual([ids.friend]);
    expect(fintual.path.via[0].tie).toMatchObject({ kind: 'friend', sources: ['explicit'] });
    // The same answer as asking GET /api/intros?company= for its best path.
    expect(fintual.path).toEqual((await me.get('/api/intros?company=fintual&limit=1')).body.items[0]);
    expect(nobody).toEqual({ company: 'Nobody Inc', people: 0, path: null });
    // Someone there, but nobody who links the user to her.
    expect(lonely).toEqual({ company: 'Lonely Labs', people: 1, path: null });
  });

  it('suggests companies the free-text target names that the user has contacts at', async () => {
    const campaign = (await me.post('/api/campaigns', { name: 'Suggest', goal: 'job_search', target: 'CTOs at fintechs: FINTUAL, banco estado; maybe Acme', targetCompanies: ['Lonely Labs'] })).body;
    expect((await me.get(`/api/campaigns/${campaign.id}/company-intros`)).body.suggested).toEqual(['Banco Estado', 'Fintual']);
    await me.patch(`/api/campaigns/${campaign.id}`, { targetCompanies: ['Fintual'] });
    expect((await me.get(`/api/campaigns/${campaign.id}/company-intros`)).body.suggested).toEqual(['Banco Estado']);
  });

  it('never shows another account’s campaign or the people it knows', async () => {
    const mine = (await me.post('/api/campaigns', { name: 'Mine', goal: 'job_search', target: 'Fintual', targetCompanies: ['Fintual'] })).body;
    expect((await other.get(`/api/campaigns/${mine.id}/company-intros`)).status).toBe(404);
    const theirs = (await other.post('/api/campaigns', { name: 'Theirs', goal: 'job_search', target: 'Banco Estado, Lonely Labs', targetCompanies: ['Fintual'] })).body;
    const reply = await other.get(`/api/campaigns/${theirs.id}/company-intros`);
    expect(reply.status).toBe(200);
    expect(reply.body.items[0]).toMatchObject({ company: 'Fintual', people: 1 });
    expect(reply.body.items[0].path.target.contactId).toBe(ids.otherTarget);
    expect(reply.body.suggested).toEqual([]);
    const text = JSON.stringify(reply.body);
    for (const key of ['target', 'friend', 'banker', 'loner']) expect(text).not.toContain(ids[key]);
    expect((await me.get('/api/campaigns/00000000-0000-4000-8000-000000000000/company-intros')).status).toBe(404);
  });
});

describe('target companies in the JSON backup', () => {
  it('are written, restored into another account, and an older backup without them restores with none', async () => {
    const created = (await me.post('/api/campaigns', { name: 'Backed up', goal: 'job_search', targetCompanies: ['Fintual', 'Banco Estado'] })).body;
    const doc = (await me.get('/api/exports/json')).body;
    const written = doc.campaigns.find((c: { id: string }) => c.id === created.id);
    expect(written.targetCompanies).toEqual(['Fintual', 'Banco Estado']);
    const fresh = await addUser(server);
    const restored = await fresh.call('POST', '/api/backup/restore', doc);
    expect(restored.status, JSON.stringify(restored.body).slice(0, 300)).toBe(200);
    const theirs = (await fresh.get('/api/campaigns?limit=100')).body.items.find((c: { name: string }) => c.name === 'Backed up');
    expect(theirs.targetCompanies).toEqual(['Fintual', 'Banco Estado']);
    const older = { ...doc, campaigns: doc.campaigns.map(({ targetCompanies: _, ...c }: Record<string, unknown>) => c) };
    const another = await addUser(server);
    expect((await another.call('POST', '/api/backup/restore', older)).status).toBe(200);
    expect((await another.get('/api/campaigns?limit=100')).body.items.every((c: { targetCompanies: string[] }) => c.targetCompanies.length === 0)).toBe(true);
  });
});
