// Intros' second level reads, of each person in the middle, only the shared touches that could be
// among their best-evidenced ties (derivedTies' `strongestShared`): the strongest pair is still
// followed, and a pair that other evidence ties too keeps its shared touches. On both databases.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
const NOW = new Date('2031-03-10T10:00:00Z');
const daysAgo = (n: number) => new Date(NOW.getTime() - n * 86_400_000).toISOString();
const ids: Record<string, string> = {};

const contact = async (key: string, firstName: string, more: Record<string, unknown> = {}) => {
  const reply = await me.post('/api/contacts', { firstName, lastName: key, ...more });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  ids[key] = reply.body.id;
};
const touchTogether = (keys: string[], days: number) =>
  me.post('/api/interactions', { contactIds: keys.map((k) => ids[k]), channel: 'coffee', direction: 'outbound', intent: 'nurture', occurredAt: daysAgo(days) });

type Path = { via: { contactId: string; tie: { sources: string[]; kind: string | null } }[]; score: number };

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app);
  await contact('target', 'Teresa');
  await contact('middle', 'Marta'); // Teresa's friend, seen with many people
  await me.post(`/api/contacts/${ids.middle}/relationships`, { otherId: ids.target, kind: 'friend' });
  // Twelve people seen once with Marta, months ago: more than the ten followed from her.
  for (let i = 1; i <= 12; i++) {
    await contact(`once${i}`, `Persona${i}`);
    await touchTogether(['middle', `once${i}`], 100 + 10 * i);
  }
  // Seen with Marta six times this autumn: her strongest shared-touch tie.
  await contact('often', 'Olga');
  for (const days of [3, 10, 20, 30, 45, 60]) await touchTogether(['middle', 'often'], days);
  // Her sister (typed), also seen with her once, long ago: the tie carries both.
  await contact('sister', 'Sara');
  await me.post(`/api/contacts/${ids.sister}/relationships`, { otherId: ids.middle, kind: 'family' });
  await touchTogether(['middle', 'sister'], 900);
  // Someone she introduced (derived), also seen with her once, long ago: the same.
  await contact('introduced', 'Inés', { introducedById: ids.middle });
  await touchTogether(['middle', 'introduced'], 950);
});
afterAll(() => server.close());

describe('intros through a busy person in the middle', () => {
  it('follows her strongest shared-touch tie, and a typed tie keeps its shared touches', async () => {
    const reply = await me.get(`/api/intros?contactId=${ids.target}&limit=50`);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    const items = reply.body.items as Path[];
    const through = (key: string) => items.find((p) => p.via.length === 2 && p.via[0]!.contactId === ids[key] && p.via[1]!.contactId === ids.middle);
    expect(through('often')?.via[0]!.tie.sources).toEqual(['shared_touch']);
    expect(through('sister')?.via[0]!.tie).toMatchObject({ kind: 'family', sources: ['explicit', 'shared_touch'] });
    expect(through('introduced')?.via[0]!.tie.sources.sort()).toEqual(['introduced_by', 'shared_touch']);
    // Of the twelve seen once, the ten best are followed; the rest (weaker) are not.
    const onceFollowed = Array.from({ length: 12 }, (_, i) => through(`once${i + 1}`)).filter(Boolean);
    expect(onceFollowed.length).toBeLessThanOrEqual(10);
    expect(onceFollowed.length).toBeGreaterThan(0);
    expect(through('often')!.score).toBeGreaterThanOrEqual(Math.max(...onceFollowed.map((p) => p!.score)));
  });
});
