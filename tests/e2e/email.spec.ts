// Settings → E-mails in a browser: turn the daily digest off and on, change the hour, and send a
// test e-mail, first with the mail server down (the failure is shown), then with a real SMTP
// server listening (the success is shown and the message arrives).
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { expect, test } from './csp.js';
import { TIME_ZONE, englishWords, setUpAccount } from './foundation-flow.js';

test.use({ locale: 'en-US', timezoneId: TIME_ZONE });

test('the e-mail settings: on/off, the hour, and a test e-mail that fails, then arrives', async ({ page, baseURL }) => {
  await setUpAccount(page, englishWords);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByTestId('settings-email');
  await expect(section.getByRole('heading', { name: 'E-mails' })).toBeVisible();
  await expect(section.getByText('E-mail is off on this server')).toHaveCount(0);

  const daily = section.getByRole('switch', { name: /^Daily digest/ });
  await expect(daily).toBeChecked();
  await daily.click({ force: true });
  await expect(page.getByText('E-mail settings saved').first()).toBeVisible();
  await expect(daily).not.toBeChecked();
  await section.getByRole('textbox', { name: 'Send at' }).click();
  await page.getByRole('option', { name: '07:00' }).click();
  await expect(section.getByRole('textbox', { name: 'Send at' })).toHaveValue('07:00');
  await page.reload();
  await expect(section.getByRole('switch', { name: /^Daily digest/ })).not.toBeChecked();
  await expect(section.getByRole('switch', { name: /^Weekly review on Monday/ })).toBeChecked();
  await expect(section.getByRole('textbox', { name: 'Send at' })).toHaveValue('07:00');
  await section.getByRole('switch', { name: /^Daily digest/ }).click({ force: true });
  await expect(section.getByRole('switch', { name: /^Daily digest/ })).toBeChecked();

  // The server's CIRCULO_SMTP_URL points at a port where nothing listens yet: the test fails.
  const smtpPort = Number(new URL(baseURL!).port) + 500;
  await section.getByRole('button', { name: 'Send me a test e-mail' }).click();
  await expect(section.getByRole('alert')).toContainText('The test e-mail could not be sent');

  // A mail server comes up: the next test e-mail arrives.
  const received: string[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      let data = '';
      stream.on('data', (chunk: Buffer) => (data += chunk.toString('utf8')));
      stream.on('end', () => {
        received.push(`${session.envelope.rcptTo.map((r) => r.address).join()}\n${data}`);
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(smtpPort, '127.0.0.1', resolve));
  try {
    expect((smtp.server.address() as AddressInfo).port).toBe(smtpPort);
    await section.getByRole('button', { name: 'Send me a test e-mail' }).click();
    await expect(section.getByRole('status').filter({ hasText: 'Test e-mail sent' })).toBeVisible();
    await expect(section.getByRole('alert')).toHaveCount(0);
    expect(received).toHaveLength(1);
    expect(received[0]).toMatch(/^lucia@example\.com\n/);
    expect(received[0]).toContain('Subject: =?UTF-8?');
    expect(received[0]).toMatch(/List-Unsubscribe:\s+<http:\/\/127\.0\.0\.1:\d+\/api\/email\/unsubscribe\//);
  } finally {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
  }
});
