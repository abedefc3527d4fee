// `serve` with CIRCULO_SMTP_URL starts the e-mail timer, and a clean stop waits for it: the real
// startServer on a throwaway database, the real clock, a real SMTP server.
import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/server/config.js';
import { emailSends, users } from '../../src/server/db/schema.js';
import { createUserWithAccount } from '../../src/server/features/auth/users.js';
import { startServer } from '../../src/server/server.js';
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

describe('serve and e-mail', () => {
  it('starts the scheduler, whose passes send a due digest once, and stops cleanly', async () => {
    const all = { ...env, PORT: '0', LOG_LEVEL: 'silent', CIRCULO_SECRET: 'serve-test-secret-serve-test', CIRCULO_SMTP_URL: smtp.url, CIRCULO_PUBLIC_URL: 'https://circulo.example.org' };
    const server = await startServer(loadConfig(all), all);
    try {
      expect(server.scheduler).not.toBeNull();
      const user = await createUserWithAccount(server.database.db, { email: 'serve@example.com', password: 'a long enough password', name: 'Sergio' }, new Date());
      // Hour 0: due whatever the real time; an empty day, asked for.
      await server.database.db.update(users).set({ emailHour: 0, emailWhenEmpty: true, emailWeekly: false }).where(eq(users.id, user!.id));
      await Promise.all([server.scheduler!.tick(), server.scheduler!.tick()]);
      await server.scheduler!.tick();
      expect(smtp.to('serve@example.com')).toHaveLength(1);
      const rows = await server.database.db.select().from(emailSends).where(eq(emailSends.userId, user!.id));
      expect(rows.map((row) => [row.kind, row.status])).toEqual([['daily', 'sent']]);
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('starts no timer without CIRCULO_SMTP_URL', async () => {
    const all = { ...env, PORT: '0', LOG_LEVEL: 'silent', CIRCULO_SECRET: 'serve-test-secret-serve-test', CIRCULO_SMTP_URL: '' };
    const server = await startServer(loadConfig(all), all);
    try {
      expect(server.scheduler).toBeNull();
    } finally {
      await server.stop();
    }
  }, 120_000);
});
