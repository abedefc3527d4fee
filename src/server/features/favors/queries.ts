import { and, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Favor, FavorCreate, FavorOutcome, FavorPatch, FavorThank } from '#shared/schemas/favors.js';
import type { FavorKind } from '#shared/enums.js';
import { loopStatus } from '#shared/rules/favors.js';
import { addDays } from '#shared/rules/time.js';
import type { Db, Tx } from '../../db/database.js';
import { contacts, favors, followups } from '../../db/schema.js';
import { badRequest, conflict, notFound } from '../../http/problems.js';
import { afterCursor, decodeCursor, pageFrom } from '../../http/pagination.js';
import { followupTitles } from '../../i18n/messages.js';
import { findContactRow } from '../contacts/queries.js';
import { refreshContacts } from '../contacts/derived.js';
import type { UserContext } from '../settings/user-context.js';
import { toFavor, type FavorRow } from './mapping.js';
import { noNewsSql } from './rules-sql.js';
import { withoutUndefined } from '../../db/patch.js';

/** Favors matching `where`, with the names of the people involved, newest first. */
export async function selectFavors(db: Tx, user: UserContext, where: SQL | undefined, limit = 500): Promise<Favor[]> {
  const rows = await db
    .select({
      favor: favors,
      contact: { id: contacts.id, displayName: contacts.displayName },
      introducedToName: sql<string | null>`(select i.display_name from ${contacts} i where i.id = ${favors.introducedToId})`,
    })
    .from(favors)
    .innerJoin(contacts, eq(contacts.id, favors.contactId))
    .where(and(eq(favors.accountId, user.accountId), where))
    .orderBy(desc(favors.occurredOn), desc(favors.id))
    .limit(limit);
  return rows.map((r) => {
    const introducedTo = r.favor.introducedToId && r.introducedToName ? { id: r.favor.introducedToId, displayName: r.introducedToName } : null;
    return toFavor(r.favor, r.contact, introducedTo, user.today);
  });
}

export async function getFavor(db: Tx, user: UserContext, id: string): Promise<Favor> {
  const [found] = await selectFavors(db, user, eq(favors.id, id), 1);
  if (!found) throw notFound('Favor');
  return found;
}

async function findFavorRow(tx: Tx, accountId: string, id: string): Promise<FavorRow> {
  const [row] = await tx.select().from(favors).where(and(eq(favors.accountId, accountId), eq(favors.id, id)));
  if (!row) throw notFound('Favor');
  return row;
}

/** Stores the loop status the rule derives, and when the loop closed. */
function withLoop(row: FavorRow, now: Date): Pick<FavorRow, 'loopStatus' | 'closedAt'> {
  const status = loopStatus({ ...row, direction: row.direction });
  const closedAt = status === 'closed' && row.direction === 'received' ? (row.closedAt ?? now) : null;
  return { loopStatus: status, closedAt };
}

async function closeFollowups(tx: Tx, favorId: string, kind: 'thank_you' | 'report_outcome', status: 'done' | 'dismissed', now: Date) {
  await tx
    .update(followups)
    .set({ status, completedAt: status === 'done' ? now : null, snoozedUntil: null })
    .where(and(eq(followups.favorId, favorId), eq(followups.kind, kind), inArray(followups.status, ['open', 'snoozed'])));
}

export async function createFavor(db: Db, user: UserContext, input: FavorCreate) {
  return db.transaction(async (tx) => {
    const contact = await findContactRow(tx, user.accountId, input.contactId);
    if (!contact) throw badRequest('contactId', 'no such contact');
    let introducedToId = input.introducedToId ?? null;
    if (introducedToId && !(await findContactRow(tx, user.accountId, introducedToId))) throw badRequest('introducedToId', 'no such contact');
    const occurredOn = input.occurredOn ?? user.today;
    if (input.newIntroducedContact) {
      // The person they introduced you to: a new contact, introduced by them.
      const n = input.newIntroducedContact;
      const [created] = await tx
        .insert(contacts)
        .values({
          accountId: user.accountId,
          firstName: n.firstName,
          lastName: n.lastName ?? null,
          company: n.company ?? null,
          displayName: [n.firstName, n.lastName].filter(Boolean).join(' '),
          introducedById: contact.id,
          source: 'referral',
          metOn: occurredOn,
          howMet: `${contact.displayName}`,
          createdAt: user.now,
          updatedAt: user.now,
        })
        .returning({ id: contacts.id });
      introducedToId = created!.id;
      await refreshContacts(tx, user.accountId, [introducedToId]);
    }
    const base = {
      accountId: user.accountId,
      contactId: contact.id,
      direction: input.direction,
      kind: input.kind,
      effort: input.effort ?? 'small',
      occurredOn,
      description: input.description ?? null,
      introducedToId,
      thankedOn: null,
      outcomeReportedOn: null,
      outcomeNotApplicable: false,
      createdAt: user.now,
    };
    const [row] = await tx
      .insert(favors)
      .values({ ...base, loopStatus: loopStatus(base) })
      .returning();
    if (row!.direction === 'received') {
      await tx.insert(followups).values({
        accountId: user.accountId,
        contactId: contact.id,
        kind: 'thank_you',
        dueOn: addDays(user.today, user.followupDelays.thankYouDays),
        title: followupTitles.thankYou(user.language, contact.displayName, row!.kind as FavorKind),
        favorId: row!.id,
        createdAt: user.now,
      });
    }
    return getFavor(tx, user, row!.id);
  });
}

