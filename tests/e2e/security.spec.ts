// Settings → Security in a browser: turn on two-factor with an authenticator app (the code is
// computed here from the key the screen shows), log in again with a code, then with a recovery
// code, and change the password.
import { expect, test, type Page } from '@playwright/test';
import * as OTPAuth from 'otpauth';
import { TIME_ZONE, englishWords, setUpAccount } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

const EMAIL = 'lucia@example.com';
const PASSWORD = 'correct horse battery';

async function openSecurity(page: Page) {
  await page.getByRole('link', { name: 'Settings' }).first().click();
  await page.getByRole('link', { name: 'Open Security' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Security' })).toBeVisible();
}

async function logOut(page: Page) {
  await page.getByRole('button', { name: 'Log out' }).click();
  await expect(page.getByRole('heading', { name: 'Welcome back' })).toBeVisible();
}

/** Back in the app (on the page the user was on before logging out). */
async function expectLoggedIn(page: Page) {
  await expect(page.getByText('Signed in as Lucía Fernández')).toBeVisible();
}

async function logInPassword(page: Page, password: string) {
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByRole('textbox', { name: 'Password' }).fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByRole('heading', { name: 'Two-step verification' })).toBeVisible();
}

test('two-factor: enrol, log in with a code and with a recovery code, change the password', async ({ page }) => {
  await setUpAccount(page, englishWords);
  await openSecurity(page);

  // Enrol: password, then the QR code and its key, then a code from the "app".
  const twoFactor = page.getByTestId('security-two-factor');
  await expect(twoFactor.getByText('Off', { exact: true })).toBeVisible();
  await twoFactor.getByRole('button', { name: 'Turn on two-factor' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Current password').fill(PASSWORD);
  await dialog.getByRole('button', { name: 'Continue' }).click();
  await expect(dialog.getByRole('img', { name: /QR code/ })).toBeVisible();
  const key = (await dialog.getByTestId('totp-secret').innerText()).replace(/\s+/g, '');
  const secret = OTPAuth.Secret.fromBase32(key);
  await dialog.getByLabel('6-digit code').fill('000000' === OTPAuth.TOTP.generate({ secret }) ? '111111' : '000000');
  await dialog.getByRole('button', { name: 'Turn on' }).click();
  await expect(dialog.getByText(/That code is not right/)).toBeVisible();
  await dialog.getByLabel('6-digit code').fill(OTPAuth.TOTP.generate({ secret }));
  await dialog.getByRole('button', { name: 'Turn on' }).click();

  // The recovery codes, shown once.
  await expect(dialog.getByText('Save your recovery codes now').first()).toBeVisible();
  const codes = await dialog.getByTestId('recovery-codes').getByRole('listitem').allInnerTexts();
  expect(codes).toHaveLength(10);
  await dialog.getByRole('button', { name: 'I have saved them' }).click();
  await expect(dialog).toBeHidden();
  await expect(twoFactor.getByText('On', { exact: true })).toBeVisible();
  await expect(twoFactor.getByText('10 recovery codes left')).toBeVisible();

  // Log out and back in: the password is not enough any more.
  await logOut(page);
  await logInPassword(page, PASSWORD);
  // A code for a minute ago is refused; the current one works. (The enrolment's code may still
  // be the current one within its 30 s: then the next step's, allowed for clock drift, is used.)
  await page.getByLabel('6-digit code').fill(OTPAuth.TOTP.generate({ secret, timestamp: Date.now() - 120_000 }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByText('That code is not right, or was already used.')).toBeVisible();
  await page.getByLabel('6-digit code').fill(OTPAuth.TOTP.generate({ secret, timestamp: Date.now() + 30_000 }));
  await page.getByRole('button', { name: 'Verify' }).click();
  await expectLoggedIn(page);

  // Lost phone: a recovery code instead.
  await logOut(page);
  await logInPassword(page, PASSWORD);
  await page.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(codes[0]!.trim());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expectLoggedIn(page);

  // Change the password; this session stays.
  await openSecurity(page);
  const passwordCard = page.getByTestId('security-password');
  await passwordCard.getByLabel('Current password').fill('not my password');
  await passwordCard.getByLabel(/^New password/).fill('a brand new passphrase');
  await passwordCard.getByLabel('Repeat the new password').fill('a brand new passphrase');
  await passwordCard.getByRole('button', { name: 'Change password' }).click();
  await expect(passwordCard.getByText('This is not your current password')).toBeVisible();
  await passwordCard.getByLabel('Current password').fill(PASSWORD);
  await passwordCard.getByRole('button', { name: 'Change password' }).click();
  await expect(page.getByText(/Password changed\./)).toBeVisible();
  const sessions = page.getByTestId('security-sessions');
  await expect(sessions.getByText('This device', { exact: true })).toBeVisible();
  await expect(sessions.getByTestId('session-row')).toHaveCount(1);
  await expect(page.getByText('9 recovery codes left')).toBeVisible();

  // The new password (and the second recovery code) log in; the old password does not.
  await logOut(page);
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByRole('textbox', { name: 'Password' }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in' }).click();
  await expect(page.getByText('That email and password do not match.')).toBeVisible();
  await logInPassword(page, 'a brand new passphrase');
  await page.getByRole('button', { name: 'Lost your phone? Use a recovery code' }).click();
  await page.getByLabel('Recovery code').fill(codes[1]!.trim());
  await page.getByRole('button', { name: 'Verify' }).click();
  await expectLoggedIn(page);
});
