// Campaign members and their stages. Moving a member along the board does what the stage
// means: reaching `met` logs the meeting and asks for a thank-you; `thanked` completes it.
import { and, asc, desc, eq, inArray, isNull, sql, type SQL } from 'drizzle-orm';
import type { CampaignMember, ContactCampaign, MemberCreate, MemberPatch } from '#shared/schemas/campaigns.js';
import { campaignStageIndex, hasMet } from '#shared/rules/campaigns.js';
import { addDays, localDateOf } from '#shared/rules/time.js';
import type { CampaignStage } from '#shared/enums.js';
import type { Db, Tx } from '../../db/database.js';
import { campaignMembers, campaigns, contacts, followups, interactionContacts, interactions } from '../../db/schema.js';
import { badRequest, conflict, notFound } from '../../http/problems.js';
import { followupTitles, recordTexts } from '../../i18n/messages.js';
import { findContactRow } from '../contacts/queries.js';
import { refreshLastInteraction } from '../interactions/queries.js';
import type { UserContext } from '../settings/user-context.js';
import { toMember, type CampaignRow } from './mapping.js';
import { findCampaignRow } from './queries.js';

/** Contacts each member introduced me to, whatever campaign they came through. */
const referralCount = sql<number>`(select count(*)::int from ${contacts} r where r.introduced_by_id = ${campaignMembers.contactId})`;

const byName = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

/** Members matching `where`, in board order (stage), then by name. */
export async function selectMembers(db: Tx, accountId: string, where: SQL | undefined): Promise<CampaignMember[]> {
  const rows = await db
    .select({
      member: campaignMembers,
      contact: { id: contacts.id, displayName: contacts.displayName, company: contacts.company, title: contacts.title, circle: contacts.circle },
      referrals: referralCount,
    })
    .from(campaignMembers)
    .innerJoin(contacts, eq(contacts.id, campaignMembers.contactId))
    .where(and(eq(campaignMembers.accountId, accountId), where));
  return rows
    .map((r) => toMember(r.member, r.contact, r.referrals))
    .sort((a, b) => campaignStageIndex(a.stage) - campaignStageIndex(b.stage) || byName.compare(a.contact.displayName, b.contact.displayName));
}

export async function getMember(db: Tx, accountId: string, campaignId: string, contactId: string): Promise<CampaignMember> {
  const [found] = await selectMembers(db, accountId, and(eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.contactId, contactId)));
  if (!found) throw notFound('Campaign member');
  return found;
}

/** The campaigns a contact is in, for their page: the stage most recently reached first. */
export async function campaignsOfContact(db: Tx, accountId: string, contactId: string): Promise<ContactCampaign[]> {
  if (!(await findContactRow(db, accountId, contactId))) throw notFound('Contact');
  const rows = await db
    .select({ member: campaignMembers, name: campaigns.name, goal: campaigns.goal })
    .from(campaignMembers)
    .innerJoin(campaigns, and(eq(campaigns.accountId, campaignMembers.accountId), eq(campaigns.id, campaignMembers.campaignId)))
    .where(and(eq(campaignMembers.accountId, accountId), eq(campaignMembers.contactId, contactId)))
    .orderBy(desc(campaignMembers.stageChangedAt), asc(campaigns.name), asc(campaigns.id));
  return rows.map(({ member, name, goal }) => ({
    campaignId: member.campaignId,
    name,
    goal,
    stage: member.stage,
    stageChangedAt: member.stageChangedAt.toISOString(),
    addedOn: member.addedOn,
    metOn: member.metOn,
  }));
}

export async function addMember(db: Db, user: UserContext, campaignId: string, input: MemberCreate) {
  return db.transaction(async (tx) => {
    await findCampaignRow(tx, user.accountId, campaignId);
    if (!(await findContactRow(tx, user.accountId, input.contactId))) throw badRequest('contactId', 'no such contact');
    const inserted = await tx
      .insert(campaignMembers)
      .values({ accountId: user.accountId, campaignId, contactId: input.contactId, addedOn: user.today, stageChangedAt: user.now })
      .onConflictDoNothing()
      .returning({ contactId: campaignMembers.contactId });
    if (inserted.length === 0) throw conflict('That contact is already in the campaign.');
    // Added at a later stage (someone already asked, or already met): reached as a move would
    // reach it, so a met member has their meeting logged and a thank-you to send.
    if (input.stage && input.stage !== 'identified') return moveMemberIn(tx, user, campaignId, input.contactId, { stage: input.stage });
    return getMember(tx, user.accountId, campaignId, input.contactId);
  });
}

/**
 * The meeting itself, logged as a touch. Intent `nurture`, not `ask`: the campaign asks for
 * advice, never for a job, and an advice conversation is relationship-building; logging it as an
 * ask would make every member trip the "you only reach out when you need something" warning.
 */
