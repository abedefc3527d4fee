// The campaign's guidance: whom to add first (the closest people), and how to ask them (for
// advice, never for a job).
import { and, eq, sql } from 'drizzle-orm';
import type { AdviceRequest, CampaignSuggestion } from '#shared/schemas/campaigns.js';
import { stages } from '#shared/enums.js';
import { rankCampaignSuggestions } from '#shared/rules/campaigns.js';
import { stageCloseness } from '#shared/rules/cadence.js';
import { renderTemplate } from '#shared/rules/templates.js';
import type { Db } from '../../db/database.js';
import { campaignMembers, contacts } from '../../db/schema.js';
import type { UserContext } from '../settings/user-context.js';
import { DEFAULT_TEMPLATES } from '../templates/defaults.js';
import { templateFor } from '../templates/queries.js';
import { templateValues } from '../templates/values.js';
import { getMember } from './members.js';
import { findCampaignRow } from './queries.js';

/** Fetched in the rule's order by SQL, then ranked exactly (names by collation) by the rule. */
const CANDIDATES = 200;

const closenessSql = sql`case ${contacts.stage} ${sql.join(
  stages.map((s) => sql`when ${s} then ${stageCloseness(s)}::int`),
  sql` `,
)} else 0 end`;
const circleSql = sql`case ${contacts.circle} when 'personal' then 2 when 'professional' then 1 else 0 end`;

export async function campaignSuggestions(db: Db, user: UserContext, campaignId: string, limit: number): Promise<CampaignSuggestion[]> {
  await findCampaignRow(db, user.accountId, campaignId);
  const rows = await db
    .select({
      contactId: contacts.id,
      displayName: contacts.displayName,
      company: contacts.company,
      title: contacts.title,
      circle: contacts.circle,
      stage: contacts.stage,
      lastInteractionAt: contacts.lastInteractionAt,
    })
    .from(contacts)
    .where(
      and(
        eq(contacts.accountId, user.accountId),
        sql`not exists (select 1 from ${campaignMembers} m where m.campaign_id = ${campaignId} and m.contact_id = ${contacts.id})`,
      ),
    )
    .orderBy(sql`${closenessSql} desc, ${circleSql} desc, ${contacts.lastInteractionAt} desc nulls last, lower(${contacts.displayName})`)
    .limit(Math.max(CANDIDATES, limit));
  const ranked = rankCampaignSuggestions(rows);
  return ranked.slice(0, limit).map((r) => ({ ...r, lastInteractionAt: r.lastInteractionAt?.toISOString() ?? null }));
}

/** The user's `advice_request` template (the shipped one unless they wrote their own) filled for a member. */
export async function adviceRequest(db: Db, user: UserContext, campaignId: string, contactId: string): Promise<AdviceRequest> {
  await findCampaignRow(db, user.accountId, campaignId);
  await getMember(db, user.accountId, campaignId, contactId);
  const template = await templateFor(db, user.accountId, 'advice_request', user.language, user.now);
  const builtIn = DEFAULT_TEMPLATES.find((t) => t.key === `advice_request.${user.language}`)!;
  const values = await templateValues(db, user, { contactId }, user.language);
  return { ...renderTemplate(template ?? builtIn, values), templateId: template?.id ?? null };
}
