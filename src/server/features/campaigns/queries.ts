import { and, eq, inArray, sql } from 'drizzle-orm';
import type { CampaignCreate, CampaignDetail, CampaignPatch } from '#shared/schemas/campaigns.js';
import { campaignStages, type CampaignStage } from '#shared/enums.js';
import { countByStage, hasMet } from '#shared/rules/campaigns.js';
import { campaignProgress } from '#shared/rules/campaign-progress.js';
import type { Db, Tx } from '../../db/database.js';
import { campaignMembers, campaigns, contacts } from '../../db/schema.js';
import { badRequest, notFound } from '../../http/problems.js';
import { decodeCursor, pageFrom } from '../../http/pagination.js';
import type { UserContext } from '../settings/user-context.js';
import { toCampaignSummary, type CampaignRow } from './mapping.js';
import { selectMembers } from './members.js';
import { withoutUndefined } from '../../db/patch.js';

export async function findCampaignRow(db: Tx, accountId: string, id: string): Promise<CampaignRow> {
  const [row] = await db.select().from(campaigns).where(and(eq(campaigns.accountId, accountId), eq(campaigns.id, id)));
  if (!row) throw notFound('Campaign');
  return row;
}

/** Contacts the members introduced me to, for the progress chart's "new people". */
export async function referralsOfMembers(db: Tx, accountId: string, campaignId: string) {
  return db
    .select({ contactId: contacts.id, createdAt: contacts.createdAt })
    .from(contacts)
    .where(
      and(
        eq(contacts.accountId, accountId),
        sql`${contacts.introducedById} in (select m.contact_id from ${campaignMembers} m where m.campaign_id = ${campaignId})`,
      ),
    );
}

export async function getCampaign(db: Tx, user: UserContext, id: string): Promise<CampaignDetail> {
  const row = await findCampaignRow(db, user.accountId, id);
  const members = await selectMembers(db, user.accountId, eq(campaignMembers.campaignId, id));
  const progress = campaignProgress({
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    today: user.today,
    timeZone: user.timeZone,
    newContactsPerWeek: row.newContactsPerWeek,
    meetingsPerWeek: row.meetingsPerWeek,
    members,
    referrals: await referralsOfMembers(db, user.accountId, id),
  });
  return {
    ...toCampaignSummary(row, stageCounts(countByStage(members))),
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
    members,
    flaggedCount: members.filter((m) => m.flagged).length,
    progress,
  };
}

/** Newest campaigns first, each with its members counted by stage. */
export async function listCampaigns(db: Db, accountId: string, query: { limit: number; cursor?: string | undefined }) {
  const cursor = decodeCursor(query.cursor, ['date', 'uuid']);
  const rows = await db
    .select()
    .from(campaigns)
    .where(
      and(
        eq(campaigns.accountId, accountId),
        cursor ? sql`(${campaigns.startsOn}, ${campaigns.id}) < (${String(cursor[0])}::date, ${String(cursor[1])}::uuid)` : undefined,
      ),
    )
    .orderBy(sql`${campaigns.startsOn} desc, ${campaigns.id} desc`)
    .limit(query.limit + 1);
  const ids = rows.map((r) => r.id);
  const stageRows = ids.length
    ? await db
        .select({ campaignId: campaignMembers.campaignId, stage: campaignMembers.stage, count: sql<number>`count(*)::int` })
        .from(campaignMembers)
        .where(and(eq(campaignMembers.accountId, accountId), inArray(campaignMembers.campaignId, ids)))
        .groupBy(campaignMembers.campaignId, campaignMembers.stage)
    : [];
  const countsOf = (campaignId: string) => {
    const counts = countByStage([]);
    for (const r of stageRows) if (r.campaignId === campaignId) counts[r.stage] += r.count;
    return counts;
  };
  return pageFrom(rows, query.limit, (r) => [r.startsOn, r.id], (row) => toCampaignSummary(row, stageCounts(countsOf(row.id))));
}

/** Members, met members and the count at each stage, from the counts by stage. */
function stageCounts(countsByStage: Record<CampaignStage, number>) {
  const memberCount = Object.values(countsByStage).reduce((sum, n) => sum + n, 0);
  const metCount = campaignStages.filter(hasMet).reduce((sum, stage) => sum + countsByStage[stage], 0);
  return { memberCount, metCount, countsByStage };
}

export async function createCampaign(db: Db, user: UserContext, input: CampaignCreate) {
  const startsOn = input.startsOn ?? user.today;
  if (input.endsOn && input.endsOn < startsOn) throw badRequest('endsOn', 'must not be before startsOn');
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(campaigns)
      .values({
        accountId: user.accountId,
        name: input.name,
        goal: input.goal,
        target: input.target ?? null,
        targetCompanies: input.targetCompanies ?? [],
        startsOn,
        endsOn: input.endsOn ?? null,
        newContactsPerWeek: input.newContactsPerWeek ?? user.weeklyTarget,
        meetingsPerWeek: input.meetingsPerWeek ?? 1,
        notes: input.notes ?? null,
        createdAt: user.now,
        updatedAt: user.now,
      })
      .returning({ id: campaigns.id });
    return getCampaign(tx, user, row!.id);
  });
}

export async function updateCampaign(db: Db, user: UserContext, id: string, patch: CampaignPatch) {
  return db.transaction(async (tx) => {
    const current = await findCampaignRow(tx, user.accountId, id);
    const changes = withoutUndefined(patch);
    const merged = { ...current, ...changes };
    if (merged.endsOn && merged.endsOn < merged.startsOn) throw badRequest('endsOn', 'must not be before startsOn');
    await tx.update(campaigns).set({ ...changes, updatedAt: user.now }).where(and(eq(campaigns.accountId, user.accountId), eq(campaigns.id, id)));
    return getCampaign(tx, user, id);
  });
}

/** Its members and follow-ups go with it; the contacts, referrals and logged meetings stay. */
export async function deleteCampaign(db: Db, accountId: string, id: string) {
  const deleted = await db.delete(campaigns).where(and(eq(campaigns.accountId, accountId), eq(campaigns.id, id))).returning({ id: campaigns.id });
  if (deleted.length === 0) throw notFound('Campaign');
}
