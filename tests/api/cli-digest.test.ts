// `circulo digest send` as a cron job runs it: a real process, a real SMTP server, once a day.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCirculo } from '../support/cli.js';
import { throwawayDatabaseEnv } from '../support/harness.js';
import { startSmtp, type TestSmtp } from '../support/smtp.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let smtp: TestSmtp;

beforeAll(async () => {
  ({ env, cleanup } = await throwawayDatabaseEnv());
  smtp = await startSmtp();
});
afterAll(async () => {
  await cleanup();
  await smtp.close();
});

const circulo = (args: string[], extra: Record<string, string> = {}) =>
  runCirculo(args, { ...env, CIRCULO_PASSWORD: 'a long enough password', CIRCULO_PUBLIC_URL: 'https://circulo.example.org/', ...extra });

const SLOW = 240_000;

describe('circulo digest send', () => {
  it('sends the digest now, then not again that day; --weekly sends the review; without SMTP it says what to set', async () => {
    const created = await circulo(['user', 'create', '--email', 'olga@example.com', '--name', 'Olga Dueña']);
    expect(created.code, created.stderr).toBe(0);

    const off = await circulo(['digest', 'send', '--email', 'olga@example.com'], { CIRCULO_SMTP_URL: '' });
    expect(off.code).not.toBe(0);
    expect(off.stderr).toContain('CIRCULO_SMTP_URL');

    const sent = await circulo(['digest', 'send', '--email', 'OLGA@example.com'], { CIRCULO_SMTP_URL: smtp.url });
    expect(sent.code, sent.stderr).toBe(0);
    expect(sent.stdout).toMatch(/^Sent the daily digest for \d{4}-\d\d-\d\d to OLGA@example.com\./);
    expect(smtp.received).toHaveLength(1);
    // An empty day, sent because it was asked for; links start at CIRCULO_PUBLIC_URL.
    expect(smtp.received[0]!.subject).toMatch(/^Your networking for .*: nothing due$/);
    expect(smtp.received[0]!.text).toContain('Open Círculo: https://circulo.example.org/\n');
    expect(smtp.received[0]!.raw['list-unsubscribe']).toMatch(/^<https:\/\/circulo\.example\.org\/api\/email\/unsubscribe\/[\w.-]+>$/);

    const again = await circulo(['digest', 'send', '--email', 'olga@example.com'], { CIRCULO_SMTP_URL: smtp.url });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toMatch(/was already sent: nothing sent again/);
    expect(smtp.received).toHaveLength(1);

    const weekly = await circulo(['digest', 'send', '--email', 'olga@example.com', '--weekly'], { CIRCULO_SMTP_URL: smtp.url });
    expect(weekly.code, weekly.stderr).toBe(0);
    expect(smtp.received).toHaveLength(2);
    expect(smtp.received[1]!.subject).toMatch(/^Your week in review: /);

    const nobody = await circulo(['digest', 'send', '--email', 'nobody@example.com'], { CIRCULO_SMTP_URL: smtp.url });
    expect(nobody.code).not.toBe(0);
    expect(nobody.stderr).toContain('No user with the e-mail nobody@example.com');
  }, SLOW);
});
