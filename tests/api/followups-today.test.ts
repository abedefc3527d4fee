import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;

// Monday 23 November 2026, 10:00 in Madrid.
const NOW = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app, { timeZone: 'Europe/Madrid' });
});
afterAll(() => server.close());

const contact = async (body: Record<string, unknown>) => (await me.post('/api/contacts', body)).body;
const followup = async (body: Record<string, unknown>) => {
  const reply = await me.post('/api/followups', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const titles = (list: { title: string }[]) => list.map((f) => f.title);

describe('follow-ups on Today', () => {
  it('splits overdue and due today, hides future and snoozed, and keeps done in the history', async () => {
    const ana = await contact({ firstName: 'Ana' });
    await followup({ contactId: ana.id, dueOn: '2026-11-20', title: 'Overdue' });
    const dueToday = await followup({ contactId: ana.id, dueOn: '2026-11-23', title: 'Today', kind: 'thank_you' });
    await followup({ contactId: ana.id, dueOn: '2026-11-24', title: 'Tomorrow' });
    const snoozed = await followup({ contactId: ana.id, dueOn: '2026-11-22', title: 'Snoozed' });

    const snooze = await me.patch(`/api/followups/${snoozed.id}`, { status: 'snoozed', snoozedUntil: '2026-11-30' });
    expect(snooze.body).toMatchObject({ status: 'snoozed', snoozedUntil: '2026-11-30' });

    let today = (await me.get('/api/today')).body;
    expect(today.date).toBe('2026-11-23');
    expect(titles(today.overdue)).toEqual(['Overdue']);
    expect(titles(today.dueToday)).toEqual(['Today']);
    expect(today.counts).toEqual({ overdue: 1, dueToday: 1 });

    const done = await me.patch(`/api/followups/${dueToday.id}`, { status: 'done' });
    expect(done.body.status).toBe('done');
    expect(done.body.completedAt).toBe(NOW.toISOString());
    today = (await me.get('/api/today')).body;
    expect(titles(today.dueToday)).toEqual([]);
    expect(today.week.followupsDone).toBe(1);
    expect(titles((await me.get(`/api/followups?contactId=${ana.id}&status=done`)).body.items)).toEqual(['Today']);

    // A week later the snooze is over: it is back, due since the 30th.
    server.setNow(new Date('2026-11-30T09:00:00Z'));
    today = (await me.get('/api/today')).body;
    expect(titles(today.dueToday)).toEqual(['Snoozed']);
    expect(titles(today.overdue)).toEqual(['Overdue', 'Tomorrow']);
    server.setNow(NOW);
  });

  it('uses the user time zone for "today"', async () => {
    const late = await contact({ firstName: 'Late' });
    await followup({ contactId: late.id, dueOn: '2026-11-24', title: 'Madrid tomorrow' });
    // 23:30 UTC on the 23rd is already the 24th in Madrid.
    server.setNow(new Date('2026-11-23T23:30:00Z'));
    expect(titles((await me.get('/api/today')).body.dueToday)).toContain('Madrid tomorrow');
    server.setNow(NOW);
  });

  it('dismisses and reopens', async () => {
    const c = await contact({ firstName: 'Dee' });
    const f = await followup({ contactId: c.id, dueOn: '2026-11-23', title: 'Maybe' });
    expect((await me.patch(`/api/followups/${f.id}`, { status: 'dismissed' })).body.status).toBe('dismissed');
    expect(titles((await me.get('/api/today')).body.dueToday)).not.toContain('Maybe');
    expect((await me.patch(`/api/followups/${f.id}`, { status: 'open' })).body.status).toBe('open');
    expect(titles((await me.get('/api/today')).body.dueToday)).toContain('Maybe');
  });

  it('refuses a snooze without a date and a follow-up for an unknown contact', async () => {
    const c = await contact({ firstName: 'Eli' });
    const f = await followup({ contactId: c.id, dueOn: '2026-11-23', title: 'X' });
    const bad = await me.patch(`/api/followups/${f.id}`, { status: 'snoozed' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('snoozedUntil');
    const ghost = await me.post('/api/followups', { contactId: '00000000-0000-4000-8000-000000000000', dueOn: '2026-11-23', title: 'X' });
    expect(ghost.status).toBe(400);
    expect((await me.post('/api/followups', { contactId: c.id, dueOn: '2026-02-30', title: 'X' })).status).toBe(400);
  });
});

describe('keep in touch', () => {
  it('suggests contacts past their cadence, most overdue relative to cadence first', async () => {
    const fresh = await startTestServer();
    fresh.setNow(NOW);
    const user = await setupOwner(fresh.app, { timeZone: 'Europe/Madrid' });
    const add = async (body: Record<string, unknown>) => (await user.post('/api/contacts', body)).body;
    const touch = (id: string, occurredAt: string) =>
      user.post('/api/interactions', { contactIds: [id], channel: 'call', direction: 'outbound', intent: 'nurture', occurredAt });

    const friend = await add({ firstName: 'Friend', circle: 'personal' }); // 40 days / 30 → 1.33
    const colleague = await add({ firstName: 'Colleague', circle: 'professional' }); // 70 / 60 → 1.17
    const custom = await add({ firstName: 'Weekly', circle: 'professional', cadenceDays: 7 }); // 10 / 7 → 1.43
    const recent = await add({ firstName: 'Recent', circle: 'personal' }); // 5 / 30: not due
    const never = await add({ firstName: 'Never', circle: 'opportunity', metOn: '2026-01-01' }); // 326 / 120 → 2.7
    await touch(friend.id, '2026-10-14T10:00:00Z');
    await touch(colleague.id, '2026-09-14T10:00:00Z');
    await touch(custom.id, '2026-11-13T10:00:00Z');
    await touch(recent.id, '2026-11-18T10:00:00Z');

    const today = (await user.get('/api/today')).body;
    expect(today.keepInTouch.map((k: { displayName: string }) => k.displayName)).toEqual(['Never', 'Weekly', 'Friend', 'Colleague']);
    expect(today.keepInTouch[2]).toMatchObject({ cadenceDays: 30, dueOn: '2026-11-13', daysOverdue: 10 });

    // The due filter of the list agrees with the suggestions.
    const due = (await user.get('/api/contacts?due=true')).body.items.map((c: { displayName: string }) => c.displayName).sort();
    expect(due).toEqual(['Colleague', 'Friend', 'Never', 'Weekly']);
    const detail = (await user.get(`/api/contacts/${friend.id}`)).body;
    expect(detail).toMatchObject({ keepInTouchDueOn: '2026-11-13', lastInteractionAt: '2026-10-14T10:00:00.000Z' });

    // A new touch takes them off the list; account cadences are editable.
    await touch(friend.id, '2026-11-22T10:00:00Z');
    await user.patch('/api/settings', { cadences: { professional: 90 } });
    const after = (await user.get('/api/today')).body.keepInTouch.map((k: { displayName: string }) => k.displayName);
    expect(after).toEqual(['Never', 'Weekly']);
    await fresh.close();
  });
});

describe('touches', () => {
  it('logs a touch with several contacts, updates and deletes it, keeping last-touch dates right', async () => {
    const a = await contact({ firstName: 'Alpha' });
    const b = await contact({ firstName: 'Beta' });
    const created = await me.post('/api/interactions', {
      contactIds: [a.id, b.id, a.id],
      channel: 'coffee',
      direction: 'outbound',
      intent: 'give',
      summary: 'Shared a job lead',
      occurredAt: '2026-11-20T08:00:00Z',
    });
    expect(created.status).toBe(201);
    expect(created.body.contactIds.sort()).toEqual([a.id, b.id].sort());
    expect((await me.get(`/api/contacts/${b.id}`)).body.lastInteractionAt).toBe('2026-11-20T08:00:00.000Z');

    const moved = await me.patch(`/api/interactions/${created.body.id}`, { contactIds: [a.id], occurredAt: '2026-11-21T08:00:00Z' });
    expect(moved.body.contactIds).toEqual([a.id]);
    expect((await me.get(`/api/contacts/${b.id}`)).body.lastInteractionAt).toBeNull();
    expect((await me.get(`/api/contacts/${a.id}`)).body.lastInteractionAt).toBe('2026-11-21T08:00:00.000Z');

    const listed = await me.get(`/api/interactions?contactId=${a.id}&from=2026-11-21&to=2026-11-22`);
    expect(listed.body.items.map((i: { id: string }) => i.id)).toEqual([created.body.id]);
    expect((await me.get(`/api/interactions?contactId=${a.id}&from=2026-11-22`)).body.items).toEqual([]);

    const timeline = (await me.get(`/api/contacts/${a.id}/timeline`)).body.items;
    expect(timeline[0]).toMatchObject({ type: 'interaction', interaction: { summary: 'Shared a job lead' } });

    expect((await me.del(`/api/interactions/${created.body.id}`)).status).toBe(204);
    expect((await me.get(`/api/contacts/${a.id}`)).body.lastInteractionAt).toBeNull();
  });

  it('lists touches newest first, a page at a time, each once (equal times by id, newest id first)', async () => {
    const who = await contact({ firstName: 'Paged' });
    const at = ['2026-10-01T09:00:00Z', '2026-10-03T09:00:00Z', '2026-10-03T09:00:00Z', '2026-10-02T09:00:00Z', '2026-10-03T09:00:00Z'];
    const ids: string[] = [];
    for (const occurredAt of at) ids.push((await me.post('/api/interactions', { contactIds: [who.id], channel: 'call', direction: 'outbound', intent: 'nurture', occurredAt })).body.id);
    const seen: { id: string; occurredAt: string }[] = [];
    let cursor: string | null = null;
    do {
      const page: { status: number; body: { items: { id: string; occurredAt: string }[]; nextCursor: string | null } } = await me.get(
        `/api/interactions?contactId=${who.id}&limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
    } while (cursor);
    const sameTime = ids.filter((_, i) => at[i] === '2026-10-03T09:00:00Z').sort().reverse();
    expect(seen.map((t) => t.id)).toEqual([...sameTime, ids[3], ids[0]]);
  });

  it('defaults the time to now and refuses unknown enums', async () => {
    const c = await contact({ firstName: 'Now' });
    const created = await me.post('/api/interactions', { contactIds: [c.id], channel: 'video', direction: 'inbound', intent: 'reply' });
    expect(created.body.occurredAt).toBe(NOW.toISOString());
    const bad = await me.post('/api/interactions', { contactIds: [], channel: 'pigeon', direction: 'sideways', intent: 'ask' });
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['channel', 'contactIds', 'direction']);
  });

  it('warns when outreach is mostly asks', async () => {
    const c = await contact({ firstName: 'Asked' });
    for (const day of ['2026-11-01', '2026-11-08', '2026-11-15']) {
      await me.post('/api/interactions', { contactIds: [c.id], channel: 'email', direction: 'outbound', intent: 'ask', occurredAt: `${day}T10:00:00Z` });
    }
    const asked = (await me.get(`/api/contacts/${c.id}`)).body;
    expect(asked).toMatchObject({ askShare: 1, askOnly: true });
    await me.post('/api/interactions', { contactIds: [c.id], channel: 'email', direction: 'outbound', intent: 'give', occurredAt: '2026-11-20T10:00:00Z' });
    await me.post('/api/interactions', { contactIds: [c.id], channel: 'email', direction: 'outbound', intent: 'nurture', occurredAt: '2026-11-21T10:00:00Z' });
    await me.post('/api/interactions', { contactIds: [c.id], channel: 'email', direction: 'outbound', intent: 'give', occurredAt: '2026-11-22T10:00:00Z' });
    expect((await me.get(`/api/contacts/${c.id}`)).body).toMatchObject({ askShare: 0.5, askOnly: false });
  });
});

describe('empty edits', () => {
  it('an empty PATCH changes nothing and answers the record', async () => {
    const c = await contact({ firstName: 'Empty' });
    const f = await followup({ contactId: c.id, dueOn: '2026-11-23', title: 'Same' });
    const reply = await me.patch(`/api/followups/${f.id}`, {});
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual(f);
    expect((await me.patch('/api/profile', {})).status).toBe(200);
    expect((await me.patch('/api/settings', {})).status).toBe(200);
  });
});
