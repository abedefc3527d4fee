import { and, asc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { ContactCreate, ContactListQuery, ContactPatch } from '#shared/schemas/contacts.js';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import { campaignMembers, contacts, eventAttendees, events, favors, followups, interactionContacts, interactions, stageChanges } from '../../db/schema.js';
import { badRequest, notFound } from '../../http/problems.js';
import { afterCursor, decodeCursor, pageFrom } from '../../http/pagination.js';
import type { UserContext } from '../settings/user-context.js';
import { deleteMatchKeys, refreshContacts } from './derived.js';
import { contactReciprocity } from '../favors/reciprocity.js';
import { askStatsOf } from './ask-sql.js';
import { snapshotToTrash } from '../trash/snapshot.js';
import { strengthOf, strengthsOf } from '../relationships/strength.js';
import { deriveDisplayName, summaryColumns, toColumns, toContact, toSummary, type ContactRow } from './mapping.js';

const sortName = sql<string>`lower(${contacts.displayName})`;

/** Each word must appear somewhere in the normalised text: `jose munoz` finds José Ignacio Muñoz. */
function searchCondition(q: string): SQL | undefined {
  const words = q.split(/\s+/).filter(Boolean).slice(0, 8);
  if (words.length === 0) return undefined;
  return and(
    ...words.map((w) => {
      const pattern = `%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      return sql`${contacts.searchText} like circulo_normalize(${pattern})`;
    }),
  );
}

export async function listContacts(db: Db, user: UserContext, query: ContactListQuery) {
  const cursor = decodeCursor(query.cursor, ['text', 'uuid']);
  const conditions = [
    eq(contacts.accountId, user.accountId),
    query.q ? searchCondition(query.q) : undefined,
    query.circle ? eq(contacts.circle, query.circle) : undefined,
    query.kind ? eq(contacts.kind, query.kind) : undefined,
    query.stage ? eq(contacts.stage, query.stage) : undefined,
    query.tag ? sql`${contacts.tags} @> array[${query.tag}]::text[]` : undefined,
    query.due ? sql`${contacts.keepInTouchDueOn} <= ${user.today}::date` : undefined,
    afterCursor(cursor, 'asc', sortName, contacts.id, 'text'),
  ];
  const rows = await db
    .select(summaryColumns)
    .from(contacts)
    .where(and(...conditions))
    .orderBy(asc(sortName), asc(contacts.id))
    .limit(query.limit + 1);
  const strengths = await strengthsOf(db, user, rows.slice(0, query.limit).map((r) => r.id));
  return pageFrom(rows, query.limit, (r) => [r.displayName.toLowerCase(), r.id], (r) => {
    const strength = strengths.get(r.id);
    return { ...toSummary(r, user), ...(strength && { strength: { score: strength.score, why: strength.why, reasons: strength.reasons } }) };
  });
}

export async function findContactRow(db: Tx, accountId: string, id: string): Promise<ContactRow | undefined> {
  const [row] = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.id, id)))
    .limit(1);
  return row;
}

/** Contact rows in the order of `ids` (those that exist). */
export async function findContactRows(db: Tx, accountId: string, ids: string[]): Promise<ContactRow[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), inArray(contacts.id, ids)));
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}

export async function getContact(db: Tx, user: UserContext, id: string) {
  const row = await findContactRow(db, user.accountId, id);
  if (!row) throw notFound('Contact');
  const introducer = row.introducedById ? await findContactRow(db, user.accountId, row.introducedById) : undefined;
  return toContact(row, user, {
    introducedBy: introducer ? { id: introducer.id, displayName: introducer.displayName } : null,
    ask: (await askStatsOf(db, user.accountId, user.now, [id])).get(id)!,
    reciprocity: await contactReciprocity(db, user, id),
    strength: await strengthOf(db, user, id),
  });
}

/** References to other records must stay inside the caller's account. */
async function checkReferences(db: Tx, accountId: string, input: ContactCreate | ContactPatch, selfId?: string) {
  if (input.introducedById) {
    if (input.introducedById === selfId) throw badRequest('introducedById', 'a contact cannot introduce themselves');
    if (!(await findContactRow(db, accountId, input.introducedById))) throw badRequest('introducedById', 'no such contact');
  }
  if (input.metAtEventId) {
    const [event] = await db.select({ id: events.id }).from(events).where(and(eq(events.accountId, accountId), eq(events.id, input.metAtEventId)));
    if (!event) throw badRequest('metAtEventId', 'no such event');
  }
}

/** Inserts a contact inside the caller's transaction; its stored derived columns are the caller's to refresh. */
export async function insertContact(tx: Tx, user: UserContext, input: ContactCreate): Promise<string> {
  await checkReferences(tx, user.accountId, input);
  const [row] = await tx
    .insert(contacts)
    .values({ ...toColumns(input), accountId: user.accountId, displayName: deriveDisplayName(input), createdAt: user.now, updatedAt: user.now })
    .returning({ id: contacts.id });
  return row!.id;
}

export async function createContact(db: Db, user: UserContext, input: ContactCreate) {
  return db.transaction(async (tx) => {
    const id = await insertContact(tx, user, input);
    await refreshContacts(tx, user.accountId, [id]);
    return getContact(tx, user, id);
  });
}

export async function updateContact(db: Db, user: UserContext, id: string, patch: ContactPatch) {
  return db.transaction(async (tx) => {
    const current = await findContactRow(tx, user.accountId, id);
    if (!current) throw notFound('Contact');
    await checkReferences(tx, user.accountId, patch, id);
    // A display name that was derived follows the names; one the user typed stays.
    const wasDerived = current.displayName === deriveDisplayName({ ...current, displayName: null });
    const merged = { ...current, ...toColumns(patch) };
    const keepTyped = patch.displayName === undefined && !wasDerived;
    const displayName = keepTyped ? current.displayName : deriveDisplayName({ ...merged, displayName: patch.displayName ?? null });
    if (!merged.firstName && !merged.lastName && !(patch.displayName ?? (keepTyped ? current.displayName : null))) {
      throw badRequest('firstName', 'a contact needs a first name, last name or display name');
    }
    await tx
      .update(contacts)
      .set({ ...toColumns(patch), displayName, updatedAt: user.now })
      .where(and(eq(contacts.accountId, user.accountId), eq(contacts.id, id)));
    await refreshContacts(tx, user.accountId, [id]);
    if (patch.stage && patch.stage !== current.stage) {
      await tx.insert(stageChanges).values({ accountId: user.accountId, contactId: id, fromStage: current.stage, toStage: patch.stage, changedAt: user.now });
    }
    return getContact(tx, user, id);
  });
}

/** What deleting a contact takes with it, for the confirmation the UI shows. */
export async function deleteImpact(db: Tx, accountId: string, id: string) {
  if (!(await findContactRow(db, accountId, id))) throw notFound('Contact');
  const [counts] = await queryRows<{ followups: number; favors: number; events: number; campaigns: number; only: number; shared: number }>(db, sql`
    select
      (select count(*)::int from ${followups} where account_id = ${accountId} and contact_id = ${id}) as followups,
      (select count(*)::int from ${favors} where account_id = ${accountId} and contact_id = ${id}) as favors,
      (select count(*)::int from ${eventAttendees} where account_id = ${accountId} and contact_id = ${id}) as events,
      (select count(*)::int from ${campaignMembers} where account_id = ${accountId} and contact_id = ${id}) as campaigns,
      (select count(*)::int from ${interactionContacts} ic where ic.account_id = ${accountId} and ic.contact_id = ${id}
        and not exists (select 1 from ${interactionContacts} o where o.interaction_id = ic.interaction_id and o.contact_id <> ${id})) as only,
      (select count(*)::int from ${interactionContacts} ic where ic.account_id = ${accountId} and ic.contact_id = ${id}
        and exists (select 1 from ${interactionContacts} o where o.interaction_id = ic.interaction_id and o.contact_id <> ${id})) as shared
  `);
  return {
    followups: counts!.followups,
    favors: counts!.favors,
    // Attendee lists and campaign memberships they leave (the events and campaigns stay).
    events: counts!.events,
    campaigns: counts!.campaigns,
    interactionsDeleted: counts!.only,
    interactionsKept: counts!.shared,
  };
}

/**
 * Removes the contact, its follow-ups and the touches that were only with them, after keeping
 * all of it in the trash (features/trash) for 30 days: every deletion, from the web app, the API
 * or a phone, can be undone there.
 */
export async function deleteContact(db: Db, accountId: string, id: string, now: Date) {
  await db.transaction(async (tx) => {
    if (!(await findContactRow(tx, accountId, id))) throw notFound('Contact');
    await snapshotToTrash(tx, accountId, id, now);
    const onlyWithThem = tx
      .select({ id: interactionContacts.interactionId })
      .from(interactionContacts)
      .where(
        and(
          eq(interactionContacts.accountId, accountId),
          eq(interactionContacts.contactId, id),
          sql`not exists (select 1 from ${interactionContacts} o where o.interaction_id = ${interactionContacts.interactionId} and o.contact_id <> ${id})`,
        ),
      );
    await tx.delete(interactions).where(and(eq(interactions.accountId, accountId), inArray(interactions.id, onlyWithThem)));
    // Follow-ups, favors, attendances, memberships and the remaining links go by ON DELETE
    // CASCADE; introductions by SET NULL.
    await tx.delete(contacts).where(and(eq(contacts.accountId, accountId), eq(contacts.id, id)));
    await deleteMatchKeys(tx, accountId, [id]);
  });
}

export async function tagsInUse(db: Db, accountId: string): Promise<string[]> {
  const rows = await queryRows<{ tag: string }>(
    db,
    sql`select distinct unnest(tags) as tag from ${contacts} where account_id = ${accountId} order by 1 limit 1000`,
  );
  return rows.map((r) => r.tag);
}
