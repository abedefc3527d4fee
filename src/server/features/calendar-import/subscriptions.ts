// Calendar subscriptions: a secret iCal address, fetched (fetch-calendar.ts) and imported as an
// uploaded .ics would be (features/imports/pipeline.ts), every hour by the server's timer
// (scheduler.ts) and on "fetch now". Each attempt is recorded on the subscription: when, whether
// it worked, why not, and what it changed.
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, lt, or } from 'drizzle-orm';
import type { CalendarSubscription } from '#shared/schemas/calendar-import.js';
import type { ImportReport } from '#shared/schemas/imports.js';
import type { Db } from '../../db/database.js';
import { calendarSubscriptions, users } from '../../db/schema.js';
import type { SecretBox } from '../auth/secret-box.js';
import { ImportError } from '../imports/errors.js';
import { runCalendarImport } from '../imports/pipeline.js';
import { loadUserContext } from '../settings/user-context.js';
import { CalendarFetchError, fetchCalendar, normaliseCalendarUrl, type CalendarFetchOptions } from './fetch-calendar.js';

/** A subscription is fetched again this long after its last attempt. */
export const FETCH_EVERY_MS = 60 * 60_000;

export interface SubscriptionDeps {
  db: Db;
  now: () => Date;
  /** Seals the addresses (CIRCULO_SECRET). */
  box: SecretBox;
  fetch: CalendarFetchOptions;
}

export type SubscriptionRow = typeof calendarSubscriptions.$inferSelect;

/** What a sealed address is bound to: a copy onto another row does not open. */
const sealContext = (row: { accountId: string; id: string }) => `calendar-subscription:${row.accountId}:${row.id}`;

export function toSubscription(row: SubscriptionRow): CalendarSubscription {
  return {
    id: row.id,
    name: row.name,
    urlHint: row.urlHint,
    createdAt: row.createdAt.toISOString(),
    lastFetchedAt: row.lastFetchedAt?.toISOString() ?? null,
    lastStatus: row.lastStatus ?? null,
    lastError: row.lastError ?? null,
    lastErrorCode: row.lastErrorCode ?? null,
    lastCounts: row.lastCounts ?? null,
  };
}

export async function addSubscription(deps: SubscriptionDeps, owner: { accountId: string; userId: string }, input: { name: string; url: string }): Promise<SubscriptionRow> {
  const url = normaliseCalendarUrl(input.url);
  const id = randomUUID();
  const [row] = await deps.db
    .insert(calendarSubscriptions)
    .values({
      id,
      accountId: owner.accountId,
      userId: owner.userId,
      name: input.name,
      urlSealed: deps.box.seal(url.toString(), sealContext({ accountId: owner.accountId, id })),
      // The path and query are the secret part (Google's /private-<key>/basic.ics).
      urlHint: `${url.protocol}//${url.host}/…`,
      createdAt: deps.now(),
    })
    .returning();
  return row!;
}

// One fetch per subscription at a time in this process: "fetch now" during the timer's pass (or
// a double click) joins the fetch under way instead of starting a second.
const inFlight = new Map<string, Promise<{ row: SubscriptionRow; report: ImportReport | null }>>();

export function fetchSubscription(deps: SubscriptionDeps, row: SubscriptionRow): Promise<{ row: SubscriptionRow; report: ImportReport | null }> {
  const running = inFlight.get(row.id);
  if (running) return running;
  const work = fetchAndImport(deps, row).finally(() => inFlight.delete(row.id));
  inFlight.set(row.id, work);
  return work;
}

async function fetchAndImport(deps: SubscriptionDeps, row: SubscriptionRow): Promise<{ row: SubscriptionRow; report: ImportReport | null }> {
  const where = and(eq(calendarSubscriptions.accountId, row.accountId), eq(calendarSubscriptions.id, row.id));
  const startedAt = deps.now();
  try {
    const url = deps.box.open(row.urlSealed, sealContext(row));
    if (url === null) throw new CalendarFetchError('bad_url', 'the address cannot be read with this server’s CIRCULO_SECRET: remove the subscription and add it again');
    const text = await fetchCalendar(url, deps.fetch);
    const user = await loadUserContext(deps.db, { accountId: row.accountId, userId: row.userId, via: 'token', csrfToken: null }, deps.now());
    const { report, counts } = await runCalendarImport(deps.db, user, row.name, text);
    const [updated] = await deps.db
      .update(calendarSubscriptions)
      .set({ lastFetchedAt: startedAt, lastStatus: 'ok', lastError: null, lastErrorCode: null, lastCounts: counts })
      .where(where)
      .returning();
    return { row: updated ?? row, report };
  } catch (error) {
    const known = error instanceof CalendarFetchError || error instanceof ImportError;
    if (!known) throw error;
    const [updated] = await deps.db
      .update(calendarSubscriptions)
      .set({ lastFetchedAt: startedAt, lastStatus: 'failed', lastError: error.message.slice(0, 500), lastErrorCode: error.code })
      .where(where)
      .returning();
    return { row: updated ?? row, report: null };
  }
}

/** The subscriptions whose last attempt is an hour old (never fetched first); not those of disabled users. */
export async function dueSubscriptions(db: Db, now: Date, limit = 50): Promise<SubscriptionRow[]> {
  const rows = await db
    .select({ subscription: calendarSubscriptions })
    .from(calendarSubscriptions)
    .innerJoin(users, and(eq(users.accountId, calendarSubscriptions.accountId), eq(users.id, calendarSubscriptions.userId)))
    .where(
      and(
        isNull(users.disabledAt),
        or(isNull(calendarSubscriptions.lastFetchedAt), lt(calendarSubscriptions.lastFetchedAt, new Date(now.getTime() - FETCH_EVERY_MS))),
      ),
    )
    .orderBy(asc(calendarSubscriptions.lastFetchedAt))
    .limit(limit);
  return rows.map((row) => row.subscription);
}
