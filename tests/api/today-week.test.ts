// Today's week tally counts by the user's calendar week (docs/domain.md): new contacts by the day
// they were met, or created when no meeting date; touches and done follow-ups by when they happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(new Date('2026-11-23T09:00:00Z'));
  me = await setupOwner(server.app, { timeZone: 'Europe/Madrid' });
});
afterAll(() => server.close());

const created = async (path: string, body: Record<string, unknown>) => {
  const reply = await me.post(path, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body as { id: string };
};

describe('the week tally on Today', () => {
  it('counts the week in the user time zone: met that week, or created then without a meeting date', async () => {
    // Sunday 22 November, 23:30 in Madrid: the week before (W47).
    server.setNow(new Date('2026-11-22T22:30:00Z'));
    await created('/api/contacts', { firstName: 'Sunday' });
    const lastWeek = await created('/api/followups', { contactId: (await created('/api/contacts', { firstName: 'Helper', metOn: '2026-11-10' })).id, dueOn: '2026-11-22', title: 'Done last week' });
    expect((await me.patch(`/api/followups/${lastWeek.id}`, { status: 'done' })).status).toBe(200);
    // Monday 23 November, 00:30 in Madrid (still the 22nd in UTC): this week (W48).
    server.setNow(new Date('2026-11-22T23:30:00Z'));
    const monday = await created('/api/contacts', { firstName: 'Monday' });
    await created('/api/contacts', { firstName: 'Met', lastName: 'Wednesday', metOn: '2026-11-25' });
    await created('/api/contacts', { firstName: 'Met', lastName: 'Sunday', metOn: '2026-11-29' });
    await created('/api/contacts', { firstName: 'Met', lastName: 'Before', metOn: '2026-11-16' });
    await created('/api/contacts', { firstName: 'Met', lastName: 'Last Sunday', metOn: '2026-11-22' });
    const touch = (occurredAt: string) =>
      created('/api/interactions', { contactIds: [monday.id], channel: 'call', direction: 'outbound', intent: 'nurture', occurredAt });
    await touch('2026-11-22T22:30:00Z'); // Sunday 23:30 in Madrid: last week
    await touch('2026-11-22T23:15:00Z'); // Monday 00:15 in Madrid: this week
    const thisWeek = await created('/api/followups', { contactId: monday.id, dueOn: '2026-11-24', title: 'Done this week' });
    // Sunday 29 November, 23:45 in Madrid: the last minutes of W48.
    server.setNow(new Date('2026-11-29T22:45:00Z'));
    await touch('2026-11-29T22:30:00Z');
    expect((await me.patch(`/api/followups/${thisWeek.id}`, { status: 'done' })).status).toBe(200);

    const today = (await me.get('/api/today')).body;
    expect(today.date).toBe('2026-11-29');
    expect(today.week).toMatchObject({ week: '2026-W48', newContacts: { count: 3 }, touches: 2, followupsDone: 1 });
  });
});
