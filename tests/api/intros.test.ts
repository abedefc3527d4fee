// Who can introduce me: ranked paths with at most two people between, flags on introducers, the
// intro_request template and asking for an introduction.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
const NOW = new Date('2031-03-10T10:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const ids: Record<string, string> = {};

const contact = async (key: string, body: Record<string, unknown>) => {
  const reply = await me.post('/api/contacts', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  ids[key] = reply.body.id;
};
const touch = (key: string, days: number, intent = 'nurture', channel = 'coffee', direction = 'outbound') =>
  me.post('/api/interactions', { contactIds: [ids[key]], channel, direction, intent, occurredAt: daysAgo(days) });

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app);
  await me.patch('/api/profile', { pitchShort: 'I build payment systems and am looking at fintech in Santiago.' });
  await contact('target', { firstName: 'Teresa', lastName: 'Objetivo', company: 'Fintual', title: 'CTO' });
  await contact('friend', { firstName: 'Fabián', lastName: 'Amigo' }); // strong with me, friend of Teresa
  await contact('asker', { firstName: 'Amanda', lastName: 'Pedidos' }); // I only ever ask her
  await contact('cold', { firstName: 'Carlos', lastName: 'Frío' }); // last touch 3 years ago
  await contact('colleague', { firstName: 'Celia', lastName: 'Colega', company: 'fintual' }); // same company only
  await contact('second', { firstName: 'Sergio', lastName: 'Segundo' }); // knows Fabián's friend chain
  await contact('stranger', { firstName: 'Sol', lastName: 'Desconocida' }); // no tie with me
  for (const [days, direction] of [[5, 'inbound'], [20, 'outbound'], [40, 'inbound'], [60, 'outbound']] as const) await touch('friend', days, 'nurture', 'meal', direction);
  for (const days of [3, 10, 30]) await touch('asker', days, 'ask', 'message');
  await touch('colleague', 15, 'nurture', 'call');
  await touch('second', 8, 'give', 'video');
  // Carlos was seen once, three years ago, with Teresa (so he knows her).
  await me.post('/api/interactions', { contactIds: [ids.cold, ids.target], channel: 'meal', direction: 'outbound', intent: 'nurture', occurredAt: daysAgo(1100) });
  await me.post(`/api/contacts/${ids.friend}/relationships`, { otherId: ids.target, kind: 'friend' });
  await me.post(`/api/contacts/${ids.asker}/relationships`, { otherId: ids.target, kind: 'former_colleague' });
  await me.post(`/api/contacts/${ids.stranger}/relationships`, { otherId: ids.target, kind: 'family' });
  await me.post(`/api/contacts/${ids.second}/relationships`, { otherId: ids.stranger, kind: 'classmate' });
});
afterAll(() => server.close());

