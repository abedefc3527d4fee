import { z } from 'zod';
import { FollowupKind, FollowupStatus } from '../enums.js';
import { Id, IsoDate, IsoDateTime, PageQuery, optionalText, pageOf } from './common.js';
import { ContactRef } from './interactions.js';

export const FollowupCreate = z.object({
  contactId: Id,
  dueOn: IsoDate,
  kind: FollowupKind.default('custom'),
  title: z.string().trim().min(1).max(300),
  notes: optionalText(5_000),
});
export type FollowupCreate = z.input<typeof FollowupCreate>;

/**
 * `status: done` completes, `dismissed` drops, `snoozed` (with `snoozedUntil`) hides it until
 * that date, `open` reopens. Other fields edit it.
 */
export const FollowupPatch = z
  .object({
    dueOn: IsoDate.optional(),
    title: z.string().trim().min(1).max(300).optional(),
    notes: optionalText(5_000),
    kind: FollowupKind.optional(),
    status: FollowupStatus.optional(),
    snoozedUntil: IsoDate.nullable().optional(),
  })
  .refine((p) => p.status !== 'snoozed' || Boolean(p.snoozedUntil), {
    message: 'snoozing needs a snoozedUntil date',
    path: ['snoozedUntil'],
  });
export type FollowupPatch = z.input<typeof FollowupPatch>;

export const Followup = z.object({
  id: Id,
  contactId: Id,
  contact: ContactRef,
  dueOn: IsoDate,
  kind: FollowupKind,
  title: z.string(),
  notes: z.string().nullable(),
  status: FollowupStatus,
  snoozedUntil: IsoDate.nullable(),
  completedAt: IsoDateTime.nullable(),
  favorId: Id.nullable(),
  eventId: Id.nullable(),
  campaignId: Id.nullable(),
  invitationId: Id.nullable(),
  createdAt: IsoDateTime,
});
export type Followup = z.infer<typeof Followup>;

export const FollowupListQuery = PageQuery.extend({
  contactId: Id.optional(),
  status: FollowupStatus.optional(),
  kind: FollowupKind.optional(),
});
export const FollowupPage = pageOf(Followup);
export type FollowupPage = z.infer<typeof FollowupPage>;
