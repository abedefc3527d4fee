// The server fetches every calendar subscription once an hour (README "Calendar subscriptions"):
// a timer in the `serve` process, as the e-mail scheduler (features/email/scheduler.ts), stopped on
// a clean stop. One pass never overlaps the next, and a subscription being fetched is not fetched
// again by this process (subscriptions.ts). Several server processes may each fetch a calendar
// in the same hour: harmless, as importing a calendar twice changes nothing.
import { periodicPass, type PeriodicPass } from '../../periodic-pass.js';
import { dueSubscriptions, fetchSubscription, type SubscriptionDeps } from './subscriptions.js';

/** How often the timer looks for subscriptions whose hour has come. */
export const CALENDAR_TICK_MS = 5 * 60_000;

export type CalendarScheduler = PeriodicPass;

export function createCalendarScheduler(deps: SubscriptionDeps & { log?: { error(message: string): void } }, options: { intervalMs?: number } = {}): CalendarScheduler {
  async function pass() {
    for (const row of await dueSubscriptions(deps.db, deps.now())) {
      try {
        await fetchSubscription(deps, row);
      } catch (error) {
        deps.log?.error(`Calendar subscription ${row.id}: the fetch failed: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
  }

  return periodicPass('Calendar subscriptions', pass, options.intervalMs ?? CALENDAR_TICK_MS, deps.log);
}
