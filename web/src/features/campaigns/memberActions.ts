// What can be done to a member, wherever they are shown (board card, list row). The page owns
// the dialogs; cards and rows only say what the user asked for.
import type { CampaignStage } from '@shared/enums.js';
import type { CampaignMember } from '@shared/schemas/index.js';

export interface MemberActions {
  move: (member: CampaignMember, stage: CampaignStage) => void;
  askAdvice: (member: CampaignMember) => void;
  addReferrals: (member: CampaignMember) => void;
  remove: (member: CampaignMember) => void;
}
