import { and, eq } from 'drizzle-orm';
import type { Cadences, FollowupDelays } from '#shared/schemas/settings.js';
import type { Language } from '#shared/enums.js';
import { todayIn } from '#shared/rules/time.js';
import type { Tx } from '../../db/database.js';
import { accounts, users } from '../../db/schema.js';
import { authOf, type AppContext, type Auth } from '../../http/context.js';
import { accountSettingsColumns, toAccountSettings } from './cadences.js';

/** What date-dependent rules need to know about the caller. */
export interface UserContext {
  accountId: string;
  userId: string;
  timeZone: string;
  language: Language;
  weeklyTarget: number;
  cadences: Cadences;
  followupDelays: FollowupDelays;
  now: Date;
  /** The calendar date in the user's time zone. */
  today: string;
}

export async function loadUserContext(db: Tx, auth: Auth, now: Date): Promise<UserContext> {
  // One statement for the user's and the account's settings: every authenticated request reads them.
  const [user] = await db
    .select({ timeZone: users.timeZone, weeklyTarget: users.weeklyTarget, language: users.language, ...accountSettingsColumns })
    .from(accounts)
    .leftJoin(users, and(eq(users.id, auth.userId), eq(users.accountId, accounts.id)))
    .where(eq(accounts.id, auth.accountId));
  if (!user) throw new Error(`account ${auth.accountId} not found`);
  const timeZone = user.timeZone ?? 'UTC';
  const settings = toAccountSettings(user);
  return {
    accountId: auth.accountId,
    userId: auth.userId,
    timeZone,
    language: user.language ?? 'en',
    weeklyTarget: user.weeklyTarget ?? 3,
    cadences: settings.cadences,
    followupDelays: settings.followupDelays,
    now,
    today: todayIn(timeZone, now),
  };
}

/**
 * The caller's UserContext on an authenticated route, by the app's clock: the one way a route
 * gets it (`await userOf(ctx, request)`).
 */
export function userOf({ db, now }: Pick<AppContext, 'db' | 'now'>, request: { auth: Auth | null }): Promise<UserContext> {
  return loadUserContext(db, authOf(request), now());
}
