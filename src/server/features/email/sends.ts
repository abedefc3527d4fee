// Sending the scheduled e-mails at most once (docs/domain.md#e-mail).
//
// Each e-mail is first *claimed*: a row in `email_sends` under the unique key (user, kind, local
// date), inserted with ON CONFLICT DO NOTHING, a statement that is its own transaction. Only the
// process whose insert made the row sends; every other process, restart or CLI run finds the row
// and does nothing. The local date is the user's own calendar date (the week's Monday for the
// weekly review), so a clock moved back or a restart never makes a second e-mail for that day.
//
// A crash between the claim and the SMTP answer leaves the row `sending`. It is NOT sent again:
// the SMTP server may already have accepted the message, and a second copy is worse than a
// missing one (at most once). Settings shows such a row as interrupted. A send the SMTP server
// refuses (or that cannot connect) is recorded `failed` with the error and tried again with
// back-off; each retry re-claims the row with a compare-and-set UPDATE, so again one process only.
import { and, desc, eq, inArray, isNull, lte, or, sql } from 'drizzle-orm';
import type { EmailKind } from '#shared/enums.js';
import { isoWeekOf, isoWeekRange, todayIn } from '#shared/rules/time.js';
import type { Db } from '../../db/database.js';
import { emailSends, users } from '../../db/schema.js';
import { composeDaily, composeTest, composeWeekly, userContextOf, type Links, type Recipient } from './compose.js';
import { renderHtml, renderText, type EmailContent } from './layout.js';
import { sendMail, type Mailer } from './mailer.js';
import type { UnsubscribeScope, UnsubscribeSigner } from './unsubscribe.js';

export interface MailDeps {
  db: Db;
  now: () => Date;
  mailer: Mailer;
  unsubscribe: UnsubscribeSigner;
  log?: { info(message: string): void; warn(message: string): void; error(message: string): void };
}

/** Minutes to wait before the next try, after the 1st, 2nd… failed one; then it stays failed. */
export const RETRY_MINUTES = [1, 5, 15, 60] as const;
export const MAX_ATTEMPTS = RETRY_MINUTES.length + 1;

export function linksFor(deps: Pick<MailDeps, 'mailer' | 'unsubscribe'>, userId: string, scope: UnsubscribeScope): Links {
  return {
    to: (path) => `${deps.mailer.publicUrl}${path}`,
    unsubscribe: `${deps.mailer.publicUrl}/api/email/unsubscribe/${deps.unsubscribe.sign(userId, scope)}`,
  };
}

/** The local date that keys an e-mail: the day for the digest, the week's Monday for the review. */
export function keyDate(kind: EmailKind, today: string): string {
  return kind === 'weekly' ? isoWeekRange(isoWeekOf(today)).start : today;
}

async function deliver(deps: MailDeps, recipient: Recipient, content: EmailContent) {
  await sendMail(deps.mailer, {
    to: recipient.email,
    subject: content.subject,
    text: renderText(content),
    html: renderHtml(content),
    unsubscribeUrl: content.unsubscribe.href,
    language: content.language,
  });
}

export const recipientColumns = {
  accountId: users.accountId,
  userId: users.id,
  email: users.email,
  name: users.name,
  language: users.language,
};

/** Claims (user, kind, date): the new row's id, or null when it was already taken. */
async function claim(deps: MailDeps, recipient: Recipient, kind: EmailKind, localDate: string): Promise<string | null> {
  const now = deps.now();
  const [row] = await deps.db
    .insert(emailSends)
    .values({ accountId: recipient.accountId, userId: recipient.userId, kind, localDate, status: 'sending', attempts: 1, claimedAt: now, createdAt: now })
    .onConflictDoNothing({ target: [emailSends.userId, emailSends.kind, emailSends.localDate] })
    .returning({ id: emailSends.id });
  return row?.id ?? null;
}

export type SendOutcome = 'sent' | 'skipped' | 'failed';

