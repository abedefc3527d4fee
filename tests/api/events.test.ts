import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let me: ApiClient;
// Monday 23 November 2026, 10:00 in Madrid.
const NOW = new Date('2026-11-23T09:00:00Z');
const PITCH = 'Soy ingeniera de datos y busco mi próximo reto en energía.';

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  me = await setupOwner(server.app, { name: 'Alex Rivera', timeZone: 'Europe/Madrid', language: 'es' });
  await me.patch('/api/profile', { pitchShort: PITCH, schools: ['Universidad de Valparaíso'], interests: ['escalada'], communities: ['PyData Madrid'] });
});
afterAll(() => server.close());

const contact = async (body: Record<string, unknown>) => (await me.post('/api/contacts', body)).body;
const createEvent = async (body: Record<string, unknown>) => {
  const reply = await me.post('/api/events', body);
  expect(reply.status, JSON.stringify(reply.body)).toBe(201);
  return reply.body;
};
const names = (list: { contact: { displayName: string } }[]) => list.map((a) => a.contact.displayName);

describe('preparing an event, then capturing whom I met', () => {
  it('prepares two targets, captures three people after it, and their follow-ups reach Today two days later', async () => {
    const lucia = await contact({ firstName: 'Lucía', company: 'Endesa', title: 'CTO', schools: ['universidad de valparaiso'], interests: ['hidrógeno verde', 'Escalada'], communities: ['Women in Energy'] });
    const pedro = await contact({ firstName: 'Pedro', company: 'Repsol' });
    const bystander = await contact({ firstName: 'Bea' });
    // Wednesday 2 December, 10:00 to 19:00 in Madrid.
    const event = await createEvent({ name: 'South Summit', startsAt: '2026-12-02T09:00:00Z', endsAt: '2026-12-02T18:00:00Z', place: 'La Nave, Madrid', kind: 'conference' });
    expect(event).toMatchObject({ kind: 'conference', pitch: PITCH, pitchFromProfile: true, attendees: [], talkingPoints: [] });

    for (const [who, why] of [
      [lucia, 'Leads the energy data team I want to join'],
      [pedro, 'Hiring data engineers'],
    ] as const) {
      const added = await me.post(`/api/events/${event.id}/attendees`, { contactId: who.id, target: true, why });
      expect(added.status, JSON.stringify(added.body)).toBe(201);
    }
    await me.post(`/api/events/${event.id}/attendees`, { contactId: bystander.id });
    await me.patch(`/api/events/${event.id}/attendees/${lucia.id}`, { topics: ['hidrógeno verde'], questions: ['¿Cómo está organizado tu equipo?'], researchNotes: 'Habló en PyData 2025' });
    const patched = await me.patch(`/api/events/${event.id}`, { pitch: 'Ingeniera de datos, 8 años en utilities.', talkingPoints: ['Mi proyecto de previsión de demanda', ''] });
    expect(patched.body).toMatchObject({ pitch: 'Ingeniera de datos, 8 años en utilities.', pitchFromProfile: false, talkingPoints: ['Mi proyecto de previsión de demanda'] });

    let briefing = (await me.get(`/api/events/${event.id}`)).body;
    expect(briefing).toMatchObject({ attendeeCount: 3, targetCount: 2, metCount: 0 });
    expect(names(briefing.attendees)).toEqual(['Lucía', 'Pedro', 'Bea']);
    const luciaBrief = briefing.attendees[0];
    expect(luciaBrief).toMatchObject({ company: 'Endesa', title: 'CTO', target: true, why: 'Leads the energy data team I want to join', questions: ['¿Cómo está organizado tu equipo?'] });
    // Common points first, then her interests and communities; what is already planned is not suggested again.
    expect(luciaBrief.suggestedTopics).toEqual([
      { value: 'universidad de valparaiso', kind: 'school', common: true },
      { value: 'Escalada', kind: 'interest', common: true },
      { value: 'Women in Energy', kind: 'community', common: false },
    ]);

    // The day after: I met Lucía, and three people I did not know.
    server.setNow(new Date('2026-12-03T08:00:00Z'));
    expect((await me.patch(`/api/events/${event.id}/attendees/${lucia.id}`, { met: true })).body.met).toBe(true);
    const capture = await me.post(`/api/events/${event.id}/capture`, {
      people: [
        { name: 'Ana María García López', company: 'Iberdrola', note: 'Hidrógeno en Bilbao; quiere el informe' },
        { name: '  Tom   Baker ' },
        { name: 'Chen' },
      ],
    });
    expect(capture.status, JSON.stringify(capture.body)).toBe(201);
    expect(capture.body.contacts.map((c: { firstName: string; lastName: string | null }) => [c.firstName, c.lastName])).toEqual([
      ['Ana María', 'García López'],
      ['Tom', 'Baker'],
      ['Chen', null],
    ]);
    const ana = (await me.get(`/api/contacts/${capture.body.contacts[0].id}`)).body;
    expect(ana).toMatchObject({
      circle: 'opportunity',
      source: 'event',
      metAtEventId: event.id,
      metOn: '2026-12-02',
      company: 'Iberdrola',
      notes: 'Hidrógeno en Bilbao; quiere el informe',
      howMet: 'En South Summit',
    });
    expect(capture.body.followups).toHaveLength(3);
    expect(capture.body.followups[0]).toMatchObject({
      kind: 'after_event',
      dueOn: '2026-12-04',
      eventId: event.id,
      status: 'open',
      title: 'Escribir a Ana María García López después de South Summit',
    });

    briefing = (await me.get(`/api/events/${event.id}`)).body;
    expect(briefing).toMatchObject({ attendeeCount: 6, targetCount: 2, metCount: 4 });
    // The people captured here are told apart from the planned list (Lucía was met, not first met, here).
    expect(briefing.attendees.filter((a: { metHere: boolean }) => a.metHere).map((a: { contactId: string }) => a.contactId).sort()).toEqual(
      capture.body.contacts.map((c: { id: string }) => c.id).sort(),
    );

    let today = (await me.get('/api/today')).body;
    expect(today.dueToday.filter((f: { kind: string }) => f.kind === 'after_event')).toEqual([]);
    server.setNow(new Date('2026-12-04T08:00:00Z'));
    today = (await me.get('/api/today')).body;
    expect(today.dueToday.filter((f: { kind: string }) => f.kind === 'after_event').map((f: { contact: { displayName: string } }) => f.contact.displayName)).toEqual(
      expect.arrayContaining(['Ana María García López', 'Tom Baker', 'Chen']),
    );
    server.setNow(NOW);

    // The event is in the timelines of the people who were there.
    const anaTimeline = (await me.get(`/api/contacts/${ana.id}/timeline`)).body.items;
    expect(anaTimeline.find((e: { type: string }) => e.type === 'event')).toMatchObject({
      at: '2026-12-02T09:00:00.000Z',
      event: { id: event.id, name: 'South Summit', attendee: true, met: true, target: false, metHere: true },
    });
    const luciaTimeline = (await me.get(`/api/contacts/${lucia.id}/timeline`)).body.items;
    expect(luciaTimeline.find((e: { type: string }) => e.type === 'event').event).toMatchObject({ target: true, met: true, metHere: false });
    expect((await me.get(`/api/contacts/${lucia.id}/delete-impact`)).body).toMatchObject({ events: 1, campaigns: 0 });
  });
});

