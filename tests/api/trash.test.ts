// The trash: every deleted contact (web, API or phone) can be restored for 30 days with its whole
// history; after that, or when the trash is emptied, it is gone. Times are the app's clock.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let alice: ApiClient;
const DAY = 86_400_000;
const START = new Date('2031-05-04T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(START);
  alice = await setupOwner(server.app);
});
afterAll(() => server.close());

async function contactWithHistory(firstName: string) {
  const id = (await alice.post('/api/contacts', { firstName, lastName: 'Trash', emails: [`${firstName.toLowerCase()}@example.com`], stage: 'relationship' })).body.id;
  const other = (await alice.post('/api/contacts', { firstName: `${firstName}'s friend` })).body.id;
  const introduced = (await alice.post('/api/contacts', { firstName: `${firstName}'s intro`, introducedById: id })).body.id;
  await alice.post('/api/interactions', { contactIds: [id], channel: 'coffee', direction: 'outbound', intent: 'nurture', summary: 'Only with them' });
  await alice.post('/api/interactions', { contactIds: [id, other], channel: 'meal', direction: 'outbound', intent: 'give', summary: 'Shared lunch' });
  await alice.post('/api/followups', { contactId: id, dueOn: '2031-06-01', title: 'Send the article' });
  await alice.post('/api/favors', { contactId: id, direction: 'received', kind: 'advice', description: 'CV review' });
  const event = (await alice.post('/api/events', { name: 'Meetup', startsAt: '2031-05-20T18:00:00Z' })).body.id;
  await alice.post(`/api/events/${event}/attendees`, { contactId: id, target: true, why: 'Talk about AI' });
  const campaign = (await alice.post('/api/campaigns', { name: 'Find a job', goal: 'job_search' })).body.id;
  await alice.post(`/api/campaigns/${campaign}/members`, { contactId: id });
  expect((await alice.post(`/api/contacts/${id}/relationships`, { otherId: other, kind: 'friend', note: 'Climbing partners' })).status).toBe(201);
  return { id, other, introduced, event, campaign };
}

const timelineOf = async (id: string) => (await alice.get(`/api/contacts/${id}/timeline?limit=100`)).body.items;
const trashed = async () => (await alice.get('/api/trash')).body as { id: string; contactId: string; displayName: string; deletedAt: string; purgeAt: string }[];

