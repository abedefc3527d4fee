import type { CampaignMember, CampaignSummary } from '#shared/schemas/campaigns.js';
import type { CampaignStage, Circle } from '#shared/enums.js';
import { needsReferrals } from '#shared/rules/campaigns.js';
import { campaignMembers, campaigns } from '../../db/schema.js';

export type CampaignRow = typeof campaigns.$inferSelect;
export type MemberRow = typeof campaignMembers.$inferSelect;

export function toCampaignSummary(row: CampaignRow, counts: { memberCount: number; metCount: number; countsByStage: Record<CampaignStage, number> }): CampaignSummary {
  return {
    id: row.id,
    name: row.name,
    goal: row.goal,
    target: row.target,
    targetCompanies: row.targetCompanies,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    newContactsPerWeek: row.newContactsPerWeek,
    meetingsPerWeek: row.meetingsPerWeek,
    ...counts,
    createdAt: row.createdAt.toISOString(),
  };
}

export interface MemberContact {
  id: string;
  displayName: string;
  company: string | null;
  title: string | null;
  circle: string;
}

export function toMember(row: MemberRow, contact: MemberContact, referrals: number): CampaignMember {
  const stage = row.stage;
  return {
    contactId: row.contactId,
    contact: { id: contact.id, displayName: contact.displayName },
    company: contact.company,
    title: contact.title,
    circle: contact.circle as Circle,
    stage,
    addedOn: row.addedOn,
    metOn: row.metOn,
    stageChangedAt: row.stageChangedAt.toISOString(),
    referrals,
    flagged: needsReferrals({ stage, referrals }),
  };
}