describe('listing events', () => {
  it('lists upcoming soonest first and past newest first, page by page', async () => {
    const at = (day: string) => `${day}T18:00:00Z`;
    await createEvent({ name: 'Past meetup', startsAt: at('2026-10-01'), kind: 'meetup' });
    await createEvent({ name: 'Older wedding', startsAt: at('2026-06-13'), kind: 'wedding' });
    await createEvent({ name: 'Ongoing trip', startsAt: at('2026-11-20'), endsAt: at('2026-11-26'), kind: 'trip' });
    await createEvent({ name: 'Next party', startsAt: at('2026-11-28'), kind: 'party' });
    const upcoming = (await me.get('/api/events?when=upcoming')).body.items.map((e: { name: string }) => e.name);
    expect(upcoming.slice(0, 3)).toEqual(['Ongoing trip', 'Next party', 'South Summit']);
    const past = (await me.get('/api/events?when=past')).body.items.map((e: { name: string }) => e.name);
    expect(past).toEqual(['Past meetup', 'Older wedding']);

    const first = (await me.get('/api/events?when=upcoming&limit=2')).body;
    expect(first.items.map((e: { name: string }) => e.name)).toEqual(['Ongoing trip', 'Next party']);
    const second = (await me.get(`/api/events?when=upcoming&limit=2&cursor=${first.nextCursor}`)).body;
    expect(second.items.map((e: { name: string }) => e.name)[0]).toBe('South Summit');
    const all = (await me.get('/api/events?limit=500')).body.items;
    expect(all.at(-1).name).toBe('Older wedding');
  });
});