describe('the trash', () => {
  it('restores a deleted contact with its touches, follow-ups, favors, events, campaigns, ties and introductions', async () => {
    const c = await contactWithHistory('Rita');
    const tiesOf = async (id: string) => (await alice.get(`/api/contacts/${id}/relationships`)).body;
    const before = { contact: (await alice.get(`/api/contacts/${c.id}`)).body, timeline: await timelineOf(c.id), ties: await tiesOf(c.id) };
    expect(JSON.stringify(before.ties)).toContain('Climbing partners');
    expect(before.timeline.length).toBeGreaterThanOrEqual(4);

    expect((await alice.del(`/api/contacts/${c.id}`)).status).toBe(204);
    expect((await alice.get(`/api/contacts/${c.id}`)).status).toBe(404);
    expect((await alice.get(`/api/contacts/${c.introduced}`)).body.introducedBy).toBeNull();
    // The shared lunch stays with the other person.
    expect((await timelineOf(c.other)).length).toBe(1);
    const [entry] = await trashed();
    expect(entry).toMatchObject({ contactId: c.id, displayName: 'Rita Trash', deletedAt: START.toISOString() });
    expect(new Date(entry!.purgeAt).getTime()).toBe(START.getTime() + 30 * DAY);

    const restored = await alice.post(`/api/trash/${entry!.id}/restore`);
    expect(restored.status).toBe(200);
    expect(restored.body).toEqual({ contactId: c.id });
    const after = (await alice.get(`/api/contacts/${c.id}`)).body;
    expect(after).toEqual(before.contact);
    expect(await timelineOf(c.id)).toEqual(before.timeline);
    expect(await tiesOf(c.id)).toEqual(before.ties);
    expect((await alice.get(`/api/contacts/${c.introduced}`)).body.introducedBy).toEqual({ id: c.id, displayName: 'Rita Trash' });
    expect((await alice.get(`/api/events/${c.event}`)).body.attendees.map((a: { contactId: string }) => a.contactId)).toContain(c.id);
    expect((await alice.get(`/api/contacts/${c.id}/campaigns`)).body).toHaveLength(1);
    expect(await trashed()).toEqual([]);
    // Restoring twice: the entry is gone.
    expect((await alice.post(`/api/trash/${entry!.id}/restore`)).status).toBe(404);
  });

  it('restores what it can when a record it belonged to was deleted meanwhile', async () => {
    const c = await contactWithHistory('Luis');
    await alice.del(`/api/contacts/${c.id}`);
    await alice.del(`/api/events/${c.event}`);
    const [entry] = await trashed();
    expect((await alice.post(`/api/trash/${entry!.id}/restore`)).status).toBe(200);
    expect((await alice.get(`/api/contacts/${c.id}`)).status).toBe(200);
    expect((await alice.get(`/api/contacts/${c.id}/campaigns`)).body).toHaveLength(1);
  });

  it('restores a shared touch at the time it has now, if it was moved while they were in the trash', async () => {
    const ana = (await alice.post('/api/contacts', { firstName: 'Ana', lastName: 'Moved' })).body.id;
    const bea = (await alice.post('/api/contacts', { firstName: 'Bea', lastName: 'Moved' })).body.id;
    const lunch = (await alice.post('/api/interactions', { contactIds: [ana, bea], channel: 'meal', direction: 'outbound', intent: 'nurture', occurredAt: '2031-04-01T12:00:00Z' })).body.id;
    await alice.del(`/api/contacts/${ana}`);
    expect((await alice.patch(`/api/interactions/${lunch}`, { occurredAt: '2031-04-20T12:00:00Z' })).status).toBe(200);
    const entry = (await trashed()).find((t) => t.contactId === ana);
    expect((await alice.post(`/api/trash/${entry!.id}/restore`)).status).toBe(200);
    // Her contact and her tie with Bea count the lunch on the 20th, as Bea's do.
    expect((await alice.get(`/api/contacts/${ana}`)).body.lastInteractionAt).toBe('2031-04-20T12:00:00.000Z');
    const [pair] = await queryRows<{ last_at: Date }>(server.database.db, sql`select last_at from shared_touches where contact_id = ${ana} and other_id = ${bea}`);
    expect(new Date(pair!.last_at).toISOString()).toBe('2031-04-20T12:00:00.000Z');
    const [link] = await queryRows<{ occurred_at: Date }>(server.database.db, sql`select occurred_at from interaction_contacts where contact_id = ${ana} and interaction_id = ${lunch}`);
    expect(new Date(link!.occurred_at).toISOString()).toBe('2031-04-20T12:00:00.000Z');
  });

  it('keeps a deleted contact 30 days by the app’s clock, then purges it', async () => {
    const id = (await alice.post('/api/contacts', { firstName: 'Old' })).body.id;
    await alice.del(`/api/contacts/${id}`);
    // A month on, the web session has ended: an API token reads the trash.
    const token = (await alice.post('/api/tokens', { name: 'a month later' })).body.token;
    const listed = async () => (await rawCall(server.app, 'GET', '/api/trash', { headers: { authorization: `Bearer ${token}` } })).body as { contactId: string }[];
    try {
      server.setNow(new Date(START.getTime() + 30 * DAY - 60_000));
      expect((await listed()).map((t) => t.contactId)).toEqual([id]);
      server.setNow(new Date(START.getTime() + 30 * DAY + 60_000));
      expect(await listed()).toEqual([]);
    } finally {
      server.setNow(START);
    }
  });

  it('can be emptied', async () => {
    for (const firstName of ['Uno', 'Dos']) await alice.del(`/api/contacts/${(await alice.post('/api/contacts', { firstName })).body.id}`);
    expect(await trashed()).toHaveLength(2);
    expect((await alice.call('DELETE', '/api/trash')).body).toEqual({ deleted: 2 });
    expect(await trashed()).toEqual([]);
  });
});
