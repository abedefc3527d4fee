import { z } from 'zod';
import { IsoDateTime, pageOf } from './common.js';
import { EventAppearance } from './events.js';
import { Favor } from './favors.js';
import { Followup } from './followups.js';
import { Interaction } from './interactions.js';

/** One entry of a contact's history; more kinds join as features arrive. */
export const TimelineEntry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('interaction'), at: IsoDateTime, interaction: Interaction }),
  z.object({ type: z.literal('followup'), at: IsoDateTime, followup: Followup }),
  z.object({ type: z.literal('favor'), at: IsoDateTime, favor: Favor }),
  /** `at` is when the event starts. */
  z.object({ type: z.literal('event'), at: IsoDateTime, event: EventAppearance }),
]);
export type TimelineEntry = z.infer<typeof TimelineEntry>;
export const TimelinePage = pageOf(TimelineEntry);
export type TimelinePage = z.infer<typeof TimelinePage>;