async function logMeeting(tx: Tx, user: UserContext, campaign: CampaignRow, contactId: string, channel: MemberPatch['channel'], occurredAt: Date) {
  const [touch] = await tx
    .insert(interactions)
    .values({
      accountId: user.accountId,
      occurredAt,
      channel: channel ?? 'coffee',
      direction: 'outbound',
      intent: 'nurture',
      summary: recordTexts.adviceMeeting(user.language, campaign.name),
      createdAt: user.now,
    })
    .returning({ id: interactions.id });
  await tx.insert(interactionContacts).values({ accountId: user.accountId, interactionId: touch!.id, contactId, occurredAt });
  await refreshLastInteraction(tx, user.accountId, [contactId]);
}

/** Thank them for their time (docs/domain.md#ideas, idea 1), unless a thank-you for this campaign is already open. */
async function askForThankYou(tx: Tx, user: UserContext, campaign: CampaignRow, contact: { id: string; displayName: string }, metOn: string) {
  const open = await tx
    .select({ id: followups.id })
    .from(followups)
    .where(and(eq(followups.campaignId, campaign.id), eq(followups.contactId, contact.id), eq(followups.kind, 'thank_you'), inArray(followups.status, ['open', 'snoozed'])));
  if (open.length) return;
  await tx.insert(followups).values({
    accountId: user.accountId,
    contactId: contact.id,
    kind: 'thank_you',
    dueOn: addDays(metOn, user.followupDelays.thankYouDays),
    title: followupTitles.thankForAdvice(user.language, contact.displayName),
    campaignId: campaign.id,
    createdAt: user.now,
  });
}

/**
 * Completes the contact's open thank-yous. Those of a favor are left alone: a favor's thank-you
 * is completed by thanking the favor, which also moves its loop and schedules the outcome report.
 */
async function completeThankYous(tx: Tx, user: UserContext, contactId: string) {
  await tx
    .update(followups)
    .set({ status: 'done', completedAt: user.now, snoozedUntil: null })
    .where(
      and(
        eq(followups.accountId, user.accountId),
        eq(followups.contactId, contactId),
        eq(followups.kind, 'thank_you'),
        isNull(followups.favorId),
        inArray(followups.status, ['open', 'snoozed']),
      ),
    );
}

const reaches = (from: CampaignStage, to: CampaignStage, stage: CampaignStage) =>
  campaignStageIndex(from) < campaignStageIndex(stage) && campaignStageIndex(to) >= campaignStageIndex(stage);

/**
 * Moves a member. The first time they reach `met` or beyond, the meeting is logged and dated;
 * at exactly `met`, a thank-you follow-up is created; reaching `thanked` completes it. Moving
 * back before `met` clears the meeting date (the touch already logged stays in the history).
 */
export async function moveMember(db: Db, user: UserContext, campaignId: string, contactId: string, patch: MemberPatch) {
  return db.transaction((tx) => moveMemberIn(tx, user, campaignId, contactId, patch));
}

async function moveMemberIn(tx: Tx, user: UserContext, campaignId: string, contactId: string, patch: MemberPatch) {
  const campaign = await findCampaignRow(tx, user.accountId, campaignId);
  const current = await getMember(tx, user.accountId, campaignId, contactId);
  const { stage: from } = current;
  const to = patch.stage;
  let metOn = current.metOn;
  if (hasMet(to) && metOn === null) {
    const occurredAt = patch.occurredAt ? new Date(patch.occurredAt) : user.now;
    // A meeting that has not happened yet is a scheduled one: that is the stage before `met`.
    if (occurredAt.getTime() > user.now.getTime()) throw badRequest('occurredAt', 'must not be in the future', 'too_big');
    await logMeeting(tx, user, campaign, contactId, patch.channel, occurredAt);
    metOn = localDateOf(occurredAt, user.timeZone);
    if (to === 'met') await askForThankYou(tx, user, campaign, current.contact, metOn);
  }
  if (!hasMet(to)) metOn = null;
  if (reaches(from, to, 'thanked')) await completeThankYous(tx, user, contactId);
  if (to !== from || metOn !== current.metOn) {
    await tx
      .update(campaignMembers)
      .set({ stage: to, metOn, ...(to !== from ? { stageChangedAt: user.now } : {}) })
      .where(and(eq(campaignMembers.accountId, user.accountId), eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.contactId, contactId)));
  }
  return getMember(tx, user.accountId, campaignId, contactId);
}

export async function removeMember(db: Db, accountId: string, campaignId: string, contactId: string) {
  await findCampaignRow(db, accountId, campaignId);
  const deleted = await db
    .delete(campaignMembers)
    .where(and(eq(campaignMembers.accountId, accountId), eq(campaignMembers.campaignId, campaignId), eq(campaignMembers.contactId, contactId)))
    .returning({ contactId: campaignMembers.contactId });
  if (deleted.length === 0) throw notFound('Campaign member');
}
