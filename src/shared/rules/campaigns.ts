// Networking campaigns (docs/domain.md#campaigns): start with the closest people, ask them for advice, and
// leave every meeting with at least two new names. Pure rules over plain data.
import { campaignStages, type CampaignStage, type Circle, type Stage } from '../enums.js';
import { stageCloseness } from './cadence.js';

/** "Leave every meeting with at least two names." */
export const MIN_REFERRALS = 2;

/** Position of a campaign stage: identified 0 … following_up 5. */
export function campaignStageIndex(stage: CampaignStage): number {
  return campaignStages.indexOf(stage);
}

/** Met, thanked and following up all mean the meeting happened. */
export function hasMet(stage: CampaignStage): boolean {
  return campaignStageIndex(stage) >= campaignStageIndex('met');
}

/** A member who met me and gave fewer than two names: ask them for referrals. */
export function needsReferrals(member: { stage: CampaignStage; referrals: number }): boolean {
  return hasMet(member.stage) && member.referrals < MIN_REFERRALS;
}

/** Every stage with its count, zeros included, in board order. */
export function countByStage(members: readonly { stage: CampaignStage }[]): Record<CampaignStage, number> {
  const counts = Object.fromEntries(campaignStages.map((s) => [s, 0])) as Record<CampaignStage, number>;
  for (const m of members) counts[m.stage] += 1;
  return counts;
}

const CIRCLE_CLOSENESS: Record<Circle, number> = { personal: 2, professional: 1, opportunity: 0 };

export interface SuggestionCandidate {
  displayName: string;
  stage: Stage;
  circle: Circle;
  lastInteractionAt: Date | string | null;
}

const byName = new Intl.Collator('es', { sensitivity: 'base', numeric: true });
const instantOf = (at: Date | string | null) => (at === null ? Number.NEGATIVE_INFINITY : new Date(at).getTime());

/**
 * Whom to add to a campaign first: the closest people. Closer relationship stage first, then
 * the closer circle (personal, professional, opportunity), then whoever I touched most recently
 * (an easy, warm ask), then the name. The caller leaves out people already in the campaign.
 */
export function rankCampaignSuggestions<T extends SuggestionCandidate>(candidates: readonly T[]): T[] {
  return [...candidates].sort(
    (a, b) =>
      stageCloseness(b.stage) - stageCloseness(a.stage) ||
      CIRCLE_CLOSENESS[b.circle] - CIRCLE_CLOSENESS[a.circle] ||
      instantOf(b.lastInteractionAt) - instantOf(a.lastInteractionAt) ||
      byName.compare(a.displayName, b.displayName),
  );
}
