import { z } from 'zod';
import { Stage } from '../enums.js';
import { Id, IsoDateTime } from './common.js';
import { isIsoWeek } from '../rules/time.js';

export const IsoWeek = z
  .string()
  .regex(/^\d{4}-W\d{2}$/, 'use an ISO week like 2026-W47')
  .refine(isIsoWeek, 'no such ISO week in that year');

export const WeeklyReviewQuery = z.object({ week: IsoWeek.optional() });

export const StageMove = z.object({
  contactId: Id,
  displayName: z.string(),
  from: Stage,
  to: Stage,
  at: IsoDateTime,
  /** From online-only stages to meeting in person or beyond: the moves that matter most. */
  toInPerson: z.boolean(),
});
export type StageMove = z.infer<typeof StageMove>;

export const WeeklyReview = z.object({
  week: z.string(),
  /** Monday and Sunday of the week. */
  startsOn: z.string(),
  endsOn: z.string(),
  newContacts: z.object({ count: z.number().int(), target: z.number().int() }),
  touches: z.object({
    total: z.number().int(),
    byChannel: z.record(z.string(), z.number().int()),
    byIntent: z.record(z.string(), z.number().int()),
  }),
  followupsDone: z.number().int(),
  followupsOverdue: z.number().int(),
  loopsClosed: z.number().int(),
  favorsGiven: z.number().int(),
  favorsReceived: z.number().int(),
  stageMoves: z.array(StageMove),
  /** Replied / welcomes sent over invitations; null while there is nothing to measure. */
  replyRate: z.number().min(0).max(1).nullable(),
  history: z.array(z.object({ week: z.string(), newContacts: z.number().int() })),
});
export type WeeklyReview = z.infer<typeof WeeklyReview>;