/** Composes and sends a claimed row's e-mail, and records how it went. Never throws. */
async function attempt(
  deps: MailDeps,
  recipient: Recipient,
  kind: EmailKind,
  row: { id: string; attempts: number },
  options: { whenEmpty: boolean },
): Promise<SendOutcome> {
  const where = and(eq(emailSends.id, row.id), eq(emailSends.accountId, recipient.accountId));
  try {
    const user = await userContextOf(deps.db, recipient, deps.now());
    const links = linksFor(deps, recipient.userId, kind);
    let content: EmailContent;
    if (kind === 'daily') {
      const daily = await composeDaily(deps.db, recipient, user, links);
      if (daily.empty && !options.whenEmpty) {
        await deps.db.update(emailSends).set({ status: 'skipped', error: null, retryAt: null }).where(where);
        return 'skipped';
      }
      content = daily.content;
    } else {
      content = await composeWeekly(deps.db, recipient, user, links);
    }
    await deliver(deps, recipient, content);
    await deps.db.update(emailSends).set({ status: 'sent', sentAt: deps.now(), error: null, retryAt: null }).where(where);
    deps.log?.info(`E-mail: ${kind} sent to user ${recipient.userId}`);
    return 'sent';
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    const delay = RETRY_MINUTES[row.attempts - 1];
    const retryAt = delay === undefined ? null : new Date(deps.now().getTime() + delay * 60_000);
    await deps.db
      .update(emailSends)
      .set({ status: 'failed', error: message, retryAt })
      .where(where)
      .catch(() => {});
    deps.log?.warn(`E-mail: ${kind} to user ${recipient.userId} failed (try ${row.attempts}): ${message}`);
    return 'failed';
  }
}

/**
 * Claims today's e-mail of this kind and sends it. `already` when another process (or an
 * earlier run) had claimed it: then nothing is sent.
 */
export async function claimAndSend(
  deps: MailDeps,
  recipient: Recipient & { timeZone: string },
  kind: EmailKind,
  options: { whenEmpty: boolean },
): Promise<SendOutcome | 'already'> {
  const localDate = keyDate(kind, todayIn(recipient.timeZone, deps.now()));
  const id = await claim(deps, recipient, kind, localDate);
  if (!id) return 'already';
  return attempt(deps, recipient, kind, { id, attempts: 1 }, options);
}

/** Failed sends whose back-off is over, re-claimed one by one (compare-and-set) and tried again. */
export async function retryFailed(deps: MailDeps): Promise<number> {
  const now = deps.now();
  const due = await deps.db
    .select({ id: emailSends.id, kind: emailSends.kind, whenEmpty: users.emailWhenEmpty, ...recipientColumns })
    .from(emailSends)
    .innerJoin(users, and(eq(users.id, emailSends.userId), eq(users.accountId, emailSends.accountId)))
    .where(
      and(
        eq(emailSends.status, 'failed'),
        lte(emailSends.retryAt, now),
        isNull(users.disabledAt),
        or(and(eq(emailSends.kind, 'daily'), users.emailDaily), and(eq(emailSends.kind, 'weekly'), users.emailWeekly)),
      ),
    );
  let retried = 0;
  for (const row of due) {
    const [taken] = await deps.db
      .update(emailSends)
      .set({ status: 'sending', attempts: sql`${emailSends.attempts} + 1`, claimedAt: now, retryAt: null })
      .where(and(eq(emailSends.id, row.id), eq(emailSends.accountId, row.accountId), eq(emailSends.status, 'failed'), lte(emailSends.retryAt, now)))
      .returning({ attempts: emailSends.attempts });
    if (!taken) continue;
    retried += 1;
    await attempt(deps, row, row.kind, { id: row.id, attempts: taken.attempts }, { whenEmpty: row.whenEmpty });
  }
  return retried;
}

/** The test e-mail from Settings: sent at once, recorded nowhere; throws with the SMTP error. */
export async function sendTestEmail(deps: MailDeps, recipient: Recipient): Promise<void> {
  await deliver(deps, recipient, composeTest(recipient, linksFor(deps, recipient.userId, 'all')));
}

/** The latest scheduled e-mail of a user, for Settings. */
export async function lastSend(db: Db, accountId: string, userId: string) {
  const [row] = await db
    .select()
    .from(emailSends)
    .where(and(eq(emailSends.accountId, accountId), eq(emailSends.userId, userId), inArray(emailSends.status, ['sending', 'sent', 'failed'])))
    .orderBy(desc(emailSends.claimedAt))
    .limit(1);
  return row ?? null;
}
