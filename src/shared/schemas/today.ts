import { z } from 'zod';
import { Circle, Stage } from '../enums.js';
import { Id, IsoDate, IsoDateTime } from './common.js';
import { Followup } from './followups.js';
import { Favor } from './favors.js';
import { ContactRef } from './interactions.js';

export const KeepInTouchSuggestion = z.object({
  contactId: Id,
  displayName: z.string(),
  company: z.string().nullable(),
  circle: Circle,
  stage: Stage,
  cadenceDays: z.number().int(),
  lastInteractionAt: IsoDateTime.nullable(),
  dueOn: IsoDate,
  daysOverdue: z.number().int(),
});
export type KeepInTouchSuggestion = z.infer<typeof KeepInTouchSuggestion>;

export const WeekTally = z.object({
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  newContacts: z.object({ count: z.number().int(), target: z.number().int() }),
  touches: z.number().int(),
  followupsDone: z.number().int(),
});
export type WeekTally = z.infer<typeof WeekTally>;

export const Today = z.object({
  date: IsoDate,
  /** The 50 most overdue follow-ups (see `counts` for how many there are). */
  overdue: z.array(Followup),
  /** The first 50 follow-ups due today. */
  dueToday: z.array(Followup),
  counts: z.object({ overdue: z.number().int(), dueToday: z.number().int() }),
  /** Received favors not yet thanked, or thanked but not yet told how it went. */
  loopsToClose: z.array(Favor),
  /** Contacts who helped twice or more in 12 months with nothing given back. */
  giveBack: z.array(ContactRef.extend({ received: z.number().int() })),
  keepInTouch: z.array(KeepInTouchSuggestion),
  week: WeekTally,
});
export type Today = z.infer<typeof Today>;
