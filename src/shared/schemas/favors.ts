import { z } from 'zod';
import { Effort, FavorDirection, FavorKind, LoopStatus } from '../enums.js';
import { Id, IsoDate, IsoDateTime, PageQuery, optionalText, pageOf } from './common.js';
import { ContactRef } from './interactions.js';

/** Whom a favor introduced you to: an existing contact, or a new one created on the spot. */
const IntroducedTo = z.object({
  firstName: z.string().trim().min(1).max(120),
  lastName: optionalText(120),
  company: optionalText(200),
});

export const FavorCreate = z
  .object({
    contactId: Id,
    direction: FavorDirection,
    kind: FavorKind,
    effort: Effort.default('small'),
    /** Defaults to today in the user's time zone. */
    occurredOn: IsoDate.optional(),
    description: optionalText(2_000),
    introducedToId: Id.nullable().optional(),
    newIntroducedContact: IntroducedTo.optional(),
  })
  .refine((f) => !(f.introducedToId && f.newIntroducedContact), {
    message: 'give either introducedToId or newIntroducedContact, not both',
    path: ['newIntroducedContact'],
  });
export type FavorCreate = z.input<typeof FavorCreate>;

export const FavorPatch = z.object({
  kind: FavorKind.optional(),
  effort: Effort.optional(),
  occurredOn: IsoDate.optional(),
  description: optionalText(2_000),
  introducedToId: Id.nullable().optional(),
  outcome: optionalText(2_000),
});
export type FavorPatch = z.input<typeof FavorPatch>;

export const FavorThank = z.object({
  /** Defaults to today. */
  thankedOn: IsoDate.optional(),
  /** When to tell them how it went; defaults to the account's outcome-report delay. */
  reportDueOn: IsoDate.optional(),
});
export type FavorThank = z.input<typeof FavorThank>;

export const FavorOutcome = z
  .object({
    outcome: optionalText(2_000),
    /** Defaults to today. */
    reportedOn: IsoDate.optional(),
    /** Nothing to report (the lead went nowhere, or it does not apply): closes the loop. */
    notApplicable: z.boolean().default(false),
  })
  .refine((o) => o.notApplicable || Boolean(o.outcome), {
    message: 'say how it went, or mark it not applicable',
    path: ['outcome'],
  });
export type FavorOutcome = z.input<typeof FavorOutcome>;

export const Gesture = z.object({
  gesture: z.enum(['short_note', 'message_and_offer', 'card_or_gift']),
  giftIdeas: z.array(z.string()),
});

export const Favor = z.object({
  id: Id,
  contactId: Id,
  contact: ContactRef,
  direction: FavorDirection,
  kind: FavorKind,
  effort: Effort,
  occurredOn: IsoDate,
  description: z.string().nullable(),
  introducedToId: Id.nullable(),
  introducedTo: ContactRef.nullable(),
  thankedOn: IsoDate.nullable(),
  outcome: z.string().nullable(),
  outcomeReportedOn: IsoDate.nullable(),
  outcomeNotApplicable: z.boolean(),
  loopStatus: LoopStatus,
  /** How to thank, in proportion to the effort (received favors). */
  suggestedGesture: Gesture,
  /** Given favors: 30 days or more without them reporting back. */
  noNews: z.boolean(),
  createdAt: IsoDateTime,
});
export type Favor = z.infer<typeof Favor>;

export const FavorListQuery = PageQuery.extend({
  contactId: Id.optional(),
  direction: FavorDirection.optional(),
  loopStatus: LoopStatus.optional(),
  /** `true`: given favors with no news after 30 days. */
  noNews: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export const FavorPage = pageOf(Favor);
export type FavorPage = z.infer<typeof FavorPage>;

export const ReciprocitySummary = z.object({
  given: z.number().int(),
  received: z.number().int(),
  /** Contacts who helped twice or more in 12 months with nothing given back. */
  suggestGiveTo: z.array(ContactRef.extend({ received: z.number().int() })),
});
export type ReciprocitySummary = z.infer<typeof ReciprocitySummary>;
