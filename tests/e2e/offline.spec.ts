// The installable app (README "Install on your phone"): the manifest and service worker are
// served and the worker takes charge; without a network the user captures two people at an
// event, logs a touch and marks a follow-up done, sees them waiting in the header, and once back
// online each write reaches the server exactly once, even the one whose answer was lost on the
// way back; the follow-up, deleted meanwhile, is refused and shown.
import { expect, test } from './csp.js';
import { TIME_ZONE } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE, serviceWorkers: 'allow' });

test('writes made offline wait in the outbox and arrive once when the network returns', async ({ page, context }) => {
  // The app's files and its worker, as a phone's browser checks them before offering to install.
  const manifest = await page.request.get('/manifest.webmanifest');
  expect(manifest.headers()['content-type']).toMatch(/^application\/manifest\+json/);
  expect(await manifest.json()).toMatchObject({ name: 'Círculo', display: 'standalone', start_url: '/' });
  const worker = await page.request.get('/sw.js');
  expect(worker.ok()).toBe(true);
  expect(worker.headers()['cache-control']).toBe('no-cache');

  // The account, a contact and yesterday's event, through the API.
  const setup = await page.request.post('/api/auth/setup', {
    data: { name: 'Lucía Fernández', email: 'lucia@example.com', password: 'correct horse battery', timeZone: TIME_ZONE, language: 'en' },
  });
  expect(setup.ok()).toBe(true);
  const headers = { 'X-CSRF-Token': (await setup.json()).csrfToken as string };
  const ana = await (await page.request.post('/api/contacts', { headers, data: { firstName: 'Ana', lastName: 'Muñoz' } })).json();
  const startsAt = new Date(Date.now() - 86_400_000).toISOString();
  const event = await (await page.request.post('/api/events', { headers, data: { name: 'Robotics Meetup', startsAt } })).json();
  const followup = await (await page.request.post('/api/followups', { headers, data: { contactId: ana.id, dueOn: '2026-01-15', title: 'Send Ana the robot paper' } })).json();

  // The first visit: the worker installs (the shell is cached), activates and takes charge, and
  // keeps what the screens visited showed.
  await page.goto(`/contacts/${ana.id}`);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), { timeout: 30_000 }).toBe('activated');
  await expect(page.getByTestId('timeline')).toBeVisible();
  // The worker keeps the answers the screen needs (asked again once it took charge).
  const kept = () => page.evaluate(async () => (await (await caches.open('circulo-api')).keys()).map((request) => new URL(request.url).pathname));
  await expect.poll(kept, { timeout: 30_000 }).toEqual(expect.arrayContaining(['/api/auth/me', `/api/contacts/${ana.id}`, '/api/followups']));
  await page.goto(`/events/${event.id}?mode=after`);
  await expect(page.getByRole('heading', { level: 1, name: 'Robotics Meetup' })).toBeVisible();

  // The first capture's answer is lost on its way back (the server has it): the outbox must
  // send it again with the same Idempotency-Key, and the server must not capture twice.
  let lostOne = false;
  await page.route('**/api/events/*/capture', async (route) => {
    if (lostOne) return route.continue();
    lostOne = true;
    await route.fetch();
    await route.abort('internetdisconnected');
  });

  // Deleted elsewhere meanwhile: marking it done offline will be refused once sent.
  expect((await page.request.delete(`/api/followups/${followup.id}`, { headers })).ok()).toBe(true);
  await context.setOffline(true);
  const capture = page.getByRole('form', { name: 'People I met' });
  for (const name of ['Bruno Díaz', 'Carla Ruiz']) {
    await capture.getByLabel('Name').fill(name);
    await capture.getByLabel('Name').press('Enter');
    await expect(page.getByTestId('event-capture').getByRole('listitem', { name })).toContainText('Waiting to send');
  }
  const outbox = page.getByTestId('outbox-status');
  await expect(outbox).toHaveAccessibleName('2 changes waiting');

  // Another screen, loaded again from scratch while offline: the outbox is still there.
  await page.goto(`/contacts/${ana.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Muñoz' })).toBeVisible();
  await page.getByLabel('Summary', { exact: true }).fill('Talked robots by the coffee');
  await page.getByRole('button', { name: 'Log touch', exact: true }).click();
  await expect(outbox).toHaveAccessibleName('3 changes waiting');
  await expect(outbox).toContainText('3');
  await page.getByRole('button', { name: 'Done', exact: true }).click();
  await expect(outbox).toHaveAccessibleName('4 changes waiting');

  // Back online: three arrive; the server refuses the fourth, which is shown, not dropped.
  await context.setOffline(false);
  await expect(outbox).toHaveAccessibleName('1 change refused', { timeout: 30_000 });
  const refusal = page.getByRole('alert').filter({ hasText: 'The server refused a change made offline' });
  await expect(refusal).toContainText('Follow-up done (Ana Muñoz: Send Ana the robot paper)');
  await refusal.getByRole('button', { name: 'Close' }).click();
  expect(lostOne).toBe(true);
  await outbox.click();
  await page.getByRole('button', { name: 'Discard: Follow-up done' }).click();
  await expect(outbox).toBeHidden();

  // Exactly once each, as the server sees it.
  const attendees = (await (await page.request.get(`/api/events/${event.id}`)).json()).attendees as { metHere: boolean; contact: { displayName: string } }[];
  expect(attendees.filter((a) => a.metHere).map((a) => a.contact.displayName).sort()).toEqual(['Bruno Díaz', 'Carla Ruiz']);
  const contacts = (await (await page.request.get('/api/contacts', { params: { limit: 50 } })).json()).items as { displayName: string }[];
  expect(contacts.map((c) => c.displayName).sort()).toEqual(['Ana Muñoz', 'Bruno Díaz', 'Carla Ruiz']);
  const timeline = (await (await page.request.get(`/api/contacts/${ana.id}/timeline`)).json()).items as unknown[];
  expect(JSON.stringify(timeline).match(/Talked robots by the coffee/g)).toHaveLength(1);
  // And the screen shows the server's truth again.
  await expect(page.getByTestId('timeline').getByText('Talked robots by the coffee')).toBeVisible();
});
