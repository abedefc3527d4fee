// The calendar feed: a secret URL any calendar app can subscribe to, with the account's open
// follow-ups on the day they are due and its events, and nothing of any other account.
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let alice: ApiClient;
let bob: ApiClient;
const NOW = new Date('2026-11-23T09:00:00Z');
/** Alice's feed URL, as the answer that made it showed it (the only time it is shown). */
let aliceFeed: string;

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  alice = await setupOwner(server.app, { name: 'Alicia', timeZone: 'Europe/Madrid', language: 'es' });
  bob = await addUser(server, { name: 'Bob', language: 'en' });
});
afterAll(() => server.close());

/** The path of a feed URL, to fetch it as a calendar app would: without any login. */
const pathOf = (url: string) => new URL(url).pathname;
const fetchFeed = (url: string) => rawCall(server.app, 'GET', pathOf(url));

function eventsOf(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents('vevent').map((vevent) => {
    const event = new ICAL.Event(vevent);
    const start = vevent.getFirstPropertyValue('dtstart') as ICAL.Time;
    return {
      uid: event.uid,
      summary: event.summary,
      description: event.description,
      start: start.toString(),
      allDay: start.isDate,
      end: (vevent.getFirstPropertyValue('dtend') as ICAL.Time | null)?.toString() ?? null,
      location: vevent.getFirstPropertyValue('location'),
      url: vevent.getFirstPropertyValue('url'),
    };
  });
}

