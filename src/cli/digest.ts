// `circulo digest send`: the daily digest (or with --weekly, last week's review) now, for a cron
// job or a test. It claims the same once-a-day record as the server's timer, so a cron job and
// the server never both send it (README "E-mail"); unlike the timer it ignores the hour and the
// on/off settings, and sends even on a day with nothing to do: it was asked for.
import { and, eq } from 'drizzle-orm';
import { ensureWritableDataDir, loadConfig, loadSecret } from '../server/config.js';
import { emailSends } from '../server/db/schema.js';
import { findUserByEmail } from '../server/features/auth/users.js';
import { createMailer } from '../server/features/email/mailer.js';
import { claimAndSend, keyDate } from '../server/features/email/sends.js';
import { unsubscribeSigner } from '../server/features/email/unsubscribe.js';
import { todayIn } from '../shared/rules/time.js';
import { messagesFor } from './messages.js';
import { CliError, withDatabase } from './shared.js';

export async function digestSendCommand(options: { email: string; weekly?: boolean }) {
  const config = loadConfig();
  if (!config.mail.smtpUrl) throw new CliError('No e-mail can be sent: set CIRCULO_SMTP_URL (README "E-mail").');
  ensureWritableDataDir(config.dataDir);
  const secret = loadSecret(process.env, config.dataDir);
  const kind = options.weekly ? 'weekly' : 'daily';
  const mailer = createMailer(config.mail);
  try {
    const result = await withDatabase(
      'circulo digest send',
      async ({ db }) => {
        const user = await findUserByEmail(db, options.email);
        if (!user) throw new CliError(`No user with the e-mail ${options.email}.`);
        const now = () => new Date();
        const recipient = { accountId: user.accountId, userId: user.id, email: user.email, name: user.name, language: user.language, timeZone: user.timeZone };
        const outcome = await claimAndSend({ db, now, mailer, unsubscribe: unsubscribeSigner(secret) }, recipient, kind, { whenEmpty: true });
        const localDate = keyDate(kind, todayIn(user.timeZone, now()));
        const [row] = await db
          .select()
          .from(emailSends)
          .where(and(eq(emailSends.accountId, user.accountId), eq(emailSends.userId, user.id), eq(emailSends.kind, kind), eq(emailSends.localDate, localDate)));
        return { outcome, row, localDate, language: user.language };
      },
      { writes: true },
    );
    const m = messagesFor(result.language);
    const weekly = kind === 'weekly';
    if (result.outcome === 'sent') console.log(m.digestSent(weekly, result.localDate, options.email));
    else if (result.outcome === 'already') console.log(m.digestAlready(weekly, result.localDate, result.row?.status ?? 'sending'));
    else throw new CliError(m.digestFailed(weekly, result.row?.error ?? 'unknown error'));
  } finally {
    mailer.transport?.close();
  }
}
