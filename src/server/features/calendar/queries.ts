import { and, asc, eq, gte, inArray, sql } from 'drizzle-orm';
import type { ICalEventData } from 'ical-generator';
import type { Language } from '#shared/enums.js';
import type { Db } from '../../db/database.js';
import { accounts, contacts, eventAttendees, events, followups, users } from '../../db/schema.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { effectiveDueSql } from '../followups/queries.js';
import { eventEntry, followupEntry, type FeedContext } from './feed.js';

/** More open follow-ups than any calendar app wants to show; the nearest due come first. */
const MAX_FOLLOWUPS = 5_000;
const MAX_EVENTS = 2_000;

/** The account a feed secret opens, and the language to write the feed in; null for an unknown or revoked secret. */
export async function feedOwner(db: Db, secret: string): Promise<{ accountId: string; language: Language } | null> {
  const [row] = await db
    .select({ accountId: accounts.id, language: users.language })
    .from(accounts)
    .innerJoin(users, eq(users.accountId, accounts.id))
    .where(eq(accounts.calendarSecretHash, sha256(secret)))
    .orderBy(asc(users.createdAt))
    .limit(1);
  return row ? { accountId: row.accountId, language: row.language } : null;
}

async function followupEntries(db: Db, accountId: string, ctx: FeedContext): Promise<ICalEventData[]> {
  const rows = await db
    .select({
      id: followups.id,
      title: followups.title,
      kind: followups.kind,
      status: followups.status,
      dueOn: followups.dueOn,
      snoozedUntil: followups.snoozedUntil,
      contactId: contacts.id,
      contactName: contacts.displayName,
    })
    .from(followups)
    .innerJoin(contacts, eq(contacts.id, followups.contactId))
    .where(and(eq(followups.accountId, accountId), inArray(followups.status, ['open', 'snoozed'])))
    .orderBy(asc(effectiveDueSql), asc(followups.id))
    .limit(MAX_FOLLOWUPS);
  return rows.map((r) => followupEntry(r, ctx));
}

/** Events from a year back on (a calendar app keeps what it already has); the nearest first. */
async function eventEntries(db: Db, accountId: string, ctx: FeedContext): Promise<ICalEventData[]> {
  const since = new Date(ctx.now.getTime() - 365 * 24 * 60 * 60 * 1000);
  const rows = await db
    .select({
      id: events.id,
      name: events.name,
      kind: events.kind,
      startsAt: events.startsAt,
      endsAt: events.endsAt,
      place: events.place,
      url: events.url,
      targets: sql<number>`(select count(*)::int from ${eventAttendees} a where a.event_id = ${events.id} and a.target)`,
    })
    .from(events)
    .where(and(eq(events.accountId, accountId), gte(events.startsAt, since)))
    .orderBy(asc(events.startsAt), asc(events.id))
    .limit(MAX_EVENTS);
  return rows.map((r) => eventEntry(r, ctx));
}

/** Every kind of dated thing the feed shows, each turned into calendar entries. */
const feedSources: ((db: Db, accountId: string, ctx: FeedContext) => Promise<ICalEventData[]>)[] = [followupEntries, eventEntries];

export async function feedEntries(db: Db, accountId: string, ctx: FeedContext): Promise<ICalEventData[]> {
  const lists = await Promise.all(feedSources.map((source) => source(db, accountId, ctx)));
  return lists.flat();
}

export async function calendarFeedIsOn(db: Db, accountId: string): Promise<boolean> {
  const [row] = await db.select({ hash: accounts.calendarSecretHash }).from(accounts).where(eq(accounts.id, accountId));
  return Boolean(row?.hash);
}

/** A new secret (the old URL stops working), or none (the feed is off). Only its hash is kept. */
export async function setCalendarSecret(db: Db, accountId: string, on: boolean): Promise<string | null> {
  const secret = on ? randomToken(32) : null;
  await db.update(accounts).set({ calendarSecretHash: secret === null ? null : sha256(secret) }).where(eq(accounts.id, accountId));
  return secret;
}
