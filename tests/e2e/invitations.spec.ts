// Online networking done right (issue 5): an incoming invitation gets a personal welcome that
// names what you share, it is marked sent, they reply, and the funnel counts it.
import { expect, test, type Page } from './csp.js';
import { TIME_ZONE } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const SCHOOL = 'Universidad de Valparaíso';

async function setUp(page: Page) {
  await page.goto('/');
  await expect(page).toHaveURL(/\/setup$/);
  await page.getByLabel('Your name').fill('Lucía Fernández');
  await page.getByLabel('Email').fill('lucia@example.com');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill('correct horse battery');
  await page.getByRole('button', { name: 'Create account' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Today' })).toBeVisible();
}

async function addTag(page: Page, label: string, value: string) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.fill(value);
  await input.press('Enter');
  await expect(page.getByText(value, { exact: true }).first()).toBeVisible();
}

test('an incoming invitation gets a welcome naming the shared school, a reply, and the funnel counts it', async ({ page }) => {
  await setUp(page);

  // My profile: the school common points are made of.
  await page.getByRole('link', { name: 'Settings' }).click();
  const pitch = page.getByTestId('settings-pitch');
  await addTag(page, 'Schools', SCHOOL);
  await pitch.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText('Pitch and common ground saved')).toBeVisible();

  // Someone new invites me on LinkedIn.
  await page.getByRole('link', { name: 'Invitations' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Invitations' })).toBeVisible();
  await page.getByRole('button', { name: 'Record an invitation' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Record an invitation' });
  await dialog.getByLabel('First name').fill('Rosa');
  await dialog.getByLabel('Last name').fill('Villalobos');
  await dialog.getByLabel('Company').fill('Enel');
  await dialog.getByLabel('Their message').fill('Hi Lucía, I enjoyed your talk on grid data. Shall we connect?');
  await dialog.getByRole('button', { name: 'Record', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Welcome Rosa Villalobos' })).toBeVisible();
  await expect(page.getByText('Nothing in common found yet')).toBeVisible();

  // I know where she studied: add it to her contact.
  await page.getByRole('link', { name: 'Edit Rosa Villalobos' }).click();
  await addTag(page, 'Schools', SCHOOL);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Rosa Villalobos' })).toBeVisible();
  await expect(page.getByTestId('common-ground').getByText(SCHOOL)).toBeVisible();

  // The inbox shows her without a welcome yet; the proposed welcome names the shared school.
  await page.getByRole('link', { name: 'Invitations' }).click();
  const row = page.getByTestId('invitation-row').filter({ hasText: 'Rosa Villalobos' });
  await expect(row.getByText('No welcome yet')).toBeVisible();
  await row.getByRole('link', { name: 'Write welcome: Rosa Villalobos' }).click();
  await expect(page.getByTestId('common-points').getByText(SCHOOL)).toBeVisible();
  const body = page.getByRole('textbox', { name: 'Message' });
  await expect(body).toHaveValue(new RegExp(SCHOOL));
  await expect(body).toHaveValue(/Hi Rosa,/);
  await expect(page.getByTestId('left-over')).toHaveCount(0);

  await page.getByRole('button', { name: 'Mark sent' }).click();
  await expect(page.getByText(/Welcome sent on/)).toBeVisible();
  await expect(page.getByTestId('welcome-editor').getByText(SCHOOL)).toBeVisible(); // The text is kept.

  await page.getByRole('button', { name: 'Mark replied' }).click();
  await expect(page.getByTestId('replied-on')).toBeVisible();
  await page.getByRole('radio', { name: /Meeting/ }).check();
  await expect(page.getByText('Outcome saved')).toBeVisible();

  // The funnel: one incoming, welcomed, replied and met; a reply rate of 100 %.
  await page.getByRole('link', { name: 'All invitations' }).click();
  const funnel = page.getByTestId('funnel');
  await expect(funnel.getByRole('row', { name: 'Replied' })).toContainText('1');
  await expect(funnel.getByRole('row', { name: 'Meeting' })).toContainText('1');
  await expect(funnel.getByRole('row', { name: 'Collaboration' })).toContainText('0');
  await expect(page.getByTestId('reply-rate')).toHaveText(/Most people never reply; yours is 100\s?%/);
  await expect(page.getByTestId('invitation-row').filter({ hasText: 'Rosa Villalobos' }).getByText('Meeting')).toBeVisible();
});
