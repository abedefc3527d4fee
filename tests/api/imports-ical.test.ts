// Meetings become touches: `POST /api/imports` with `source=ical` on the fixture calendars of
// tests/fixtures/ical (README there), on both databases, with the clock fixed after the meetings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { fixture, uploaderFor, type Uploader } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let alex: ApiClient;
let uploader: Uploader;
const ids: Record<string, string> = {};
const NOW = new Date('2026-11-20T12:00:00Z');

const importIcs = (...names: string[]) =>
  uploader.upload('/api/imports', { source: 'ical' }, names.map((name) => ({ name, content: fixture(`ical/${name}`) })));

async function touches() {
  const items = (await alex.get('/api/interactions?limit=100')).body.items as { occurredAt: string; channel: string; direction: string; intent: string; summary: string; contactIds: string[] }[];
  return items
    .map((t) => ({ at: t.occurredAt, channel: t.channel, direction: t.direction, summary: t.summary, with: t.contactIds.map((id) => Object.keys(ids).find((k) => ids[k] === id)).sort() }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(NOW);
  // The fixtures' organiser is the user: alex.rivera@example.org.
  alex = await addUser(server, { email: 'Alex.Rivera@example.org', timeZone: 'Europe/Madrid' });
  uploader = await uploaderFor(server.app, alex);
  for (const [key, body] of Object.entries({
    ana: { firstName: 'Ana', lastName: 'Pérez', emails: ['ana.perez@example.org'] },
    bruno: { firstName: 'Bruno', lastName: 'Silva', emails: ['bruno@example.org'] },
    // Matched by her second address.
    carla: { firstName: 'Carla', lastName: 'Gómez', emails: ['carla.personal@example.net', 'carla@fabrikam.example'] },
  })) {
    const reply = await alex.post('/api/contacts', body);
    expect(reply.status, JSON.stringify(reply.body)).toBe(201);
    ids[key] = reply.body.id;
  }
});
afterAll(() => server.close());

describe('iCal import', () => {
  it('turns past meetings with contacts into touches: recurring, moved, cancelled, time zones, channels, directions', async () => {
    const reply = await importIcs('weekly-santiago.ics', 'meetings.ics');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body).toMatchObject({
      source: 'ical',
      created: 0,
      interactions: { created: 8, updated: 0, unchanged: 0, removed: 0 },
      peopleMet: [{ email: 'dana.ortiz@unknown.example', name: 'Dana Ortiz', lastMeeting: 'Project kickoff', lastMetAt: '2026-11-10T15:00:00.000Z' }],
    });
    expect(reply.body.notices.map((n: { code: string }) => n.code).sort()).toEqual(['ical_all_day', 'ical_solo']);
    expect(await touches()).toEqual([
      { at: '2026-10-05T13:00:00.000Z', channel: 'in_person', direction: 'outbound', summary: 'Café con Ana', with: ['ana'] },
      { at: '2026-10-12T13:00:00.000Z', channel: 'in_person', direction: 'outbound', summary: 'Café con Ana', with: ['ana'] },
      { at: '2026-10-27T18:00:00.000Z', channel: 'in_person', direction: 'outbound', summary: 'Café con Ana (el martes)', with: ['ana'] },
      { at: '2026-11-02T13:00:00.000Z', channel: 'in_person', direction: 'outbound', summary: 'Café con Ana', with: ['ana'] },
      { at: '2026-11-09T13:00:00.000Z', channel: 'in_person', direction: 'outbound', summary: 'Café con Ana', with: ['ana'] },
      { at: '2026-11-10T15:00:00.000Z', channel: 'video', direction: 'inbound', summary: 'Project kickoff', with: ['bruno', 'carla'] },
      { at: '2026-11-12T09:00:00.000Z', channel: 'call', direction: 'outbound', summary: 'Call with Bruno', with: ['bruno'] },
      { at: '2026-11-16T13:00:00.000Z', channel: 'in_person', direction: 'outbound', summary: 'Café con Ana', with: ['ana'] },
    ]);
    // The stored keep-in-touch columns follow (features/contacts/derived.ts).
    const bruno = (await alex.get(`/api/contacts/${ids.bruno}`)).body;
    expect(bruno.lastInteractionAt).toBe('2026-11-12T09:00:00.000Z');
    // The user never becomes a person met, nor a contact.
    const people = (await alex.get('/api/calendar-people')).body.items as { email: string }[];
    expect(people.map((p) => p.email)).toEqual(['dana.ortiz@unknown.example']);
    expect((await alex.get('/api/contacts?limit=50')).body.items).toHaveLength(3);
  });

  it('importing the same files again changes nothing', async () => {
    const before = await touches();
    const reply = await importIcs('weekly-santiago.ics', 'meetings.ics');
    expect(reply.status).toBe(200);
    expect(reply.body.interactions).toEqual({ created: 0, updated: 0, unchanged: 8, removed: 0 });
    expect(await touches()).toEqual(before);
  });

  it('an edited meeting updates its touch; a cancelled one and an EXDATE remove theirs', async () => {
    const reply = await importIcs('weekly-santiago-edited.ics', 'meetings-edited.ics');
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.interactions).toEqual({ created: 0, updated: 1, unchanged: 5, removed: 2 });
    const now = await touches();
    expect(now.map((t) => t.summary)).not.toContain('Call with Bruno');
    expect(now.map((t) => t.at)).not.toContain('2026-11-02T13:00:00.000Z');
    expect(now.find((t) => t.at === '2026-11-10T15:00:00.000Z')?.summary).toBe('Project kickoff (moved to v2)');
    const bruno = (await alex.get(`/api/contacts/${ids.bruno}`)).body;
    expect(bruno.lastInteractionAt).toBe('2026-11-10T15:00:00.000Z');
  });

  it('adding a person met records the meetings with them as touches; the next import finds nothing to change', async () => {
    const event = (uid: string, start: string, summary: string, attendees: string[], extra: string[] = []) => [
      'BEGIN:VEVENT', `UID:${uid}`, `DTSTART:${start}`, `DTEND:${start.replace(/T(\d\d)/, (_, h: string) => `T${String(Number(h) + 1).padStart(2, '0')}`)}`, `SUMMARY:${summary}`,
      'ORGANIZER:mailto:alex.rivera@example.org', ...attendees.map((a) => `ATTENDEE:mailto:${a}`), ...extra, 'END:VEVENT'];
    const calendar = (...events: string[][]) => ['BEGIN:VCALENDAR', 'VERSION:2.0', ...events.flat(), 'END:VCALENDAR', ''].join('\r\n');
    const first = calendar(
      event('team-1@newco.example', '20261103T090000Z', 'Team sync', ['bruno@example.org', 'Eva.Luna@newco.example']),
      event('eva-1@newco.example', '20261113T160000Z', 'Coffee with Eva', ['eva.luna@newco.example'], ['LOCATION:https://meet.google.com/abc-defg-hij']),
      event('eva-2@newco.example', '20261117T160000Z', 'Second coffee with Eva', ['eva.luna@newco.example']),
    );
    let reply = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'newco.ics', content: first }]);
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    expect(reply.body.interactions).toMatchObject({ created: 1 });
    // The second coffee is cancelled before Eva is added: it must not become a touch.
    const edited = calendar(
      event('team-1@newco.example', '20261103T090000Z', 'Team sync', ['bruno@example.org', 'Eva.Luna@newco.example']),
      event('eva-1@newco.example', '20261113T160000Z', 'Coffee with Eva', ['eva.luna@newco.example'], ['LOCATION:https://meet.google.com/abc-defg-hij']),
      event('eva-2@newco.example', '20261117T160000Z', 'Second coffee with Eva', ['eva.luna@newco.example'], ['STATUS:CANCELLED']),
    );
    reply = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'newco.ics', content: edited }]);
    expect(reply.body.interactions).toEqual({ created: 0, updated: 0, unchanged: 1, removed: 0 });

    const added = await alex.post('/api/calendar-people/add', { email: 'EVA.LUNA@newco.example' });
    expect(added.status, JSON.stringify(added.body)).toBe(201);
    ids.eva = added.body.id;
    expect(added.body).toMatchObject({ firstName: 'eva.luna', emails: ['eva.luna@newco.example'], metOn: '2026-11-03', lastInteractionAt: '2026-11-13T16:00:00.000Z' });
    const withEva = (await touches()).filter((t) => t.with.includes('eva'));
    expect(withEva).toEqual([
      { at: '2026-11-03T09:00:00.000Z', channel: 'other', direction: 'outbound', summary: 'Team sync', with: ['bruno', 'eva'] },
      { at: '2026-11-13T16:00:00.000Z', channel: 'video', direction: 'outbound', summary: 'Coffee with Eva', with: ['eva'] },
    ]);
    expect((await alex.get('/api/calendar-people')).body.items.map((p: { email: string }) => p.email)).not.toContain('eva.luna@newco.example');

    reply = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'newco.ics', content: edited }]);
    expect(reply.body.interactions).toEqual({ created: 0, updated: 0, unchanged: 2, removed: 0 });
    expect((await alex.post('/api/calendar-people/add', { email: 'eva.luna@newco.example' })).status).toBe(409);
    expect((await alex.post('/api/calendar-people/add', { email: 'nobody@newco.example' })).status).toBe(404);
    expect((await alex.post('/api/calendar-people/add', { email: 'x' })).status).toBe(400);
  });

  it('a person met added as a contact leaves the list; a dismissed one too', async () => {
    await alex.post('/api/contacts', { firstName: 'Dana', lastName: 'Ortiz', emails: ['Dana.Ortiz@unknown.example'] });
    expect((await alex.get('/api/calendar-people')).body.items).toEqual([]);
  });

  it('recognises the profile’s other addresses as the user', async () => {
    const profile = await alex.patch('/api/profile', { otherEmails: ['Alex@Work.Example'] });
    expect(profile.body.otherEmails).toEqual(['alex@work.example']);
    const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:work-1@work.example', 'DTSTART:20261118T090000Z', 'DTEND:20261118T100000Z', 'SUMMARY:1:1 with Bruno',
      'ORGANIZER;CN=Alex (work):mailto:ALEX@work.example', 'ATTENDEE:mailto:alex@work.example', 'ATTENDEE:mailto:bruno@example.org', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
    const reply = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'work.ics', content: ics }]);
    expect(reply.body.interactions.created).toBe(1);
    expect(reply.body.peopleMet).toEqual([]);
    expect((await touches()).find((t) => t.summary === '1:1 with Bruno')).toMatchObject({ direction: 'outbound', with: ['bruno'] });
    expect((await alex.patch('/api/profile', { otherEmails: ['not an address'] })).status).toBe(400);
  });

  it('refuses a file that is not a calendar, and changes nothing', async () => {
    const before = await touches();
    const reply = await uploader.upload('/api/imports', { source: 'ical' }, [{ name: 'contacts.vcf', content: fixture('vcard/google-3.0.vcf') }]);
    expect(reply.status).toBe(400);
    expect(reply.body.detail).toContain('contacts.vcf');
    expect(await touches()).toEqual(before);
  });
});
