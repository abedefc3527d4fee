// How campaign stages and goals look wherever they appear: board columns, the stage bar, the tree.
import { IconBriefcase, IconBulb, IconCompass, IconUsersGroup, IconUserSearch, type Icon } from '@tabler/icons-react';
import type { CampaignGoal, CampaignStage } from '@shared/enums.js';

export const stageColor: Record<CampaignStage, string> = {
  identified: 'gray',
  advice_requested: 'blue',
  meeting_scheduled: 'violet',
  met: 'sage',
  thanked: 'yellow',
  following_up: 'grape',
};

/** The "ask for two names" flag: warm, so it reads as a nudge rather than an error. */
export const flagColor = 'orange';

export const goalIcon: Record<CampaignGoal, Icon> = {
  job_search: IconBriefcase,
  prospects: IconUserSearch,
  information: IconBulb,
  grow_network: IconUsersGroup,
  other: IconCompass,
};
