import { z } from 'zod';
import { Circle, Stage } from '../enums.js';
import { Id, IsoDate, IsoDateTime } from './common.js';
import { Followup } from './followups.js';
import { Favor } from './favors.js';
import { ContactRef } from './interactions.js';
import { TieStrength } from './relationships.js';
import { CommonPoint } from './templates.js';

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
  strength: TieStrength,
  /** Why it is shown (docs/domain.md#relationships-not-connections): a strong tie cooling, or simply overdue. */
  why: z.enum(['strong_tie_cooling', 'overdue']),
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

/** An imported connection never engaged with, worth turning into a relationship. */
export const ConnectionToEngage = z.object({
  contactId: Id,
  displayName: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  circle: Circle,
  stage: Stage,
  commonPoints: z.array(CommonPoint),
});
export type ConnectionToEngage = z.infer<typeof ConnectionToEngage>;

export const ConnectionsToEngage = z.object({
  /** A few, chosen by common points with the profile and by stage. */
  items: z.array(ConnectionToEngage),
  /** Imported connections never engaged with: Today does not ask to keep in touch with them. */
  notNagged: z.number().int(),
});
export type ConnectionsToEngage = z.infer<typeof ConnectionsToEngage>;