describe('GET /api/intros', () => {
  it('ranks paths to a contact: a strong tie to a real friend of the target first, same company weak, flags the ask-only and the cold', async () => {
    const reply = await me.get(`/api/intros?contactId=${ids.target}`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const items = reply.body.items as { via: { contactId: string; flags: string[]; tie: { sources: string[]; kind: string | null }; strength: { score: number } }[]; score: number; why: string }[];
    const first = (key: string) => items.find((p) => p.via.length === 1 && p.via[0]!.contactId === ids[key]);
    expect(items[0]!.via.map((v) => v.contactId)).toEqual([ids.friend]);
    expect(items[0]!.via[0]).toMatchObject({ flags: [], tie: { kind: 'friend', sources: ['explicit'] } });
    expect(items[0]!.why).toContain('Fabián Amigo knows Teresa Objetivo (friend)');
    expect(first('asker')!.via[0]!.flags).toEqual(['give_before_you_ask']);
    expect(first('cold')!.via[0]!.flags).toEqual(['cold']);
    expect(first('colleague')!.via[0]!.tie.sources).toEqual(['same_company']);
    expect(first('colleague')!.why).toContain('same company only (weak evidence)');
    expect(first('colleague')!.score).toBeLessThan(first('friend')!.score);
    // Sol has no tie with me: not an introducer herself, but the way through Sergio, who knows her.
    expect(items.find((p) => p.via[0]!.contactId === ids.stranger)).toBeUndefined();
    const twoBetween = items.find((p) => p.via.length === 2);
    expect(twoBetween?.via.map((v) => v.contactId)).toEqual([ids.second, ids.stranger]);
    // Scores never rise down the list.
    expect(items.map((p) => p.score)).toEqual([...items.map((p) => p.score)].sort((a, b) => b - a));
  });

  it('finds people at a company and by free text', async () => {
    const byCompany = (await me.get('/api/intros?company=FINTUAL')).body.items as { target: { contactId: string } }[];
    expect(new Set(byCompany.map((p) => p.target.contactId))).toEqual(new Set([ids.target, ids.colleague]));
    const byText = (await me.get('/api/intros?q=cto')).body.items as { target: { contactId: string } }[];
    expect(byText.length).toBeGreaterThan(0);
    expect(byText.every((p) => p.target.contactId === ids.target)).toBe(true);
  });

  it('asks for exactly one of contactId, company or q', async () => {
    expect((await me.get('/api/intros')).status).toBe(400);
    expect((await me.get(`/api/intros?contactId=${ids.target}&q=x`)).status).toBe(400);
    expect((await me.get('/api/intros?contactId=00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});

describe('asking for an introduction', () => {
  it('renders the intro_request template with the pitch, the target and the reason', async () => {
    const templates = (await me.get('/api/templates?purpose=intro_request')).body as { id: string; language: string; purpose: string }[];
    const en = (Array.isArray(templates) ? templates : (templates as { items: typeof templates }).items).find((t) => t.language === 'en' && t.purpose === 'intro_request');
    expect(en).toBeDefined();
    const rendered = (await me.post(`/api/templates/${en!.id}/render`, { contactId: ids.friend, targetId: ids.target, reason: 'she leads the payments team I want to join' })).body;
    expect(rendered.missing).toEqual([]);
    expect(rendered.subject).toBe('Could you introduce me to Teresa Objetivo — CTO, Fintual?');
    expect(rendered.body).toContain('I build payment systems');
    expect(rendered.body).toContain('she leads the payments team I want to join');
  });

  it('logs an ask touch with the introducer and a follow-up to check back', async () => {
    const reply = await me.post('/api/intros/requests', { introducerId: ids.friend, targetId: ids.target, message: 'Hi Fabián…' });
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    const touchRow = (await me.get(`/api/interactions/${reply.body.interactionId}`)).body;
    expect(touchRow).toMatchObject({ intent: 'ask', direction: 'outbound', summary: 'Asked for an introduction to Teresa Objetivo', notes: 'Hi Fabián…' });
    expect(touchRow.contacts.map((c: { id: string }) => c.id)).toEqual([ids.friend]);
    const followup = (await me.get(`/api/followups/${reply.body.followupId}`)).body;
    expect(followup).toMatchObject({ dueOn: '2031-03-17', title: 'Check with Fabián Amigo about the introduction to Teresa Objetivo' });
    expect((await me.post('/api/intros/requests', { introducerId: ids.friend, targetId: ids.friend })).status).toBe(400);
  });
});

describe('campaigns and the network', () => {
  it('shows the best path to each campaign member where one exists', async () => {
    const campaign = (await me.post('/api/campaigns', { name: 'Fintech', goal: 'job_search' })).body;
    await me.post(`/api/campaigns/${campaign.id}/members`, { contactId: ids.target });
    await me.post(`/api/campaigns/${campaign.id}/members`, { contactId: ids.asker });
    const reply = await me.get(`/api/campaigns/${campaign.id}/intros`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const byTarget = new Map((reply.body.items as { target: { contactId: string }; via: { contactId: string }[] }[]).map((p) => [p.target.contactId, p]));
    expect(byTarget.get(ids.target!)!.via.map((v) => v.contactId)).toEqual([ids.friend]);
    expect((await me.get('/api/campaigns/00000000-0000-4000-8000-000000000000/intros')).status).toBe(404);
  });

  it('gives the network: contacts with their strength and the ties between them, without same-company ties', async () => {
    const net = (await me.get('/api/network')).body as { nodes: { id: string; strength: number }[]; edges: { source: string; target: string; sources: string[] }[] };
    expect(net.nodes.map((n) => n.id)).toEqual(expect.arrayContaining(Object.values(ids)));
    expect(net.nodes[0]!.strength).toBeGreaterThanOrEqual(net.nodes.at(-1)!.strength);
    const between = (a: string, b: string) => net.edges.find((e) => (e.source === ids[a] && e.target === ids[b]) || (e.source === ids[b] && e.target === ids[a]));
    expect(between('friend', 'target')?.sources).toEqual(['explicit']);
    expect(between('cold', 'target')?.sources).toEqual(['shared_touch']);
    expect(between('colleague', 'target')).toBeUndefined();
    const personal = (await me.get('/api/network?company=fintual')).body;
    expect(personal.nodes.map((n: { id: string }) => n.id).sort()).toEqual([ids.target, ids.colleague].sort());
  });

  it('draws only ties between two people drawn, each pair once, when the limit leaves people out', async () => {
    type Net = { nodes: { id: string }[]; edges: { source: string; target: string; sources: string[] }[]; omitted: number };
    const all = (await me.get('/api/network')).body as Net;
    for (const limit of [2, 3, 4, 5]) {
      const net = (await me.get(`/api/network?limit=${limit}`)).body as Net;
      expect(net.nodes).toHaveLength(limit);
      expect(net.omitted).toBe(all.nodes.length - limit);
      const drawn = new Set(net.nodes.map((n) => n.id));
      const pairs = net.edges.map((e) => [e.source, e.target].sort().join('|'));
      expect(new Set(pairs).size).toBe(pairs.length);
      // Exactly the full picture's edges between the people drawn.
      const expected = all.edges.filter((e) => drawn.has(e.source) && drawn.has(e.target)).map((e) => [e.source, e.target].sort().join('|'));
      expect(pairs.sort()).toEqual(expected.sort());
    }
  });
});
