// Merging a duplicate contact into another (docs/domain.md#duplicates-and-merging): one transaction that writes the merged
// fields (src/shared/rules/merge-two-contacts.ts), moves every record that points at the duplicate,
// and deletes it. Nothing of either contact is lost.
import { and, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { campaignStages } from '#shared/enums.js';
import { mergeContacts, mergeNotes, union, type MergeableContact } from '#shared/rules/merge-two-contacts.js';
import { linkedinKeyOf } from '#shared/rules/linkedin.js';
import type { Db, Tx } from '../../db/database.js';
import { campaignMembers, contacts, eventAttendees, favors, followups, interactionContacts, invitations, stageChanges } from '../../db/schema.js';
import { badRequest, notFound } from '../../http/problems.js';
import { deleteMatchKeys, refreshContacts } from './derived.js';
import { moveTies } from '../relationships/ties.js';
import type { UserContext } from '../settings/user-context.js';
import type { ContactRow } from './mapping.js';
import { getContact } from './queries.js';

/**
 * Every column that references a contact, as `table.column`, and moved by mergeInto(). A test
 * compares it with the foreign keys in the database: a new table pointing at contacts must be
 * handled here before it can ship, or a merge would silently drop its rows (ON DELETE CASCADE).
 */
export const MERGED_REFERENCES = [
  'contacts.introduced_by_id',
  'interaction_contacts.contact_id',
  'followups.contact_id',
  'favors.contact_id',
  'favors.introduced_to_id',
  'stage_changes.contact_id',
  'invitations.contact_id',
  'event_attendees.contact_id',
  'campaign_members.contact_id',
  // Moved by moveTies() (features/relationships/ties.ts).
  'contact_relationships.contact_a_id',
  'contact_relationships.contact_b_id',
  // Follow interaction_contacts: its triggers (migration 0024) move the pairs with the touches.
  'shared_touches.contact_id',
  'shared_touches.other_id',
] as const;

/** A contact row as the merge rule (and the duplicates screen) sees it. */
export function mergeable(row: ContactRow): MergeableContact {
  return {
    id: row.id,
    firstName: row.firstName,
    lastName: row.lastName,
    displayName: row.displayName,
    emails: row.emails,
    phones: row.phones,
    company: row.company,
    title: row.title,
    location: row.location,
    links: row.links,
    birthday: row.birthday,
    photo: row.photo,
    notes: row.notes,
    circle: row.circle,
    kind: row.kind,
    tags: row.tags,
    interests: row.interests,
    communities: row.communities,
    schools: row.schools,
    pastCompanies: row.pastCompanies,
    howMet: row.howMet,
    metOn: row.metOn,
    metAtEventId: row.metAtEventId,
    introducedById: row.introducedById,
    stage: row.stage,
    cadenceDays: row.cadenceDays,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
  };
}

async function lockContact(tx: Tx, accountId: string, id: string): Promise<ContactRow | undefined> {
  const [row] = await tx
    .select()
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), eq(contacts.id, id)))
    .for('update');
  return row;
}

