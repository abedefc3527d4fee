// "Leave every meeting with at least two names" (docs/domain.md#campaigns): the names a member gives become
// contacts introduced by them, and can join the campaign; the referral tree shows the snowball.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { ReferralsCreate, ReferralsCreated, ReferralTree } from '#shared/schemas/campaigns.js';
import { referralTree } from '#shared/rules/referral-tree.js';
import type { Db, Tx } from '../../db/database.js';
import { campaignMembers, contacts } from '../../db/schema.js';
import { recordTexts } from '../../i18n/messages.js';
import { deriveDisplayName, toSummary } from '../contacts/mapping.js';
import { refreshContacts } from '../contacts/derived.js';
import { findContactRows } from '../contacts/queries.js';
import type { UserContext } from '../settings/user-context.js';
import { getMember, selectMembers } from './members.js';
import { findCampaignRow } from './queries.js';

export async function addReferrals(db: Db, user: UserContext, campaignId: string, memberId: string, input: ReferralsCreate): Promise<ReferralsCreated> {
  return db.transaction(async (tx) => {
    await findCampaignRow(tx, user.accountId, campaignId);
    const member = await getMember(tx, user.accountId, campaignId, memberId);
    const createdIds: string[] = [];
    for (const person of input.people) {
      const [contact] = await tx
        .insert(contacts)
        .values({
          accountId: user.accountId,
          firstName: person.firstName,
          lastName: person.lastName ?? null,
          displayName: deriveDisplayName({ firstName: person.firstName, lastName: person.lastName ?? null }),
          company: person.company ?? null,
          notes: person.note ?? null,
          introducedById: memberId,
          source: 'referral',
          howMet: recordTexts.referredBy(user.language, member.contact.displayName),
          createdAt: user.now,
          updatedAt: user.now,
        })
        .returning({ id: contacts.id });
      createdIds.push(contact!.id);
    }
    await refreshContacts(tx, user.accountId, createdIds);
    const created: ReferralsCreated['contacts'] = (await findContactRows(tx, user.accountId, createdIds)).map((row) => toSummary(row, user));
    if (input.joinCampaign ?? true) {
      await tx
        .insert(campaignMembers)
        .values(created.map((c) => ({ accountId: user.accountId, campaignId, contactId: c.id, addedOn: user.today, stageChangedAt: user.now })));
    }
    return { contacts: created, member: await getMember(tx, user.accountId, campaignId, memberId) };
  });
}

/**
 * Who led to whom: the members, and the people they introduced me to who did not join the
 * campaign (leaves with no stage). Members are placed in the order they joined.
 */
export async function campaignReferralTree(db: Tx, user: UserContext, campaignId: string): Promise<ReferralTree> {
  await findCampaignRow(db, user.accountId, campaignId);
  const members = await selectMembers(db, user.accountId, eq(campaignMembers.campaignId, campaignId));
  const memberIds = members.map((m) => m.contactId);
  const people = memberIds.length
    ? await db
        .select({ id: contacts.id, displayName: contacts.displayName, company: contacts.company, introducedById: contacts.introducedById })
        .from(contacts)
        .where(
          and(
            eq(contacts.accountId, user.accountId),
            sql`(${inArray(contacts.id, memberIds)} or ${inArray(contacts.introducedById, memberIds)})`,
          ),
        )
    : [];
  const membership = new Map(members.map((m) => [m.contactId, m]));
  const joined = (id: string) => membership.get(id)?.addedOn ?? '9999-12-31';
  people.sort((a, b) => joined(a.id).localeCompare(joined(b.id)) || a.displayName.localeCompare(b.displayName));
  const tree = referralTree(people);
  return {
    nodes: tree.nodes.map((n) => {
      const member = membership.get(n.id);
      return {
        contactId: n.id,
        displayName: n.displayName,
        company: n.company,
        member: Boolean(member),
        stage: member?.stage ?? null,
        flagged: member?.flagged ?? false,
        generation: n.generation,
        parentId: n.parentId,
      };
    }),
    edges: tree.edges,
    generations: tree.generations,
    depth: tree.depth,
    width: tree.width,
  };
}
