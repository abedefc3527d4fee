import { and, eq } from 'drizzle-orm';
import type { ReciprocitySummary } from '#shared/schemas/favors.js';
import { reciprocity, shouldSuggestGive } from '#shared/rules/favors.js';
import type { Tx } from '../../db/database.js';
import { contacts, favors } from '../../db/schema.js';
import type { UserContext } from '../settings/user-context.js';
import { lastTwelveMonthsSql } from './rules-sql.js';

/** The last 12 months of favors of one contact, or of everyone. */
async function recentFavors(db: Tx, user: UserContext, contactId?: string) {
  return db
    .select({ contactId: favors.contactId, displayName: contacts.displayName, direction: favors.direction, occurredOn: favors.occurredOn })
    .from(favors)
    .innerJoin(contacts, eq(contacts.id, favors.contactId))
    .where(
      and(
        eq(favors.accountId, user.accountId),
        contactId ? eq(favors.contactId, contactId) : undefined,
        lastTwelveMonthsSql(user.today),
      ),
    );
}

export async function contactReciprocity(db: Tx, user: UserContext, contactId: string) {
  const rows = await recentFavors(db, user, contactId);
  return reciprocity(rows.map((r) => ({ direction: r.direction, occurredOn: r.occurredOn })), user.today);
}

export async function reciprocitySummary(db: Tx, user: UserContext): Promise<ReciprocitySummary> {
  const rows = await recentFavors(db, user);
  const all = rows.map((r) => ({ direction: r.direction, occurredOn: r.occurredOn }));
  const byContact = new Map<string, typeof rows>();
  for (const row of rows) byContact.set(row.contactId, [...(byContact.get(row.contactId) ?? []), row]);
  const suggestGiveTo = [...byContact.values()].flatMap((list) => {
    const balance = reciprocity(list.map((r) => ({ direction: r.direction, occurredOn: r.occurredOn })), user.today);
    return shouldSuggestGive(balance) ? [{ id: list[0]!.contactId, displayName: list[0]!.displayName, received: balance.received }] : [];
  });
  suggestGiveTo.sort((a, b) => b.received - a.received || a.displayName.localeCompare(b.displayName));
  return { ...reciprocity(all, user.today), suggestGiveTo };
}