/** Moves every reference from `otherId` to `keptId`; rows that would clash are merged first. */
async function moveReferences(tx: Tx, accountId: string, keptId: string, otherId: string) {
  const scoped = sql`account_id = ${accountId}`;
  // Touches with both: the kept contact's link is enough; the others move.
  await tx.execute(sql`
    update ${interactionContacts} ic set contact_id = ${keptId}
    where ${scoped} and contact_id = ${otherId}
      and not exists (select 1 from ${interactionContacts} k where k.interaction_id = ic.interaction_id and k.contact_id = ${keptId})`);
  await tx.execute(sql`delete from ${interactionContacts} where ${scoped} and contact_id = ${otherId}`);

  await tx.execute(sql`update ${followups} set contact_id = ${keptId} where ${scoped} and contact_id = ${otherId}`);
  await tx.execute(sql`update ${favors} set contact_id = ${keptId} where ${scoped} and contact_id = ${otherId}`);
  await tx.execute(sql`update ${favors} set introduced_to_id = ${keptId} where ${scoped} and introduced_to_id = ${otherId}`);
  await tx.execute(sql`update ${invitations} set contact_id = ${keptId} where ${scoped} and contact_id = ${otherId}`);
  await tx.execute(sql`update ${stageChanges} set contact_id = ${keptId} where ${scoped} and contact_id = ${otherId}`);
  await tx.execute(sql`update ${contacts} set introduced_by_id = ${keptId} where ${scoped} and introduced_by_id = ${otherId} and id <> ${keptId}`);
  // Typed ties between contacts: a tie between the two duplicates goes, one both had is kept once.
  await moveTies(tx, accountId, otherId, keptId);

  // On the same event's list: one attendee row with what both say. The notes and lists merge by
  // the merge rule's own functions (no SQL copy of mergeNotes to keep in step); a contact is on
  // few events, so these are a handful of rows.
  const otherRow = alias(eventAttendees, 'other_attendee');
  const shared = await tx
    .select({ kept: eventAttendees, other: otherRow })
    .from(eventAttendees)
    .innerJoin(otherRow, and(eq(otherRow.accountId, eventAttendees.accountId), eq(otherRow.eventId, eventAttendees.eventId)))
    .where(and(eq(eventAttendees.accountId, accountId), eq(eventAttendees.contactId, keptId), eq(otherRow.contactId, otherId)));
  for (const { kept, other } of shared) {
    await tx
      .update(eventAttendees)
      .set({
        target: kept.target || other.target,
        met: kept.met || other.met,
        why: mergeNotes(kept.why, other.why),
        researchNotes: mergeNotes(kept.researchNotes, other.researchNotes),
        topics: union(kept.topics, other.topics),
        questions: union(kept.questions, other.questions),
        createdAt: kept.createdAt <= other.createdAt ? kept.createdAt : other.createdAt,
      })
      .where(and(eq(eventAttendees.accountId, accountId), eq(eventAttendees.eventId, kept.eventId), eq(eventAttendees.contactId, keptId)));
  }
  await tx.execute(sql`
    update ${eventAttendees} o set contact_id = ${keptId}
    where ${scoped} and contact_id = ${otherId}
      and not exists (select 1 from ${eventAttendees} k where k.event_id = o.event_id and k.contact_id = ${keptId})`);
  await tx.execute(sql`delete from ${eventAttendees} where ${scoped} and contact_id = ${otherId}`);

  // In the same campaign: the more advanced stage wins, with its dates.
  const rank = (stage: string) => sql.raw(`array_position(array[${campaignStages.map((s) => `'${s}'`).join(',')}], ${stage})`);
  await tx.execute(sql`
    update ${campaignMembers} k set
      stage = case when ${rank('o.stage')} > ${rank('k.stage')} then o.stage else k.stage end,
      stage_changed_at = case when ${rank('o.stage')} > ${rank('k.stage')} then o.stage_changed_at else k.stage_changed_at end,
      met_on = case when ${rank('o.stage')} > ${rank('k.stage')} then coalesce(o.met_on, k.met_on) else coalesce(k.met_on, o.met_on) end,
      added_on = least(k.added_on, o.added_on)
    from ${campaignMembers} o
    where k.account_id = ${accountId} and k.contact_id = ${keptId} and o.contact_id = ${otherId} and o.campaign_id = k.campaign_id`);
  await tx.execute(sql`
    update ${campaignMembers} o set contact_id = ${keptId}
    where ${scoped} and contact_id = ${otherId}
      and not exists (select 1 from ${campaignMembers} k where k.campaign_id = o.campaign_id and k.contact_id = ${keptId})`);
  await tx.execute(sql`delete from ${campaignMembers} where ${scoped} and contact_id = ${otherId}`);
}

/** Merges `otherId` into `keptId` and deletes it; returns the kept contact as it now is. */
export async function mergeInto(db: Db, user: UserContext, keptId: string, otherId: string) {
  return db.transaction(async (tx) => {
    // Always lock in the same order, so two merges of one pair cannot deadlock.
    const [first, second] = [keptId, otherId].sort();
    const locked = new Map<string, ContactRow | undefined>();
    locked.set(first!, await lockContact(tx, user.accountId, first!));
    locked.set(second!, await lockContact(tx, user.accountId, second!));
    const kept = locked.get(keptId);
    const other = locked.get(otherId);
    if (!kept || !other) throw notFound('Contact');
    if (keptId === otherId) throw badRequest('otherId', 'a contact cannot be merged with itself');

    const merged = mergeContacts(mergeable(kept), mergeable(other), user.language);
    await moveReferences(tx, user.accountId, keptId, otherId);
    // The other goes before the kept one takes its LinkedIn key and e-mails.
    await tx.delete(contacts).where(and(eq(contacts.accountId, user.accountId), eq(contacts.id, otherId)));
    // contact_keys has no foreign key to cascade (schema.ts says why): the other's keys go here,
    // the kept contact's are recomputed from the merged fields below.
    await deleteMatchKeys(tx, user.accountId, [otherId]);
    const { id: _, createdAt, ...fields } = merged;
    await tx
      .update(contacts)
      .set({
        ...fields,
        createdAt: new Date(createdAt),
        linkedinKey: kept.linkedinKey ?? other.linkedinKey ?? linkedinKeyOf(merged.links),
        updatedAt: user.now,
      })
      .where(and(eq(contacts.accountId, user.accountId), eq(contacts.id, keptId)));
    // The kept contact's touches, names, e-mails, phones, dates and cadence may all have changed.
    await refreshContacts(tx, user.accountId, [keptId], { lastTouch: true });
    return getContact(tx, user, keptId);
  });
}
