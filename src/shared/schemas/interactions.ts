import { z } from 'zod';
import { Channel, Direction, Intent } from '../enums.js';
import { Id, IsoDate, IsoDateTime, PageQuery, optionalText, pageOf } from './common.js';

const interactionFields = {
  contactIds: z
    .array(Id)
    .min(1, 'at least one contact')
    .max(100)
    .transform((ids) => [...new Set(ids)]),
  /** Defaults to now. */
  occurredAt: IsoDateTime.optional(),
  channel: Channel,
  direction: Direction,
  intent: Intent,
  summary: optionalText(500),
  notes: optionalText(20_000),
};

export const InteractionCreate = z.object(interactionFields);
export type InteractionCreate = z.input<typeof InteractionCreate>;

export const InteractionPatch = z.object(interactionFields).partial();
export type InteractionPatch = z.input<typeof InteractionPatch>;

export const ContactRef = z.object({ id: Id, displayName: z.string() });
export type ContactRef = z.infer<typeof ContactRef>;

export const Interaction = z.object({
  id: Id,
  contactIds: z.array(Id),
  contacts: z.array(ContactRef),
  occurredAt: IsoDateTime,
  channel: Channel,
  direction: Direction,
  intent: Intent,
  summary: z.string().nullable(),
  notes: z.string().nullable(),
  createdAt: IsoDateTime,
});
export type Interaction = z.infer<typeof Interaction>;

export const InteractionListQuery = PageQuery.extend({
  contactId: Id.optional(),
  /** Inclusive lower bound: a date (start of that day, UTC) or an instant. */
  from: z.union([IsoDateTime, IsoDate]).optional(),
  /** Exclusive upper bound. */
  to: z.union([IsoDateTime, IsoDate]).optional(),
});
export const InteractionPage = pageOf(Interaction);
export type InteractionPage = z.infer<typeof InteractionPage>;
