// The server sends the e-mails itself (README "E-mail"): a timer in the server process, started
// by `serve` when SMTP is configured and stopped on a clean stop. Every minute it looks for users
// whose hour has come in their own time zone and claims their e-mail (sends.ts makes that once per
// local day across processes). Its work runs beside the requests, never in their way: SMTP waits
// are asynchronous, and one tick never overlaps the next.
import { TZDate } from '@date-fns/tz';
import { and, gte, isNull, or } from 'drizzle-orm';
import type { EmailKind } from '#shared/enums.js';
import { addDays, todayIn } from '#shared/rules/time.js';
import { emailSends, users } from '../../db/schema.js';
import { periodicPass, type PeriodicPass } from '../../periodic-pass.js';
import { claimAndSend, keyDate, retryFailed, recipientColumns, type MailDeps } from './sends.js';

export const TICK_MS = 60_000;

/** Its pass: due e-mails, then retries. */
export type Scheduler = PeriodicPass;

/** Which e-mails are due for a user at `now`: their hour has come today in their time zone. */
export function dueKinds(user: { timeZone: string; emailHour: number; emailDaily: boolean; emailWeekly: boolean }, now: Date): EmailKind[] {
  let local: TZDate;
  try {
    local = new TZDate(now.getTime(), user.timeZone);
    todayIn(user.timeZone, now);
  } catch {
    return [];
  }
  if (local.getHours() < user.emailHour) return [];
  const kinds: EmailKind[] = [];
  if (user.emailDaily) kinds.push('daily');
  // ISO weeks start on Monday (docs/domain.md#time): the review goes out on Monday morning.
  if (user.emailWeekly && local.getDay() === 1) kinds.push('weekly');
  return kinds;
}

export function createScheduler(deps: MailDeps, options: { intervalMs?: number } = {}): Scheduler {
  async function pass() {
    const now = deps.now();
    const candidates = await deps.db
      .select({ ...recipientColumns, timeZone: users.timeZone, emailHour: users.emailHour, emailDaily: users.emailDaily, emailWeekly: users.emailWeekly, whenEmpty: users.emailWhenEmpty })
      .from(users)
      .where(and(isNull(users.disabledAt), or(users.emailDaily, users.emailWeekly)));
    // What is already claimed (the last week covers every zone's today and this week's Monday):
    // read once, so a quiet minute costs two queries, not an insert per user.
    const taken = new Set(
      (
        await deps.db
          .select({ userId: emailSends.userId, kind: emailSends.kind, localDate: emailSends.localDate })
          .from(emailSends)
          .where(gte(emailSends.localDate, addDays(todayIn('UTC', now), -8)))
      ).map((row) => `${row.userId}/${row.kind}/${row.localDate}`),
    );
    for (const user of candidates) {
      for (const kind of dueKinds(user, now)) {
        if (taken.has(`${user.userId}/${kind}/${keyDate(kind, todayIn(user.timeZone, now))}`)) continue;
        await claimAndSend(deps, user, kind, { whenEmpty: user.whenEmpty });
      }
    }
    await retryFailed(deps);
  }

  return periodicPass('E-mail', pass, options.intervalMs ?? TICK_MS, deps.log);
}
