// Duplicates (docs/domain.md#duplicates-and-merging): two records of the same person are found on the contacts page, merged
// from a preview of the result, and everything from both ends up on the one kept.
import { expect, test, type Page } from './csp.js';
import { TIME_ZONE, setUpAccount, type Words } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words = {
  yourName: 'Your name',
  email: 'Email',
  password: 'Password',
  createAccount: 'Create account',
  today: 'Today',
} as Words;

const SHOTS = process.env.SHOTS_DIR;

/** Writes through the API as the logged-in user, the way the web app does. */
async function apiPost(page: Page, path: string, body: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const reply = await page.request.post(path, { data: body, headers: { 'X-CSRF-Token': me.csrfToken } });
  expect(reply.ok(), `${path}: ${await reply.text()}`).toBe(true);
  return reply.json();
}

async function shoot(page: Page, name: string) {
  if (!SHOTS) return;
  for (const [label, size] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 812 }]] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(250);
    await page.screenshot({ path: `${SHOTS}/${name}-${label}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

test('two records of one person are found, previewed and merged without losing anything', async ({ page }) => {
  await setUpAccount(page, words);
  const kept = await apiPost(page, '/api/contacts', {
    firstName: 'José Ignacio',
    lastName: 'Muñoz',
    company: 'Acme Robotics',
    emails: ['jose@acme.example'],
    tags: ['robotics'],
    notes: 'Met at the Madrid robotics fair.',
  });
  const other = await apiPost(page, '/api/contacts', {
    firstName: 'Jose Ignacio',
    lastName: 'Munoz',
    company: 'ACME Robotics',
    title: 'Head of Hardware',
    emails: ['JOSE@acme.example', 'nacho@home.example'],
    phones: ['+34 611 222 333'],
    tags: ['Madrid'],
    notes: 'Loves climbing.',
  });
  await apiPost(page, '/api/interactions', { contactIds: [other.id], channel: 'coffee', direction: 'outbound', intent: 'nurture', summary: 'Coffee near Atocha' });
  await apiPost(page, '/api/contacts', { firstName: 'Ana', lastName: 'García', phones: ['600 111 222'] });
  await apiPost(page, '/api/contacts', { firstName: 'Ana', lastName: 'Garcia Pérez', phones: ['600111222'] });
  await apiPost(page, '/api/contacts', { firstName: 'Luis', company: 'Lumen' });

  await page.getByRole('link', { name: 'Contacts', exact: true }).first().click();
  await page.getByRole('link', { name: 'Duplicates', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Possible duplicates' })).toBeVisible();
  await expect(page.getByText('2 possible pairs')).toBeVisible();
  const pair = page.getByRole('listitem', { name: /José Ignacio Muñoz and Jose Ignacio Munoz|Jose Ignacio Munoz and José Ignacio Muñoz/ });
  await expect(pair.getByText('Same email')).toBeVisible();
  await expect(pair.getByText('Same name and company')).toBeVisible();
  await expect(page.getByRole('listitem', { name: /Ana García/ }).getByText('Same phone')).toBeVisible();
  await shoot(page, 'duplicates');

  await pair.getByRole('button', { name: 'Merge…' }).click();
  const dialog = page.getByRole('dialog');
  // The one with history is offered as the one to keep; keep the first record instead.
  await expect(dialog.getByRole('radio', { name: 'Jose Ignacio Munoz' })).toBeChecked();
  await dialog.getByRole('radio', { name: 'José Ignacio Muñoz' }).check();
  const preview = dialog.getByTestId('merge-preview');
  await expect(preview.getByText('Head of Hardware')).toBeVisible();
  await expect(preview.getByText('nacho@home.example')).toBeVisible();
  await expect(preview.getByText('Met at the Madrid robotics fair.', { exact: false })).toContainText('Loves climbing.');
  await expect(dialog.getByText(/Jose Ignacio Munoz will be deleted after merging. Its 1 touch/)).toBeVisible();
  await shoot(page, 'merge-preview');
  await dialog.getByRole('button', { name: 'Merge contacts' }).click();
  await expect(page.getByText('Jose Ignacio Munoz merged into José Ignacio Muñoz')).toBeVisible();
  await expect(pair).toBeHidden();
  await expect(page.getByText('1 possible pair')).toBeVisible();

  // The kept contact holds both records and the touch.
  await page.goto(`/contacts/${kept.id}`);
  await expect(page.getByRole('heading', { level: 1, name: 'José Ignacio Muñoz' })).toBeVisible();
  await expect(page.getByText('nacho@home.example')).toBeVisible();
  await expect(page.getByText('Coffee near Atocha')).toBeVisible();
  const gone = await page.request.get(`/api/contacts/${other.id}`);
  expect(gone.status()).toBe(404);

  if (SHOTS) {
    // The same screens in Spanish.
    await apiPost(page, '/api/contacts', { firstName: 'Marta', lastName: 'Sánchez', emails: ['marta@lumen.example'], company: 'Lumen' });
    await apiPost(page, '/api/contacts', { firstName: 'Marta', emails: ['MARTA@lumen.example'], links: ['https://www.linkedin.com/in/marta-s'] });
    await page.evaluate(() => localStorage.setItem('circulo.language', 'es'));
    await page.goto('/contacts');
    await page.waitForTimeout(500);
    await shoot(page, 'contacts-es');
    await page.goto('/contacts/duplicates');
    await expect(page.getByRole('heading', { level: 1, name: 'Posibles duplicados' })).toBeVisible();
    await shoot(page, 'duplicates-es');
    await page.getByRole('listitem', { name: /Marta/ }).getByRole('button', { name: 'Fusionar…' }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await shoot(page, 'merge-preview-es');
  }
});
