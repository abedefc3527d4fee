// Meetings become touches, as a new user finds it on Import & export: subscribe to a calendar
// (served by the test on the loopback, allowed for this server by CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS),
// see the touches counted, add a person met with one click, and import a .ics file.
import { createServer, type Server } from 'node:http';
import type { APIRequestContext } from '@playwright/test';
import { expect, test } from './csp.js';
import { TIME_ZONE } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const EMAIL = 'alex@example.com';
const DAY = 86_400_000;
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** Two past meetings with Bruno (a contact) and Dana (not one), written around today. */
function calendar(now: Date, uidPrefix: string) {
  const event = (uid: string, days: number, summary: string) => [
    'BEGIN:VEVENT',
    `UID:${uidPrefix}-${uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(new Date(now.getTime() - days * DAY))}`,
    `DTEND:${stamp(new Date(now.getTime() - days * DAY + 3_600_000))}`,
    `SUMMARY:${summary}`,
    'LOCATION:https://meet.google.com/abc-defg-hij',
    `ORGANIZER:mailto:${EMAIL}`,
    'ATTENDEE;CN=Bruno Silva:mailto:Bruno@Example.org',
    'ATTENDEE;CN=Dana Ortiz:mailto:dana@example.net',
    'END:VEVENT',
  ];
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...event('a', 3, 'Roadmap review'), ...event('b', 10, 'Kick-off'), 'END:VCALENDAR', ''].join('\r\n');
}

let calendars: Server;
let calendarUrl: string;

test.beforeAll(async ({}, testInfo) => {
  calendars = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/calendar' });
    response.end(calendar(new Date(), 'subscribed'));
  });
  await new Promise<void>((resolve) => calendars.listen(0, '127.0.0.1', resolve));
  const port = (calendars.address() as { port: number }).port;
  calendarUrl = `http://127.0.0.1:${port}/private-abc123/basic.ics`;
  void testInfo;
});
test.afterAll(() => new Promise<void>((resolve) => calendars.close(() => resolve())));

async function setUp(api: APIRequestContext) {
  const setup = await api.post('/api/auth/setup', { data: { name: 'Alex Rivera', email: EMAIL, password: 'correct horse battery', timeZone: TIME_ZONE, language: 'en' } });
  expect(setup.ok(), await setup.text()).toBe(true);
  const me = await (await api.get('/api/auth/me')).json();
  const contact = await api.post('/api/contacts', { data: { firstName: 'Bruno', lastName: 'Silva', emails: ['bruno@example.org'] }, headers: { 'X-CSRF-Token': me.csrfToken } });
  expect(contact.ok(), await contact.text()).toBe(true);
}

test('subscribe to a calendar, add a person met, import a .ics file', async ({ page }) => {
  await setUp(page.request);
  await page.goto('/import');

  const subscriptions = page.getByTestId('calendar-subscriptions');
  await subscriptions.getByLabel('Name').fill('Work calendar');
  await subscriptions.getByLabel('Secret iCal address').fill(calendarUrl);
  await subscriptions.getByRole('button', { name: 'Subscribe' }).click();
  const row = subscriptions.getByRole('listitem', { name: 'Work calendar' });
  await expect(row).toContainText('Last fetch: 2 new touches, 0 updated, 0 removed');
  await expect(row).toContainText('OK');
  // The secret part of the address is never shown back.
  await expect(row).not.toContainText('abc123');

  const people = page.getByTestId('people-met');
  const dana = people.getByRole('listitem', { name: 'Dana Ortiz' });
  await expect(dana).toContainText('Roadmap review');
  await dana.getByRole('button', { name: 'Add Dana Ortiz as a contact' }).click();
  await expect(people).toBeHidden();

  // A file: the same kind of calendar, other meetings.
  const panel = page.getByTestId('import-panel');
  await panel.getByRole('radio', { name: 'Calendar (.ics)' }).check();
  await panel.locator('input[type=file]').first().setInputFiles({ name: 'export.ics', mimeType: 'text/calendar', buffer: Buffer.from(calendar(new Date(), 'file')) });
  await panel.getByRole('button', { name: 'Import', exact: true }).click();
  const report = page.getByTestId('import-report');
  await expect(report.getByTestId('stat-meetings')).toContainText('2');

  await report.getByRole('link', { name: 'See your contacts' }).click();
  await page.getByRole('link', { name: /Bruno Silva/ }).first().click();
  await expect(page.getByText('Roadmap review').first()).toBeVisible();

  // Dana was added from "people you met": the meeting with her is already on her page.
  await page.goto('/contacts');
  await page.getByRole('link', { name: /Dana Ortiz/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Dana Ortiz' })).toBeVisible();
  await expect(page.getByText('Roadmap review').first()).toBeVisible();
});
