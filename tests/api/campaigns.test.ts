import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
// Monday 23 November 2026 (2026-W48), 10:00 in Madrid.
const NOW = new Date('2026-11-23T09:00:00Z');
const PITCH = 'I build data platforms and I am moving into the energy sector.';

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app, { name: 'Alex Rivera', timeZone: 'Europe/Madrid', language: 'en' });
  await me.patch('/api/profile', { pitchShort: PITCH, weeklyTarget: 4 });
});
afterAll(() => server.close());

const contact = async (body: Record<string, unknown>) => (await me.post('/api/contacts', body)).body;
const createCampaign = async (body: Record<string, unknown>) => {
  const reply = await me.post('/api/campaigns', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const join = async (campaignId: string, contactId: string) => {
  const reply = await me.post(`/api/campaigns/${campaignId}/members`, { contactId });
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const move = async (campaignId: string, contactId: string, body: Record<string, unknown>) => {
  const reply = await me.patch(`/api/campaigns/${campaignId}/members/${contactId}`, body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(200);
  return reply.body;
};
const touchesOf = async (contactId: string) => (await me.get(`/api/interactions?contactId=${contactId}`)).body.items;
const followupsOf = async (contactId: string, status = 'open') => (await me.get(`/api/followups?contactId=${contactId}&status=${status}`)).body.items;

describe('a job-search campaign', () => {
  it('starts with the closest people, logs the advice meeting, and snowballs two referrals into a second generation', async () => {
    const marta = await contact({ firstName: 'Marta', company: 'Iberdrola', circle: 'personal', stage: 'trusted' });
    const jorge = await contact({ firstName: 'Jorge', circle: 'professional', stage: 'relationship' });
    const stranger = await contact({ firstName: 'Zoe', circle: 'opportunity', stage: 'new' });
    const campaign = await createCampaign({ name: 'Data roles in energy', goal: 'job_search', target: 'Data engineering at utilities', startsOn: '2026-11-23' });
    expect(campaign).toMatchObject({ goal: 'job_search', newContactsPerWeek: 4, meetingsPerWeek: 1, memberCount: 0, members: [], flaggedCount: 0 });

    const suggested = (await me.get(`/api/campaigns/${campaign.id}/suggestions`)).body.map((s: { displayName: string }) => s.displayName);
    expect(suggested).toEqual(['Marta', 'Jorge', 'Zoe']);
    await join(campaign.id, marta.id);
    await join(campaign.id, jorge.id);
    expect((await me.get(`/api/campaigns/${campaign.id}/suggestions`)).body.map((s: { contactId: string }) => s.contactId)).toEqual([stranger.id]);

    const advice = (await me.get(`/api/campaigns/${campaign.id}/members/${marta.id}/advice-request`)).body;
    expect(advice.body).toContain('Hi Marta');
    expect(advice.body).toContain(PITCH);
    expect(advice.body).toContain("I'm not asking for a job");
    expect(advice).toMatchObject({ missing: [], templateId: expect.any(String) });

    await move(campaign.id, marta.id, { stage: 'advice_requested' });
    await move(campaign.id, marta.id, { stage: 'meeting_scheduled' });
    expect(await touchesOf(marta.id)).toEqual([]);
    // A video call earlier this morning (a meeting must have happened: see 'meeting a member' below).
    const met = await move(campaign.id, marta.id, { stage: 'met', channel: 'video', occurredAt: '2026-11-23T07:00:00Z' });
    expect(met).toMatchObject({ stage: 'met', metOn: '2026-11-23', referrals: 0, flagged: true });
    const touches = await touchesOf(marta.id);
    expect(touches).toEqual([
      expect.objectContaining({ channel: 'video', direction: 'outbound', intent: 'nurture', occurredAt: '2026-11-23T07:00:00.000Z', summary: 'Advice meeting (Data roles in energy)' }),
    ]);
    const thankYou = await followupsOf(marta.id);
    expect(thankYou).toEqual([expect.objectContaining({ kind: 'thank_you', campaignId: campaign.id, dueOn: '2026-11-25', title: 'Thank Marta for the advice' })]);

    const referred = await me.post(`/api/campaigns/${campaign.id}/members/${marta.id}/referrals`, {
      people: [
        { firstName: 'Rosa', lastName: 'Vidal', company: 'Naturgy', note: 'Runs the analytics team' },
        { firstName: 'Samuel', company: 'REE' },
      ],
    });
    expect(referred.status, JSON.stringify(referred.body)).toBe(201);
    expect(referred.body.member).toMatchObject({ referrals: 2, flagged: false });
    const rosa = (await me.get(`/api/contacts/${referred.body.contacts[0].id}`)).body;
    expect(rosa).toMatchObject({ introducedById: marta.id, source: 'referral', company: 'Naturgy', notes: 'Runs the analytics team', howMet: 'Referred by Marta' });

    const tree = (await me.get(`/api/campaigns/${campaign.id}/tree`)).body;
    expect(tree).toMatchObject({ depth: 2, width: 2, generations: [{ generation: 1, count: 2 }, { generation: 2, count: 2 }] });
    expect(tree.edges).toEqual(expect.arrayContaining(referred.body.contacts.map((c: { id: string }) => ({ from: marta.id, to: c.id }))));
    expect(tree.nodes.find((n: { contactId: string }) => n.contactId === rosa.id)).toMatchObject({ member: true, stage: 'identified', generation: 2, parentId: marta.id });

    // Thanking completes the thank-you and logs nothing else.
    const thanked = await move(campaign.id, marta.id, { stage: 'thanked' });
    expect(thanked.stage).toBe('thanked');
    expect(await followupsOf(marta.id)).toEqual([]);
    expect((await followupsOf(marta.id, 'done')).map((f: { id: string }) => f.id)).toEqual([thankYou[0].id]);
    expect(await touchesOf(marta.id)).toHaveLength(1);

    const detail = (await me.get(`/api/campaigns/${campaign.id}`)).body;
    expect(detail.members.map((m: { contact: { displayName: string }; stage: string }) => [m.contact.displayName, m.stage])).toEqual([
      ['Jorge', 'identified'],
      ['Rosa Vidal', 'identified'],
      ['Samuel', 'identified'],
      ['Marta', 'thanked'],
    ]);
    expect(detail).toMatchObject({
      memberCount: 4,
      metCount: 1,
      flaggedCount: 0,
      countsByStage: { identified: 3, advice_requested: 0, meeting_scheduled: 0, met: 0, thanked: 1, following_up: 0 },
    });
    expect(detail.progress.weeks).toEqual([{ week: '2026-W48', startsOn: '2026-11-23', newContacts: { count: 4, target: 4 }, meetings: { count: 1, target: 1 } }]);
    expect(detail.progress.totals).toEqual({ newContacts: 4, meetings: 1 });
    const list = (await me.get('/api/campaigns')).body.items;
    expect(list.find((c: { id: string }) => c.id === campaign.id)).toMatchObject({
      memberCount: 4,
      metCount: 1,
      countsByStage: { identified: 3, advice_requested: 0, meeting_scheduled: 0, met: 0, thanked: 1, following_up: 0 },
    });
  });

  it('flags a member who met me and gave fewer than two names, and keeps referrals who did not join in the tree', async () => {
    const campaign = await createCampaign({ name: 'Prospects', goal: 'prospects', startsOn: '2026-11-16', newContactsPerWeek: 2, meetingsPerWeek: 2 });
    const nico = await contact({ firstName: 'Nico' });
    await join(campaign.id, nico.id);
    await move(campaign.id, nico.id, { stage: 'met' });
    const one = await me.post(`/api/campaigns/${campaign.id}/members/${nico.id}/referrals`, { people: [{ firstName: 'Olga' }], joinCampaign: false });
    expect(one.body.member).toMatchObject({ referrals: 1, flagged: true });
    const touch = (await touchesOf(nico.id))[0];
    expect(touch).toMatchObject({ channel: 'coffee', intent: 'nurture', occurredAt: NOW.toISOString() });

    const detail = (await me.get(`/api/campaigns/${campaign.id}`)).body;
    expect(detail).toMatchObject({ memberCount: 1, flaggedCount: 1 });
    expect(detail.members[0]).toMatchObject({ contact: { displayName: 'Nico' }, flagged: true, metOn: '2026-11-23' });
    expect(detail.progress.weeks.map((w: { week: string; newContacts: { count: number }; meetings: { count: number } }) => [w.week, w.newContacts.count, w.meetings.count])).toEqual([
      ['2026-W47', 0, 0],
      ['2026-W48', 2, 1],
    ]);
    const tree = (await me.get(`/api/campaigns/${campaign.id}/tree`)).body;
    expect(tree.nodes.map((n: { displayName: string; member: boolean; stage: string | null; generation: number }) => [n.displayName, n.member, n.stage, n.generation])).toEqual([
      ['Nico', true, 'met', 1],
      ['Olga', false, null, 2],
    ]);

    // Moving back before the meeting clears its date; the touch already logged stays.
    const back = await move(campaign.id, nico.id, { stage: 'meeting_scheduled' });
    expect(back).toMatchObject({ metOn: null, flagged: false });
    expect(await touchesOf(nico.id)).toHaveLength(1);
  });
});

describe('meeting a member', () => {
  it('logs the meeting the way the user said it happened, and refuses one in the future', async () => {
    const campaign = await createCampaign({ name: 'Met how', goal: 'information', startsOn: '2026-11-16' });
    const pia = await contact({ firstName: 'Pía' });
    await join(campaign.id, pia.id);
    // Tomorrow has not happened: 400 naming the field, and nothing moves or is logged.
    const future = await me.patch(`/api/campaigns/${campaign.id}/members/${pia.id}`, { stage: 'met', channel: 'call', occurredAt: '2026-11-24T09:00:00Z' });
    expect(future.status).toBe(400);
    expect(future.body.errors).toEqual([expect.objectContaining({ field: 'occurredAt' })]);
    expect((await me.get(`/api/campaigns/${campaign.id}`)).body.members[0]).toMatchObject({ stage: 'identified', metOn: null });
    expect(await touchesOf(pia.id)).toEqual([]);
    expect(await followupsOf(pia.id)).toEqual([]);

    // A call last Thursday (midday in Madrid): the touch, the meeting date and the thank-you follow it.
    const met = await move(campaign.id, pia.id, { stage: 'met', channel: 'call', occurredAt: '2026-11-19T11:00:00Z' });
    expect(met).toMatchObject({ stage: 'met', metOn: '2026-11-19' });
    expect(await touchesOf(pia.id)).toEqual([expect.objectContaining({ channel: 'call', intent: 'nurture', occurredAt: '2026-11-19T11:00:00.000Z' })]);
    expect(await followupsOf(pia.id)).toEqual([expect.objectContaining({ kind: 'thank_you', dueOn: '2026-11-21' })]);
    expect((await me.get(`/api/campaigns/${campaign.id}`)).body.progress.weeks.map((w: { week: string; meetings: { count: number } }) => [w.week, w.meetings.count])).toEqual([
      ['2026-W47', 1],
      ['2026-W48', 0],
    ]);

    // Later moves do not log the meeting again, so what they say about it is not used.
    await move(campaign.id, pia.id, { stage: 'thanked', channel: 'video', occurredAt: '2026-11-23T08:00:00Z' });
    expect(await touchesOf(pia.id)).toHaveLength(1);
  });

  it('the first move straight past `met` logs the meeting too, as the user said', async () => {
    const campaign = await createCampaign({ name: 'Straight past', goal: 'other' });
    const quim = await contact({ firstName: 'Quim' });
    await join(campaign.id, quim.id);
    const moved = await move(campaign.id, quim.id, { stage: 'following_up', channel: 'in_person', occurredAt: '2026-11-22T18:30:00Z' });
    expect(moved).toMatchObject({ stage: 'following_up', metOn: '2026-11-22' });
    expect(await touchesOf(quim.id)).toEqual([expect.objectContaining({ channel: 'in_person', occurredAt: '2026-11-22T18:30:00.000Z' })]);
  });

  it('a member added at a later stage starts there, reached as a move reaches it', async () => {
    const campaign = await createCampaign({ name: 'Already under way', goal: 'job_search' });
    const [rita, sol] = [await contact({ firstName: 'Rita' }), await contact({ firstName: 'Sol' })];
    const asked = await me.post(`/api/campaigns/${campaign.id}/members`, { contactId: rita.id, stage: 'advice_requested' });
    expect(asked.status, JSON.stringify(asked.body)).toBe(201);
    expect(asked.body).toMatchObject({ stage: 'advice_requested', metOn: null });
    expect(await touchesOf(rita.id)).toEqual([]);
    const met = await me.post(`/api/campaigns/${campaign.id}/members`, { contactId: sol.id, stage: 'met' });
    expect(met.body).toMatchObject({ stage: 'met', metOn: '2026-11-23' });
    expect(await touchesOf(sol.id)).toHaveLength(1);
    expect((await followupsOf(sol.id)).map((f: { kind: string }) => f.kind)).toContain('thank_you');
  });
});

describe('a contact’s campaigns', () => {
  it('lists each campaign the contact is in with their stage and since when, latest move first', async () => {
    const rita = await contact({ firstName: 'Rita' });
    const loner = await contact({ firstName: 'Loner' });
    expect((await me.get(`/api/contacts/${loner.id}/campaigns`)).body).toEqual([]);
    const first = await createCampaign({ name: 'Energy roles', goal: 'job_search' });
    const second = await createCampaign({ name: 'Clients in Porto', goal: 'prospects' });
    await join(first.id, rita.id);
    await join(second.id, rita.id);
    server.setNow(new Date('2026-11-23T10:00:00Z'));
    try {
      await move(second.id, rita.id, { stage: 'advice_requested' });
      server.setNow(new Date('2026-11-23T11:00:00Z'));
      await move(first.id, rita.id, { stage: 'met', channel: 'video', occurredAt: '2026-11-23T10:30:00Z' });
    } finally {
      server.setNow(NOW);
    }
    const reply = await me.get(`/api/contacts/${rita.id}/campaigns`);
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual([
      { campaignId: first.id, name: 'Energy roles', goal: 'job_search', stage: 'met', stageChangedAt: '2026-11-23T11:00:00.000Z', addedOn: '2026-11-23', metOn: '2026-11-23' },
      { campaignId: second.id, name: 'Clients in Porto', goal: 'prospects', stage: 'advice_requested', stageChangedAt: '2026-11-23T10:00:00.000Z', addedOn: '2026-11-23', metOn: null },
    ]);
    // Out of a campaign, out of the list.
    await me.del(`/api/campaigns/${second.id}/members/${rita.id}`);
    expect((await me.get(`/api/contacts/${rita.id}/campaigns`)).body.map((c: { name: string }) => c.name)).toEqual(['Energy roles']);
    expect((await me.get('/api/contacts/00000000-0000-4000-8000-000000000000/campaigns')).status).toBe(404);
  });
});

describe('campaign edits and deletion', () => {
  it('edits, removes a member, and deleting the campaign removes its follow-ups but not the people', async () => {
    const campaign = await createCampaign({ name: 'Learn about biotech', goal: 'information' });
    expect(campaign.startsOn).toBe('2026-11-23');
    const edited = await me.patch(`/api/campaigns/${campaign.id}`, { endsOn: '2027-01-31', meetingsPerWeek: 2, notes: 'Ask about regulatory work' });
    expect(edited.body).toMatchObject({ endsOn: '2027-01-31', meetingsPerWeek: 2, notes: 'Ask about regulatory work' });
    // 2026-W48 to 2027-W04, through 2026's week 53.
    const weeks = edited.body.progress.weeks.map((w: { week: string }) => w.week);
    expect([weeks.length, weeks[0], weeks.at(-1)]).toEqual([10, '2026-W48', '2027-W04']);

    const ivan = await contact({ firstName: 'Iván' });
    const leo = await contact({ firstName: 'Leo' });
    await join(campaign.id, ivan.id);
    await join(campaign.id, leo.id);
    expect((await me.del(`/api/campaigns/${campaign.id}/members/${leo.id}`)).status).toBe(204);
    await move(campaign.id, ivan.id, { stage: 'met' });
    expect(await followupsOf(ivan.id)).toHaveLength(1);
    expect((await me.get(`/api/contacts/${ivan.id}/delete-impact`)).body).toMatchObject({ campaigns: 1, followups: 1 });
    expect((await me.del(`/api/campaigns/${campaign.id}`)).status).toBe(204);
    expect((await me.get(`/api/campaigns/${campaign.id}`)).status).toBe(404);
    expect(await followupsOf(ivan.id)).toEqual([]);
    expect((await me.get(`/api/contacts/${ivan.id}`)).status).toBe(200);
    expect(await touchesOf(ivan.id)).toHaveLength(1);
  });
});

describe('bad input', () => {
  const fields = (reply: { body: { errors: { field: string }[] } }) => reply.body.errors.map((e) => e.field).sort();
  const missing = '00000000-0000-4000-8000-000000000000';

  it('names each bad field', async () => {
    const bad = await me.post('/api/campaigns', { goal: 'get rich', startsOn: '2026-02-30', meetingsPerWeek: -1 });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['goal', 'meetingsPerWeek', 'name', 'startsOn']);
    expect(fields(await me.post('/api/campaigns', { name: 'Backwards', goal: 'other', startsOn: '2026-11-23', endsOn: '2026-11-01' }))).toEqual(['endsOn']);
    const campaign = await createCampaign({ name: 'Checks', goal: 'grow_network', startsOn: '2026-11-23' });
    expect(fields(await me.patch(`/api/campaigns/${campaign.id}`, { endsOn: '2026-11-01' }))).toEqual(['endsOn']);
    const c = await contact({ firstName: 'Checked' });
    await join(campaign.id, c.id);
    expect((await me.post(`/api/campaigns/${campaign.id}/members`, { contactId: c.id })).status).toBe(409);
    expect(fields(await me.post(`/api/campaigns/${campaign.id}/members`, { contactId: missing }))).toEqual(['contactId']);
    expect(fields(await me.patch(`/api/campaigns/${campaign.id}/members/${c.id}`, { stage: 'hired', channel: 'pigeon' }))).toEqual(['channel', 'stage']);
    expect(fields(await me.post(`/api/campaigns/${campaign.id}/members/${c.id}/referrals`, { people: [] }))).toEqual(['people']);
    expect(fields(await me.post(`/api/campaigns/${campaign.id}/members/${c.id}/referrals`, { people: [{ lastName: 'Only' }] }))).toEqual(['people.0.firstName']);
  });

  it('answers 404 for campaigns and members that do not exist', async () => {
    const campaign = await createCampaign({ name: 'Real', goal: 'other' });
    const outsider = await contact({ firstName: 'Outsider' });
    expect((await me.get(`/api/campaigns/${missing}`)).status).toBe(404);
    expect((await me.get(`/api/campaigns/${missing}/tree`)).status).toBe(404);
    expect((await me.get(`/api/campaigns/${missing}/suggestions`)).status).toBe(404);
    expect((await me.post(`/api/campaigns/${missing}/members`, { contactId: outsider.id })).status).toBe(404);
    expect((await me.patch(`/api/campaigns/${campaign.id}/members/${outsider.id}`, { stage: 'met' })).status).toBe(404);
    expect((await me.post(`/api/campaigns/${campaign.id}/members/${outsider.id}/referrals`, { people: [{ firstName: 'Nope' }] })).status).toBe(404);
    expect((await me.get(`/api/campaigns/${campaign.id}/members/${outsider.id}/advice-request`)).status).toBe(404);
    expect((await me.del(`/api/campaigns/${campaign.id}/members/${outsider.id}`)).status).toBe(404);
    expect(await touchesOf(outsider.id)).toEqual([]);
    expect((await me.get('/api/contacts?q=nope')).body.items).toEqual([]);
  });
});