describe('event edits and deletion', () => {
  it('moves open after-event follow-ups with a corrected date, and deleting the event keeps the people', async () => {
    const event = await createEvent({ name: 'Afterwork', startsAt: '2026-11-10T18:00:00Z', kind: 'networking' });
    const captured = (await me.post(`/api/events/${event.id}/capture`, { people: [{ name: 'Iker' }] })).body;
    expect(captured.followups[0].dueOn).toBe('2026-11-12');
    await me.patch(`/api/events/${event.id}`, { startsAt: '2026-11-11T18:00:00Z' });
    const moved = (await me.get(`/api/followups?contactId=${captured.contacts[0].id}`)).body.items;
    expect(moved.map((f: { dueOn: string }) => f.dueOn)).toEqual(['2026-11-13']);

    const other = await contact({ firstName: 'Met there', metAtEventId: event.id });
    expect(other.metAtEventId).toBe(event.id);
    expect((await me.del(`/api/events/${event.id}`)).status).toBe(204);
    expect((await me.get(`/api/events/${event.id}`)).status).toBe(404);
    expect((await me.get(`/api/followups?contactId=${captured.contacts[0].id}`)).body.items).toEqual([]);
    const iker = (await me.get(`/api/contacts/${captured.contacts[0].id}`)).body;
    expect(iker).toMatchObject({ firstName: 'Iker', source: 'event', metAtEventId: null, metOn: '2026-11-10' });
  });

  it('removes an attendee', async () => {
    const event = await createEvent({ name: 'Small meetup', startsAt: '2026-12-10T18:00:00Z' });
    const c = await contact({ firstName: 'Gone soon' });
    await me.post(`/api/events/${event.id}/attendees`, { contactId: c.id });
    expect((await me.del(`/api/events/${event.id}/attendees/${c.id}`)).status).toBe(204);
    expect((await me.get(`/api/events/${event.id}`)).body.attendees).toEqual([]);
    expect((await me.del(`/api/events/${event.id}/attendees/${c.id}`)).status).toBe(404);
  });
});

describe('bad input', () => {
  const fields = (reply: { body: { errors: { field: string }[] } }) => reply.body.errors.map((e) => e.field).sort();

  it('names each bad field', async () => {
    const bad = await me.post('/api/events', { startsAt: 'tomorrow', kind: 'rave', url: 'javascript:alert(1)' });
    expect(bad.status).toBe(400);
    expect(fields(bad)).toEqual(['kind', 'name', 'startsAt', 'url']);
    const backwards = await me.post('/api/events', { name: 'Backwards', startsAt: '2026-12-02T09:00:00Z', endsAt: '2026-12-01T09:00:00Z' });
    expect(fields(backwards)).toEqual(['endsAt']);
    const event = await createEvent({ name: 'Checks', startsAt: '2026-12-02T09:00:00Z' });
    expect(fields(await me.patch(`/api/events/${event.id}`, { endsAt: '2026-12-01T09:00:00Z' }))).toEqual(['endsAt']);
    expect(fields(await me.post(`/api/events/${event.id}/capture`, { people: [] }))).toEqual(['people']);
    expect(fields(await me.post(`/api/events/${event.id}/capture`, { people: [{ name: ' ' }] }))).toEqual(['people.0.name']);
    const unknown = await me.post(`/api/events/${event.id}/attendees`, { contactId: '00000000-0000-4000-8000-000000000000' });
    expect([unknown.status, fields(unknown)]).toEqual([400, ['contactId']]);
    const c = await contact({ firstName: 'Twice' });
    await me.post(`/api/events/${event.id}/attendees`, { contactId: c.id });
    expect((await me.post(`/api/events/${event.id}/attendees`, { contactId: c.id })).status).toBe(409);
    expect(fields(await me.post('/api/contacts', { firstName: 'X', metAtEventId: '00000000-0000-4000-8000-000000000000' }))).toEqual(['metAtEventId']);
  });

  it('answers 404 for events and attendees that do not exist', async () => {
    const missing = '00000000-0000-4000-8000-000000000000';
    const c = await contact({ firstName: 'Nobody' });
    const event = await createEvent({ name: 'Real', startsAt: '2026-12-02T09:00:00Z' });
    expect((await me.get(`/api/events/${missing}`)).status).toBe(404);
    expect((await me.patch(`/api/events/${missing}`, { name: 'x' })).status).toBe(404);
    expect((await me.del(`/api/events/${missing}`)).status).toBe(404);
    expect((await me.post(`/api/events/${missing}/capture`, { people: [{ name: 'Ghost' }] })).status).toBe(404);
    expect((await me.post(`/api/events/${missing}/attendees`, { contactId: c.id })).status).toBe(404);
    expect((await me.patch(`/api/events/${event.id}/attendees/${c.id}`, { met: true })).status).toBe(404);
    expect((await me.get('/api/contacts?q=ghost')).body.items).toEqual([]);
  });
});