describe('calendar feed', () => {
  it('is off until turned on, then has a secret URL on the host the caller used', async () => {
    expect((await alice.get('/api/calendar')).body).toEqual({ enabled: false, url: null });
    const on = await alice.post('/api/calendar/secret');
    expect(on.status).toBe(200);
    expect(on.body.enabled).toBe(true);
    expect(on.body.url).toMatch(/^http:\/\/localhost(:80)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    // Only the secret's hash is kept: the URL is in that answer and never again.
    expect((await alice.get('/api/calendar')).body).toEqual({ enabled: true, url: null });

    const { token } = (await alice.post('/api/tokens', { name: 'calendar test' })).body;
    const proxied = await rawCall(server.app, 'POST', '/api/calendar/secret', {
      body: {},
      headers: { authorization: `Bearer ${token}`, 'x-forwarded-proto': 'https', 'x-forwarded-host': 'circulo.example.org' },
    });
    // No proxy is trusted here (CIRCULO_TRUST_PROXY): forwarded headers are not believed.
    // tests/security/login-throttle.test.ts checks them through a trusted proxy.
    expect(proxied.body.url).toMatch(/^http:\/\/localhost(:80)?\/api\/calendar\/[A-Za-z0-9_-]{43}\.ics$/);
    aliceFeed = (await alice.post('/api/calendar/secret')).body.url;
  });

  it('shows open follow-ups as all-day entries on their effective due date, with the contact and a link back', async () => {
    const ana = (await alice.post('/api/contacts', { firstName: 'Ana', lastName: 'Muñoz' })).body;
    const due = (await alice.post('/api/followups', { contactId: ana.id, dueOn: '2026-11-30', title: 'Enviarle el informe' })).body;
    const snoozed = (await alice.post('/api/followups', { contactId: ana.id, dueOn: '2026-11-24', title: 'Llamar a Ana Muñoz' })).body;
    await alice.patch(`/api/followups/${snoozed.id}`, { status: 'snoozed', snoozedUntil: '2026-12-07' });
    const done = (await alice.post('/api/followups', { contactId: ana.id, dueOn: '2026-11-25', title: 'Ya hecho' })).body;
    await alice.patch(`/api/followups/${done.id}`, { status: 'done' });
    const carlos = (await bob.post('/api/contacts', { firstName: 'Carlos' })).body;
    await bob.post('/api/followups', { contactId: carlos.id, dueOn: '2026-11-26', title: 'Bob’s private follow-up' });
    await bob.post('/api/calendar/secret');

    const url = aliceFeed;
    const reply = await fetchFeed(url);
    expect(reply.status).toBe(200);
    expect(reply.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const text = reply.body as string;
    expect(text).toContain('BEGIN:VCALENDAR');
    expect(text).not.toContain('Bob’s private follow-up');
    const entries = eventsOf(text);
    expect(entries.map((e) => e.summary).sort()).toEqual(['Enviarle el informe — Ana Muñoz', 'Llamar a Ana Muñoz']);
    const report = entries.find((e) => e.uid === `followup-${due.id}@circulo`)!;
    expect(report).toMatchObject({ start: '2026-11-30', allDay: true, url: `${url.split('/api/')[0]}/contacts/${ana.id}` });
    expect(report.description).toContain('Contacto: Ana Muñoz');
    expect(report.description).toContain('Seguimiento');
    const call = entries.find((e) => e.uid === `followup-${snoozed.id}@circulo`)!;
    expect(call).toMatchObject({ start: '2026-12-07', allDay: true });
    expect(call.description).toContain('2026-11-24');
  });

  it('shows events as timed entries with their place, targets and a link to the briefing', async () => {
    const ana = (await alice.post('/api/contacts', { firstName: 'Ana', lastName: 'Ruiz' })).body;
    const summit = (
      await alice.post('/api/events', { name: 'Robotics Summit', kind: 'conference', startsAt: '2026-12-03T08:30:00Z', endsAt: '2026-12-03T17:00:00Z', place: 'IFEMA, Madrid' })
    ).body;
    await alice.post(`/api/events/${summit.id}/attendees`, { contactId: ana.id, target: true });
    const drinks = (await alice.post('/api/events', { name: 'Afterwork', kind: 'networking', startsAt: '2026-11-27T18:00:00Z' })).body;
    await alice.post('/api/events', { name: 'Boda de hace dos años', kind: 'wedding', startsAt: '2024-06-01T12:00:00Z' });
    await bob.post('/api/events', { name: 'Bob’s private dinner', kind: 'party', startsAt: '2026-12-01T19:00:00Z' });

    const url = aliceFeed;
    const text = (await fetchFeed(url)).body as string;
    expect(text).not.toContain('Bob’s private dinner');
    expect(text).not.toContain('Boda de hace dos años');
    const entries = eventsOf(text);
    const origin = url.split('/api/')[0];
    const entry = entries.find((e) => e.uid === `event-${summit.id}@circulo`)!;
    expect(entry).toMatchObject({ summary: 'Robotics Summit', allDay: false, location: 'IFEMA, Madrid', url: `${origin}/events/${summit.id}` });
    expect(Date.parse(entry.start)).toBe(Date.parse('2026-12-03T08:30:00Z'));
    expect(Date.parse(entry.end!)).toBe(Date.parse('2026-12-03T17:00:00Z'));
    expect(entry.description).toContain('Congreso');
    expect(entry.description).toContain('Quieres conocer a 1 persona allí');
    expect(entry.description).toContain(`${origin}/events/${summit.id}/briefing`);
    // No end given: an hour, so calendar apps draw it.
    const afterwork = entries.find((e) => e.uid === `event-${drinks.id}@circulo`)!;
    expect(Date.parse(afterwork.end!) - Date.parse(afterwork.start)).toBe(60 * 60 * 1000);
  });

  it('stops working when rotated or turned off, and 404s for a secret nobody has', async () => {
    const first = aliceFeed;
    const rotated = (await alice.post('/api/calendar/secret')).body.url;
    expect(rotated).not.toBe(first);
    expect((await fetchFeed(first)).status).toBe(404);
    expect((await fetchFeed(rotated)).status).toBe(200);
    expect((await alice.del('/api/calendar/secret')).status).toBe(204);
    expect((await alice.get('/api/calendar')).body).toEqual({ enabled: false, url: null });
    const gone = await fetchFeed(rotated);
    expect(gone.status).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect((await rawCall(server.app, 'GET', '/api/calendar/not-a-secret.ics')).status).toBe(404);
  });

  it('needs a login to see or change the feed URL', async () => {
    expect((await rawCall(server.app, 'GET', '/api/calendar')).status).toBe(401);
    expect((await rawCall(server.app, 'POST', '/api/calendar/secret', { body: {} })).status).toBe(401);
  });
});
