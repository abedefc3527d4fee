import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
// Monday 23 November 2026 in Madrid.
const NOW = new Date('2026-11-23T09:00:00Z');

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app, { timeZone: 'Europe/Madrid', language: 'es' });
});
afterAll(() => server.close());

const contact = async (firstName: string) => (await me.post('/api/contacts', { firstName })).body;
const favor = async (body: Record<string, unknown>) => {
  const reply = await me.post('/api/favors', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const followupsOf = async (contactId: string, status = 'open') => (await me.get(`/api/followups?contactId=${contactId}&status=${status}`)).body.items;

describe('closing the loop on a received favor', () => {
  it('goes open → thanked → closed with the follow-ups that lead there', async () => {
    const marta = await contact('Marta');
    const received = await favor({ contactId: marta.id, direction: 'received', kind: 'reference', effort: 'large', description: 'Reference for Acme' });
    expect(received).toMatchObject({
      loopStatus: 'open',
      occurredOn: '2026-11-23',
      suggestedGesture: { gesture: 'card_or_gift', giftIdeas: expect.arrayContaining(['flowers', 'restaurant_voucher']) },
    });
    let open = await followupsOf(marta.id);
    expect(open).toEqual([expect.objectContaining({ kind: 'thank_you', dueOn: '2026-11-25', favorId: received.id, title: 'Agradecer a Marta la referencia' })]);

    let today = (await me.get('/api/today')).body;
    expect(today.loopsToClose.map((f: { id: string }) => f.id)).toEqual([received.id]);

    const thanked = await me.post(`/api/favors/${received.id}/thank`, {});
    expect(thanked.body).toMatchObject({ loopStatus: 'thanked', thankedOn: '2026-11-23' });
    expect((await followupsOf(marta.id, 'done')).map((f: { kind: string }) => f.kind)).toEqual(['thank_you']);
    open = await followupsOf(marta.id);
    expect(open).toEqual([expect.objectContaining({ kind: 'report_outcome', dueOn: '2026-12-07' })]);
    expect((await me.post(`/api/favors/${received.id}/thank`, {})).status).toBe(409);

    const closed = await me.post(`/api/favors/${received.id}/outcome`, { outcome: 'Got the job!' });
    expect(closed.body).toMatchObject({ loopStatus: 'closed', outcome: 'Got the job!', outcomeReportedOn: '2026-11-23' });
    expect(await followupsOf(marta.id)).toEqual([]);
    today = (await me.get('/api/today')).body;
    expect(today.loopsToClose).toEqual([]);
    const review = (await me.get('/api/review/weekly')).body;
    expect(review).toMatchObject({ week: '2026-W48', loopsClosed: 1, favorsReceived: 1, followupsDone: 2 });
  });

  it('lets the outcome report date be chosen and the outcome be marked not applicable', async () => {
    const leo = await contact('Leo');
    const f = await favor({ contactId: leo.id, direction: 'received', kind: 'advice', effort: 'small' });
    expect(f.suggestedGesture).toEqual({ gesture: 'short_note', giftIdeas: [] });
    await me.post(`/api/favors/${f.id}/thank`, { thankedOn: '2026-11-22', reportDueOn: '2027-01-15' });
    expect((await followupsOf(leo.id))[0]).toMatchObject({ kind: 'report_outcome', dueOn: '2027-01-15' });
    const na = await me.post(`/api/favors/${f.id}/outcome`, { notApplicable: true });
    expect(na.body).toMatchObject({ loopStatus: 'closed', outcomeNotApplicable: true, outcomeReportedOn: null });
    expect((await followupsOf(leo.id, 'dismissed')).map((x: { kind: string }) => x.kind)).toEqual(['report_outcome']);
  });

  it('refuses an outcome with neither text nor not-applicable, and thanking a given favor', async () => {
    const c = await contact('Refusal');
    const given = await favor({ contactId: c.id, direction: 'given', kind: 'advice' });
    expect((await me.post(`/api/favors/${given.id}/thank`, {})).status).toBe(409);
    const bad = await me.post(`/api/favors/${given.id}/outcome`, {});
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('outcome');
  });

  it('uses the account delays for the follow-ups', async () => {
    await me.patch('/api/settings', { followupDelays: { thankYouDays: 1, outcomeReportDays: 30 } });
    const c = await contact('Delays');
    const f = await favor({ contactId: c.id, direction: 'received', kind: 'job_lead', effort: 'medium' });
    expect((await followupsOf(c.id))[0].dueOn).toBe('2026-11-24');
    await me.post(`/api/favors/${f.id}/thank`, {});
    expect((await followupsOf(c.id))[0].dueOn).toBe('2026-12-23');
    await me.patch('/api/settings', { followupDelays: { thankYouDays: 2, outcomeReportDays: 14 } });
  });
});

describe('introductions', () => {
  it('creates the person you were introduced to on the spot, introduced by the favor giver', async () => {
    const ines = await contact('Inés');
    const f = await favor({ contactId: ines.id, direction: 'received', kind: 'introduction', effort: 'medium', newIntroducedContact: { firstName: 'Tomás', company: 'Globex' } });
    expect(f.introducedTo.displayName).toBe('Tomás');
    const tomas = (await me.get(`/api/contacts/${f.introducedToId}`)).body;
    expect(tomas).toMatchObject({ introducedById: ines.id, source: 'referral', company: 'Globex', metOn: '2026-11-23' });
  });
});

describe('favors given and reciprocity', () => {
  it('shows whether they reported back, and lists the ones with no news after 30 days', async () => {
    const raul = await contact('Raúl');
    const old = await favor({ contactId: raul.id, direction: 'given', kind: 'introduction', occurredOn: '2026-10-01' });
    const recent = await favor({ contactId: raul.id, direction: 'given', kind: 'advice', occurredOn: '2026-11-10' });
    expect(old.noNews).toBe(true);
    expect(recent.noNews).toBe(false);
    const noNews = (await me.get('/api/favors?noNews=true')).body.items.map((x: { id: string }) => x.id);
    expect(noNews).toContain(old.id);
    expect(noNews).not.toContain(recent.id);
    const reported = await me.post(`/api/favors/${old.id}/outcome`, { outcome: 'They signed the client' });
    expect(reported.body).toMatchObject({ noNews: false, outcomeReportedOn: '2026-11-23', loopStatus: 'closed' });
    expect((await me.get(`/api/contacts/${raul.id}`)).body.reciprocity).toEqual({ given: 2, received: 0 });
  });

  it('suggests giving to someone who helped twice with nothing back', async () => {
    const sofia = await contact('Sofía');
    await favor({ contactId: sofia.id, direction: 'received', kind: 'advice', occurredOn: '2026-06-01' });
    await favor({ contactId: sofia.id, direction: 'received', kind: 'job_lead', occurredOn: '2026-09-01' });
    const today = (await me.get('/api/today')).body;
    expect(today.giveBack).toEqual(expect.arrayContaining([{ id: sofia.id, displayName: 'Sofía', received: 2 }]));
    const summary = (await me.get('/api/favors/reciprocity')).body;
    expect(summary.suggestGiveTo.map((c: { id: string }) => c.id)).toContain(sofia.id);
    expect(summary.received).toBeGreaterThanOrEqual(2);
  });
});

describe('deleting', () => {
  it('deleting a contact removes their favors and follow-ups and says so first', async () => {
    const gone = await contact('Gone');
    const f = await favor({ contactId: gone.id, direction: 'received', kind: 'advice' });
    expect((await me.get(`/api/contacts/${gone.id}/delete-impact`)).body).toMatchObject({ favors: 1, followups: 1 });
    await me.del(`/api/contacts/${gone.id}`);
    expect((await me.get(`/api/favors/${f.id}`)).status).toBe(404);
    expect((await me.get(`/api/followups?contactId=${gone.id}`)).body.items).toEqual([]);
  });

  it('deleting a favor removes its follow-ups; the timeline shows favors', async () => {
    const c = await contact('Timeline');
    const f = await favor({ contactId: c.id, direction: 'received', kind: 'feedback' });
    const timeline = (await me.get(`/api/contacts/${c.id}/timeline`)).body.items;
    expect(timeline.map((e: { type: string }) => e.type).sort()).toEqual(['favor', 'followup']);
    expect((await me.del(`/api/favors/${f.id}`)).status).toBe(204);
    expect(await followupsOf(c.id)).toEqual([]);
  });
});

describe('weekly review', () => {
  it('validates the week and answers for a past one', async () => {
    expect((await me.get('/api/review/weekly?week=2025-W53')).status).toBe(400);
    expect((await me.get('/api/review/weekly?week=nonsense')).status).toBe(400);
    const past = (await me.get('/api/review/weekly?week=2026-W40')).body;
    expect(past).toMatchObject({ week: '2026-W40', startsOn: '2026-09-28', endsOn: '2026-10-04', favorsGiven: 1 });
    expect(past.history).toHaveLength(12);
  });

  it('counts stage moves, online to in person flagged', async () => {
    const c = await contact('Stage');
    await me.patch(`/api/contacts/${c.id}`, { stage: 'met_online' });
    await me.patch(`/api/contacts/${c.id}`, { stage: 'met_in_person' });
    const moves = (await me.get('/api/review/weekly')).body.stageMoves.filter((m: { contactId: string }) => m.contactId === c.id);
    expect(moves.map((m: { from: string; to: string; toInPerson: boolean }) => [m.from, m.to, m.toInPerson])).toEqual([
      ['new', 'met_online', false],
      ['met_online', 'met_in_person', true],
    ]);
  });
});