export async function thankFavor(db: Db, user: UserContext, id: string, input: FavorThank) {
  return db.transaction(async (tx) => {
    const row = await findFavorRow(tx, user.accountId, id);
    if (row.direction !== 'received') throw conflict('Only a received favor is thanked.');
    if (row.thankedOn) throw conflict(`Already thanked on ${row.thankedOn}.`);
    const thankedOn = input.thankedOn ?? user.today;
    const updated = { ...row, thankedOn };
    await tx.update(favors).set({ thankedOn, ...withLoop(updated, user.now) }).where(eq(favors.id, id));
    await closeFollowups(tx, id, 'thank_you', 'done', user.now);
    if (!row.outcomeReportedOn && !row.outcomeNotApplicable) {
      const contact = (await findContactRow(tx, user.accountId, row.contactId))!;
      await tx.insert(followups).values({
        accountId: user.accountId,
        contactId: row.contactId,
        kind: 'report_outcome',
        dueOn: input.reportDueOn ?? addDays(thankedOn, user.followupDelays.outcomeReportDays),
        title: followupTitles.reportOutcome(user.language, contact.displayName, row.kind),
        favorId: id,
        createdAt: user.now,
      });
    }
    return getFavor(tx, user, id);
  });
}

export async function recordOutcome(db: Db, user: UserContext, id: string, input: FavorOutcome) {
  return db.transaction(async (tx) => {
    const row = await findFavorRow(tx, user.accountId, id);
    const notApplicable = input.notApplicable ?? false;
    const changes = {
      outcome: notApplicable ? (input.outcome ?? null) : input.outcome!,
      outcomeReportedOn: notApplicable ? null : (input.reportedOn ?? user.today),
      outcomeNotApplicable: notApplicable,
    };
    await tx.update(favors).set({ ...changes, ...withLoop({ ...row, ...changes }, user.now) }).where(eq(favors.id, id));
    await closeFollowups(tx, id, 'report_outcome', notApplicable ? 'dismissed' : 'done', user.now);
    return getFavor(tx, user, id);
  });
}

export async function updateFavor(db: Db, user: UserContext, id: string, patch: FavorPatch) {
  return db.transaction(async (tx) => {
    const row = await findFavorRow(tx, user.accountId, id);
    if (patch.introducedToId && !(await findContactRow(tx, user.accountId, patch.introducedToId))) {
      throw badRequest('introducedToId', 'no such contact');
    }
    const changes = withoutUndefined(patch);
    await tx.update(favors).set({ ...changes, ...withLoop({ ...row, ...changes }, user.now) }).where(eq(favors.id, id));
    return getFavor(tx, user, id);
  });
}

export async function deleteFavor(db: Db, accountId: string, id: string) {
  // Its follow-ups go with it (ON DELETE CASCADE).
  const deleted = await db.delete(favors).where(and(eq(favors.accountId, accountId), eq(favors.id, id))).returning({ id: favors.id });
  if (deleted.length === 0) throw notFound('Favor');
}

export interface FavorFilter {
  contactId?: string | undefined;
  direction?: 'received' | 'given' | undefined;
  loopStatus?: 'open' | 'thanked' | 'closed' | undefined;
  noNews?: boolean | undefined;
  limit: number;
  cursor?: string | undefined;
}

export async function listFavors(db: Db, user: UserContext, filter: FavorFilter) {
  const cursor = decodeCursor(filter.cursor, ['date', 'uuid']);
  const rows = await db
    .select({ id: favors.id, occurredOn: favors.occurredOn })
    .from(favors)
    .where(
      and(
        eq(favors.accountId, user.accountId),
        filter.contactId ? eq(favors.contactId, filter.contactId) : undefined,
        filter.direction ? eq(favors.direction, filter.direction) : undefined,
        filter.loopStatus ? eq(favors.loopStatus, filter.loopStatus) : undefined,
        filter.noNews
          ? noNewsSql(user.today)
          : undefined,
        afterCursor(cursor, 'desc', favors.occurredOn, favors.id, 'date'),
      ),
    )
    .orderBy(desc(favors.occurredOn), desc(favors.id))
    .limit(filter.limit + 1);
  const page = pageFrom(rows, filter.limit, (r) => [r.occurredOn, r.id], (r) => r.id);
  const loaded = page.items.length ? await selectFavors(db, user, inArray(favors.id, page.items)) : [];
  return { items: loaded, nextCursor: page.nextCursor };
}
