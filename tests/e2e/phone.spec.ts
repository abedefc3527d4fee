// Settings → Connect your phone, as a new user follows it: the address, user name and a fresh app
// password read off the page work for a CardDAV client; a contact deleted on the web (here) or on
// the phone waits in the trash, and Restore brings it back.
import { expect, test } from '@playwright/test';
import { TIME_ZONE, englishWords, setUpAccount } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

test('connect a phone with the shown settings, then restore a deleted contact from the trash', async ({ page }) => {
  await setUpAccount(page, englishWords);
  const me = await (await page.request.get('/api/auth/me')).json();
  const created = await page.request.post('/api/contacts', { data: { firstName: 'Ana', lastName: 'Muñoz', emails: ['ana@example.com'] }, headers: { 'X-CSRF-Token': me.csrfToken } });
  const ana = (await created.json()).id as string;

  await page.goto('/settings');
  const phone = page.getByTestId('phone-sync');
  await expect(phone.getByRole('heading', { name: 'Connect your phone' })).toBeVisible();
  await phone.getByRole('button', { name: 'Create an app password' }).click();
  await expect(phone.getByTestId('phone-password')).toHaveText(/^circ_/);
  const [server, username, password] = await Promise.all(['phone-server', 'phone-username', 'phone-password'].map((id) => phone.getByTestId(id).innerText()));
  expect(username).toBe('lucia@example.com');
  expect(server).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/dav\/$/);

  // What a phone does with them: ask for its own card, by HTTP Basic.
  const auth = `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`;
  const card = await page.request.fetch(`${server}addressbooks/${me.user.id}/contacts/${ana}.vcf`, { headers: { authorization: auth } });
  expect(card.status()).toBe(200);
  expect(await card.text()).toContain('FN:Ana Muñoz');
  // The phone deletes it: it goes to the trash.
  expect((await page.request.fetch(`${server}addressbooks/${me.user.id}/contacts/${ana}.vcf`, { method: 'DELETE', headers: { authorization: auth } })).status()).toBe(204);

  await page.goto('/contacts');
  await page.getByRole('link', { name: 'Trash' }).click();
  const row = page.getByRole('listitem', { name: 'Ana Muñoz' });
  await row.getByRole('button', { name: 'Restore Ana Muñoz' }).click();
  await expect(page.getByText('Ana Muñoz is back, with their history')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'The trash is empty' })).toBeVisible();
  await page.goto(`/contacts/${ana}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Ana Muñoz' })).toBeVisible();
});
