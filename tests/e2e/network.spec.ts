// The Network screen (docs/domain.md#the-network): the picture, a person found by search, and the
// best warm path to someone, lit up and listed.
import { expect, test, type Page } from './csp.js';
import { TIME_ZONE, setUpAccount, type Words } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const words = { yourName: 'Your name', email: 'Email', password: 'Password', createAccount: 'Create account', today: 'Today' } as Words;
const SHOTS = process.env.SHOTS_DIR;

async function apiPost(page: Page, path: string, body: unknown) {
  const me = await (await page.request.get('/api/auth/me')).json();
  const reply = await page.request.post(path, { data: body, headers: { 'X-CSRF-Token': me.csrfToken } });
  expect(reply.ok(), `${path}: ${await reply.text()}`).toBe(true);
  return reply.json();
}

test('the network shows who knows whom, finds a person and lights up the path to someone', async ({ page }) => {
  await setUpAccount(page, words);
  const friend = await apiPost(page, '/api/contacts', { firstName: 'Fabián', lastName: 'Amigo', circle: 'personal' });
  const target = await apiPost(page, '/api/contacts', { firstName: 'Teresa', lastName: 'Objetivo', company: 'Fintual' });
  await apiPost(page, '/api/contacts', { firstName: 'Celia', lastName: 'Colega', company: 'Fintual' });
  await apiPost(page, '/api/interactions', { contactIds: [friend.id], channel: 'coffee', direction: 'inbound', intent: 'nurture' });
  await apiPost(page, `/api/contacts/${friend.id}/relationships`, { otherId: target.id, kind: 'friend' });

  await page.getByRole('link', { name: 'Network' }).first().click();
  await expect(page.getByRole('heading', { name: 'Network', level: 1 })).toBeVisible();
  await expect(page.getByText('3 people, 1 tie between them')).toBeVisible();

  await page.getByRole('textbox', { name: 'Find a person' }).fill('Fab');
  await page.getByRole('option', { name: 'Fabián Amigo' }).click();

  await page.getByRole('textbox', { name: 'Path to…' }).fill('Teresa');
  await page.getByRole('option', { name: /Teresa Objetivo/ }).click();
  const path = page.getByTestId('network-path').getByTestId('intro-path').first();
  await expect(path).toContainText('Fabián Amigo');
  await expect(path).toContainText('Fabián Amigo knows Teresa Objetivo (friend)');
  await path.getByRole('button', { name: 'Show on the map' }).click();

  // Asking for the introduction: what is still blank is named, and goes once it is filled in.
  await path.getByRole('button', { name: 'Ask Fabián Amigo' }).click();
  const dialog = page.getByRole('dialog');
  const leftOver = dialog.getByTestId('intro-left-over');
  await expect(leftOver).toContainText('Why them');
  await expect(leftOver).toContainText('My pitch');
  await dialog.getByRole('textbox', { name: 'Why this person' }).fill('she is hiring analysts');
  await expect(dialog.getByTestId('intro-message')).toHaveValue(/she is hiring analysts/);
  await expect(leftOver).not.toContainText('Why them');
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // The path's "why" follows the language on screen, not the profile's (set to English at setup).
  await page.evaluate(() => localStorage.setItem('circulo.language', 'es'));
  await page.goto(`/contacts/${target.id}`);
  await expect(page.getByTestId('intro-path').first()).toContainText('Fabián Amigo conoce a Teresa Objetivo (amistad)');

  // Tying the two again is refused once, in Spanish, inside the form (no English toast on top).
  await page.getByRole('button', { name: 'Añadir vínculo' }).click();
  const tieForm = page.getByRole('dialog');
  await tieForm.getByRole('textbox', { name: 'Con quién' }).fill('Fab');
  await page.getByRole('option', { name: /Fabián Amigo/ }).click();
  await tieForm.getByRole('textbox', { name: 'De qué se conocen' }).click();
  await page.getByRole('option', { name: 'Amistad' }).click();
  await tieForm.getByRole('button', { name: 'Añadir vínculo' }).click();
  await expect(tieForm.getByRole('alert')).toContainText('Ya están vinculados');
  await expect(page.getByText('already tied')).toHaveCount(0);
  await tieForm.getByRole('button', { name: 'Cancelar' }).click();

  // An imported connection with nothing in common: Today says how to get some suggested.
  await apiPost(page, '/api/contacts', { firstName: 'Lina', lastName: 'Importada', source: 'linkedin' });
  await page.goto('/');
  await expect(page.getByTestId('handshake-none-in-common')).toContainText('Ninguna tiene aún nada en común contigo');
  await page.evaluate(() => localStorage.setItem('circulo.language', 'en'));
  if (SHOTS) await shootScreens(page, friend.id);
});

/** `SHOTS_DIR=/tmp/shots`: the screens this feature touches, in both languages and widths, to look at. */
async function shootScreens(page: Page, contactId: string) {
  await apiPost(page, '/api/interactions', { contactIds: [contactId], channel: 'meal', direction: 'outbound', intent: 'give' });
  // A strong tie gone quiet, and connections to engage, for Today.
  const patched = await page.request.patch('/api/profile', { data: { companies: ['Fintual'] }, headers: { 'X-CSRF-Token': (await (await page.request.get('/api/auth/me')).json()).csrfToken } });
  expect(patched.ok()).toBe(true);
  await apiPost(page, '/api/contacts', { firstName: 'Lina', lastName: 'Conexión', company: 'Fintual', source: 'linkedin' });
  const quiet = await apiPost(page, '/api/contacts', { firstName: 'Rocío', lastName: 'Callada', metOn: '2024-01-01', circle: 'personal' });
  for (const days of [40, 50, 60, 70]) {
    const at = new Date(Date.now() - days * 86_400_000).toISOString();
    await apiPost(page, '/api/interactions', { contactIds: [quiet.id], channel: 'meal', direction: days % 20 ? 'inbound' : 'outbound', intent: 'nurture', occurredAt: at });
  }
  for (const language of ['en', 'es']) {
    await page.evaluate((lng) => localStorage.setItem('circulo.language', lng), language);
    for (const [screen, url] of [['network', '/network'], ['contact', `/contacts/${contactId}`], ['today', '/']] as const) {
      for (const [width, size] of [['desktop', { width: 1280, height: 900 }], ['phone', { width: 375, height: 812 }]] as const) {
        await page.setViewportSize(size);
        await page.goto(url);
        await page.waitForLoadState('networkidle');
        await page.screenshot({ path: `${SHOTS}/${screen}-${language}-${width}.png`, fullPage: true });
      }
    }
  }
}
