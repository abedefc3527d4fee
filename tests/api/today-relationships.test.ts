// Today keeps in touch with relationships, not with every connection
// (docs/domain.md#relationships-not-connections).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
const NOW = new Date('2031-06-10T10:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app);
  await me.patch('/api/profile', { companies: ['Globant'], schools: ['Universidad de Chile'] });
});
afterAll(() => server.close());

/** Met two years ago: long past any cadence unless touched since. */
const contact = async (body: Record<string, unknown>) => {
  const reply = await me.post('/api/contacts', { metOn: '2029-06-01', ...body });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string };
};
const touch = (id: string, days: number, channel = 'coffee', direction = 'outbound') =>
  me.post('/api/interactions', { contactIds: [id], channel, direction, intent: 'nurture', occurredAt: daysAgo(days) });

describe('keep in touch with relationships', () => {
  it('does not nag about connections never engaged, ranks a cooling strong tie first, and offers a few to engage', async () => {
    const stranger = await contact({ firstName: 'José', lastName: 'Importado', source: 'linkedin' });
    const sameSchool = await contact({ firstName: 'Rosa', source: 'linkedin', schools: ['Universidad de Chile'] });
    const sameCompany = await contact({ firstName: 'Tomás', source: 'linkedin', company: 'Globant' });
    const inCampaign = await contact({ firstName: 'Úrsula', source: 'csv' });
    const withCadence = await contact({ firstName: 'Valeria', source: 'vcard', cadenceDays: 90 });
    const weak = await contact({ firstName: 'Walter', source: 'manual' });
    const strong = await contact({ firstName: 'Ximena', source: 'linkedin' });
    const campaign = (await me.post('/api/campaigns', { name: 'Search', goal: 'job_search' })).body;
    await me.post(`/api/campaigns/${campaign.id}/members`, { contactId: inCampaign.id });
    // A strong tie, silent for 70 days: less overdue than Walter, who was added 2 years ago.
    for (const [days, direction] of [[70, 'inbound'], [75, 'outbound'], [80, 'inbound'], [90, 'outbound'], [100, 'inbound'], [110, 'outbound']] as const) {
      await touch(strong.id, days, 'meal', direction);
    }
    await me.post('/api/favors', { contactId: strong.id, direction: 'received', kind: 'advice', occurredOn: '2031-03-01' });

    const todayReply = await me.get('/api/today');
    expect(todayReply.status, JSON.stringify(todayReply.body)).toBe(200);
    const today = todayReply.body;
    const shown = today.keepInTouch.map((k: { contactId: string }) => k.contactId);
    expect(shown[0]).toBe(strong.id);
    expect(today.keepInTouch[0]).toMatchObject({ why: 'strong_tie_cooling', strength: { score: expect.any(Number) } });
    expect(today.keepInTouch[0].strength.score).toBeGreaterThanOrEqual(50);
    expect(shown).toEqual(expect.arrayContaining([weak.id, inCampaign.id, withCadence.id]));
    for (const quiet of [stranger.id, sameSchool.id, sameCompany.id]) expect(shown).not.toContain(quiet);
    expect(today.keepInTouch.find((k: { contactId: string }) => k.contactId === weak.id).why).toBe('overdue');

    const offered = (await me.get('/api/today/connections')).body;
    expect(offered.notNagged).toBe(3);
    expect(offered.items.map((c: { contactId: string }) => c.contactId)).toEqual([sameCompany.id, sameSchool.id]);
    expect(offered.items[0].commonPoints).toEqual([expect.objectContaining({ kind: 'company' })]);

    // One touch and José is a relationship to keep: no longer offered, counted as engaged.
    await touch(stranger.id, 200, 'linkedin');
    expect((await me.get('/api/today/connections')).body.notNagged).toBe(2);
    expect((await me.get('/api/today')).body.keepInTouch.map((k: { contactId: string }) => k.contactId)).toContain(stranger.id);
  });
});
