import { z } from 'zod';
import { InvitationDirection, InvitationOutcome } from '../enums.js';
import { Id, IsoDate, IsoDateTime, PageQuery, optionalText, pageOf } from './common.js';
import { ContactRef } from './interactions.js';
import { CommonPoint, Rendered } from './templates.js';

export const InvitationStatus = z.enum(['no_welcome', 'welcome_sent', 'replied', 'none', 'conversation', 'meeting', 'collaboration']);

const NewInvitationContact = z.object({
  firstName: z.string().trim().min(1).max(120),
  lastName: optionalText(120),
  company: optionalText(200),
  title: optionalText(200),
  profileUrl: z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(500).optional(),
});

export const InvitationCreate = z
  .object({
    contactId: Id.optional(),
    /** Someone not yet in your contacts: created with the invitation. */
    newContact: NewInvitationContact.optional(),
    network: z.string().trim().min(1).max(60).default('linkedin'),
    direction: InvitationDirection,
    /** Defaults to today. */
    receivedOn: IsoDate.optional(),
    message: optionalText(3_000),
  })
  .refine((i) => Boolean(i.contactId) !== Boolean(i.newContact), {
    message: 'give either contactId or newContact',
    path: ['contactId'],
  });
export type InvitationCreate = z.input<typeof InvitationCreate>;

export const InvitationPatch = z.object({
  network: z.string().trim().min(1).max(60).optional(),
  receivedOn: IsoDate.optional(),
  message: optionalText(3_000),
  welcomeSentOn: IsoDate.nullable().optional(),
  welcomeMessage: optionalText(10_000),
  repliedOn: IsoDate.nullable().optional(),
  outcome: InvitationOutcome.optional(),
  acceptedOn: IsoDate.nullable().optional(),
});
export type InvitationPatch = z.input<typeof InvitationPatch>;

export const WelcomeSent = z.object({
  message: z.string().trim().min(1).max(10_000),
  /** Defaults to today. */
  sentOn: IsoDate.optional(),
});
export type WelcomeSent = z.input<typeof WelcomeSent>;

export const Invitation = z.object({
  id: Id,
  contactId: Id,
  contact: ContactRef,
  network: z.string(),
  direction: InvitationDirection,
  receivedOn: IsoDate,
  message: z.string().nullable(),
  welcomeSentOn: IsoDate.nullable(),
  welcomeMessage: z.string().nullable(),
  repliedOn: IsoDate.nullable(),
  outcome: InvitationOutcome,
  acceptedOn: IsoDate.nullable(),
  status: InvitationStatus,
  createdAt: IsoDateTime,
});
export type Invitation = z.infer<typeof Invitation>;

export const InvitationListQuery = PageQuery.extend({
  direction: InvitationDirection.optional(),
  status: InvitationStatus.optional(),
  contactId: Id.optional(),
});
export const InvitationPage = pageOf(Invitation);
export type InvitationPage = z.infer<typeof InvitationPage>;

const FunnelCounts = z.object({
  incoming: z.number().int(),
  welcomed: z.number().int(),
  replied: z.number().int(),
  conversation: z.number().int(),
  meeting: z.number().int(),
  collaboration: z.number().int(),
  replyRate: z.number().nullable(),
});
export const Funnel = FunnelCounts.extend({
  outgoing: z.object({ sent: z.number().int(), accepted: z.number().int(), acceptedRate: z.number().nullable() }),
  byMonth: z.array(FunnelCounts.extend({ month: z.string() })),
});
export type Funnel = z.infer<typeof Funnel>;

/** A proposed personal welcome: the common points and the `welcome` template filled with them. */
export const WelcomeDraft = Rendered.extend({
  templateId: Id.nullable(),
  commonPoints: z.array(CommonPoint),
});
export type WelcomeDraft = z.infer<typeof WelcomeDraft>;
