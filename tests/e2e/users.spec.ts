// Settings → Users (the owner's): add a user, who logs in to an empty account of their own in
// another browser, then disable them — their next request lands on the login screen.
import { expect, test } from '@playwright/test';
import { TIME_ZONE, addContact, setUpAccount, englishWords } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words = englishWords;
const nuria = { name: 'Nuria Nueva', email: 'nuria@example.com', password: 'her own long password' };

test('the owner adds a user who gets an empty account, then disables them', async ({ page, browser, baseURL }) => {
  await setUpAccount(page, words);
  await addContact(page, words, { first: 'Ana', last: 'Muñoz', company: 'Acme Robotics', email: 'ana@acme.example' });

  await page.getByRole('link', { name: 'Settings' }).click();
  const users = page.getByTestId('settings-users');
  await expect(users.getByRole('listitem', { name: 'Lucía Fernández' })).toContainText('Owner');
  await users.getByRole('button', { name: 'Add user' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a user' });
  await dialog.getByLabel('Name').fill(nuria.name);
  await dialog.getByLabel('Email').fill(nuria.email);
  await dialog.getByLabel('Initial password').fill(nuria.password);
  await dialog.getByRole('button', { name: 'Add user' }).click();
  await expect(dialog).toBeHidden();
  const row = users.getByRole('listitem', { name: nuria.name });
  await expect(row).toContainText(nuria.email);
  await expect(row).toContainText('Active');

  // Nuria, in a browser of her own.
  const hers = await browser.newContext({ baseURL, locale: 'en-US', timezoneId: TIME_ZONE });
  const her = await hers.newPage();
  await her.goto('/login');
  await her.getByLabel('Email').fill(nuria.email);
  await her.getByRole('textbox', { name: 'Password' }).fill(nuria.password);
  await her.getByRole('button', { name: 'Log in' }).click();
  await expect(her.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
  await her.getByRole('link', { name: 'Contacts' }).click();
  await expect(her.getByRole('heading', { name: 'Your network starts here' })).toBeVisible();
  await expect(her.getByText('Ana Muñoz')).toHaveCount(0);
  await her.getByRole('link', { name: 'Settings' }).click();
  await expect(her.getByRole('heading', { name: 'API tokens' })).toBeVisible();
  await expect(her.getByTestId('settings-users')).toHaveCount(0);

  // The owner disables her.
  await row.getByRole('button', { name: `Disable ${nuria.name}` }).click();
  const confirm = page.getByRole('dialog', { name: `Disable ${nuria.name}?` });
  await confirm.getByRole('button', { name: 'Disable' }).click();
  await expect(confirm).toBeHidden();
  await expect(row).toContainText('Disabled');

  // Her next request finds her logged out, and she cannot log back in.
  await her.getByRole('link', { name: 'Weekly review' }).click();
  await expect(her).toHaveURL(/\/login/);
  await her.getByLabel('Email').fill(nuria.email);
  await her.getByRole('textbox', { name: 'Password' }).fill(nuria.password);
  await her.getByRole('button', { name: 'Log in' }).click();
  await expect(her.getByRole('alert')).toContainText('This user has been disabled');
  await hers.close();

  // Enabled again, she is back.
  await row.getByRole('button', { name: `Enable ${nuria.name}` }).click();
  await expect(row).toContainText('Active');
});
