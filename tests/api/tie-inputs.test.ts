// What tie strength reads per contact (features/relationships/strength.ts, loadTieInputs) against
// the same facts computed here from the touches and favors as they were logged: the newest touch
// up to now and its channel, the touches and inbound ones of the last 365 days, the deepest channel
// among them (depthOf, src/shared/rules/tie-strength.ts) and the favors of reciprocity's window.
// The SQL reads them for a page of ids, for a thousand and more (as JSON), and for the whole account
// (the network): all three must agree with each other and with this file's plain loop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { channels, directions, type Channel } from '../../src/shared/enums.js';
import { depthOf, depths, type Depth, type TieInputs } from '../../src/shared/rules/tie-strength.js';
import { RECIPROCITY_DAYS } from '../../src/shared/rules/favors.js';
import { addDays } from '../../src/shared/rules/time.js';
import { loadTieInputs } from '../../src/server/features/relationships/strength.js';
import { loadUserContext } from '../../src/server/features/settings/user-context.js';
import { Rng } from '../../bench/prng.js';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
const NOW = new Date('2031-06-15T12:00:00Z');
const DAY = 86_400_000;

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app, { name: 'Tomás Lazos', timeZone: 'Europe/Madrid' });
});
afterAll(() => server.close());

interface Logged {
  id: string;
  contactIds: string[];
  occurredAt: Date;
  channel: Channel;
  direction: (typeof directions)[number];
}

function expectedInputs(contactId: string, touches: Logged[], favors: { contactId: string; direction: string; occurredOn: string }[], today: string): TieInputs {
  const mine = touches.filter((t) => t.contactIds.includes(contactId) && t.occurredAt.getTime() <= NOW.getTime());
  const newest = [...mine].sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime() || (a.id < b.id ? 1 : -1))[0];
  const year = mine.filter((t) => t.occurredAt.getTime() > NOW.getTime() - 365 * DAY);
  let deepest: Depth | null = null;
  for (const t of year) if (deepest === null || depths.indexOf(depthOf(t.channel)) > depths.indexOf(deepest)) deepest = depthOf(t.channel);
  const window = favors.filter((f) => f.contactId === contactId && f.occurredOn > addDays(today, -RECIPROCITY_DAYS) && f.occurredOn <= today);
  return {
    lastTouch: newest ? { at: newest.occurredAt, channel: newest.channel } : null,
    touches: year.length,
    inbound: year.filter((t) => t.direction === 'inbound').length,
    deepest,
    favorsGiven: window.filter((f) => f.direction === 'given').length,
    favorsReceived: window.filter((f) => f.direction === 'received').length,
  };
}

describe('tie strength inputs', () => {
  it('agree with the touches and favors as logged, for a page, for a thousand ids and for the whole account', async () => {
    const random = new Rng(20311);
    const ids: string[] = [];
    for (let i = 0; i < 24; i++) {
      const reply = await me.post('/api/contacts', { firstName: `Persona ${i}` });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      ids.push(reply.body.id);
    }
    const touches: Logged[] = [];
    // Every channel at least once, then random ones: some older than a year, some in the future
    // (logged ahead: never the last touch), some with two people.
    for (let i = 0; i < 90; i++) {
      const channel = i < channels.length ? channels[i]! : random.pick(channels);
      const direction = random.pick(directions);
      const daysAgo = random.int(-20, 479);
      const people = [random.pick(ids.slice(0, 20))];
      if (random.chance(0.2)) people.push(random.pick(ids.slice(0, 20)));
      const contactIds = [...new Set(people)];
      const occurredAt = new Date(NOW.getTime() - daysAgo * DAY - random.int(0, DAY - 1));
      const intent = direction === 'inbound' ? 'reply' : 'nurture';
      const reply = await me.post('/api/interactions', { contactIds, channel, direction, intent, occurredAt: occurredAt.toISOString() });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      touches.push({ id: reply.body.id, contactIds, occurredAt, channel, direction });
    }
    // One person touched only long ago, one only ahead of time.
    for (const [contactId, daysAgo] of [[ids[22]!, 400], [ids[23]!, -3]] as const) {
      const occurredAt = new Date(NOW.getTime() - daysAgo * DAY);
      const reply = await me.post('/api/interactions', { contactIds: [contactId], channel: 'call', direction: 'outbound', intent: 'nurture', occurredAt: occurredAt.toISOString() });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      touches.push({ id: reply.body.id, contactIds: [contactId], occurredAt, channel: 'call', direction: 'outbound' });
    }
    const favors: { contactId: string; direction: string; occurredOn: string }[] = [];
    for (const [contactId, direction, occurredOn] of [
      [ids[1]!, 'given', '2031-06-01'],
      [ids[1]!, 'received', '2030-01-01'],
      [ids[21]!, 'received', '2031-05-30'],
    ] as const) {
      const reply = await me.post('/api/favors', { contactId, direction, kind: 'advice', occurredOn });
      expect(reply.status, JSON.stringify(reply.body)).toBe(201);
      favors.push({ contactId, direction, occurredOn });
    }

    const user = await loadUserContext(server.database.db, { accountId: me.user.accountId, userId: me.user.id, via: 'token', csrfToken: null }, NOW);
    const expected = new Map(ids.map((id) => [id, expectedInputs(id, touches, favors, user.today)]));
    const page = await loadTieInputs(server.database.db, user, ids);
    // A thousand ids and more are read as JSON: the same contacts, padded with ids of nobody.
    const padded = [...ids, ...Array.from({ length: 1_000 }, (_, i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`)];
    const many = await loadTieInputs(server.database.db, user, padded);
    const all = await loadTieInputs(server.database.db, user, 'all');
    for (const id of ids) {
      const want = expected.get(id)!;
      expect(page.get(id), `page, ${id}`).toEqual(want);
      expect(many.get(id), `a thousand ids, ${id}`).toEqual(want);
      // The whole account leaves out who has neither a touch up to now nor a favor in the window.
      if (want.lastTouch || want.favorsGiven || want.favorsReceived) expect(all.get(id), `all, ${id}`).toEqual(want);
      else expect(all.has(id), `all, ${id}`).toBe(false);
    }
    // The test means something: several depths, people never touched, people only touched long ago.
    expect(new Set([...expected.values()].map((e) => e.deepest)).size).toBeGreaterThanOrEqual(4);
    expect([...expected.values()].some((e) => e.lastTouch && e.touches === 0)).toBe(true);
    expect([...expected.values()].filter((e) => !e.lastTouch).length).toBeGreaterThanOrEqual(3);
  });
});
