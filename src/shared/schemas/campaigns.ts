import { z } from 'zod';
import { CampaignGoal, CampaignStage, Channel, Circle, Stage, campaignStages } from '../enums.js';
import { Id, IsoDate, IsoDateTime, PageQuery, optionalText, pageOf } from './common.js';
import { ContactSummary } from './contacts.js';
import { ContactRef } from './interactions.js';
import { IntroPath } from './intros.js';
import { Rendered } from './templates.js';

/** At most this many target companies: each one's best path is looked for on the campaign page. */
export const MAX_TARGET_COMPANIES = 20;

const TargetCompanies = z
  .array(z.string().trim().min(1).max(200))
  .max(MAX_TARGET_COMPANIES)
  .refine((names) => new Set(names.map((n) => n.toLocaleLowerCase())).size === names.length, 'the same company twice');

const campaignFields = {
  name: z.string().trim().min(1).max(200),
  goal: CampaignGoal,
  /** Roles, companies, sector: free text. */
  target: optionalText(1_000),
  /** The companies the campaign aims at: each gets its best warm-introduction path. */
  targetCompanies: TargetCompanies.optional(),
  /** Defaults to today. */
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.nullable().optional(),
  /** Defaults to the profile's weekly target. */
  newContactsPerWeek: z.number().int().min(0).max(100).optional(),
  meetingsPerWeek: z.number().int().min(0).max(50).optional(),
  notes: optionalText(20_000),
};

const endsAfterStart = (c: { startsOn?: string | undefined; endsOn?: string | null | undefined }) => !c.startsOn || !c.endsOn || c.endsOn >= c.startsOn;
const endsAfterStartError = { message: 'must not be before startsOn', path: ['endsOn'] };

export const CampaignCreate = z.object(campaignFields).refine(endsAfterStart, endsAfterStartError);
export type CampaignCreate = z.input<typeof CampaignCreate>;
export const CampaignPatch = z
  .object({ ...campaignFields, name: campaignFields.name.optional(), goal: CampaignGoal.optional() })
  .refine(endsAfterStart, endsAfterStartError);
export type CampaignPatch = z.input<typeof CampaignPatch>;

export const CampaignListQuery = PageQuery;

export const CampaignSummary = z.object({
  id: Id,
  name: z.string(),
  goal: CampaignGoal,
  target: z.string().nullable(),
  targetCompanies: z.array(z.string()),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  newContactsPerWeek: z.number().int(),
  meetingsPerWeek: z.number().int(),
  memberCount: z.number().int(),
  /** Members who met me (met, thanked or following up). */
  metCount: z.number().int(),
  /** Members at each stage, zeros included: how far along the campaign is. */
  countsByStage: z.object(Object.fromEntries(campaignStages.map((s) => [s, z.number().int()])) as Record<CampaignStage, z.ZodNumber>),
  createdAt: IsoDateTime,
});
export type CampaignSummary = z.infer<typeof CampaignSummary>;
export const CampaignPage = pageOf(CampaignSummary);
export type CampaignPage = z.infer<typeof CampaignPage>;

export const CampaignMember = z.object({
  contactId: Id,
  contact: ContactRef,
  company: z.string().nullable(),
  title: z.string().nullable(),
  circle: Circle,
  stage: CampaignStage,
  addedOn: IsoDate,
  /** The day of the (advice) meeting. */
  metOn: IsoDate.nullable(),
  stageChangedAt: IsoDateTime,
  /** Contacts they introduced me to. */
  referrals: z.number().int(),
  /** Met me and gave fewer than two names: ask them who else to talk to. */
  flagged: z.boolean(),
});
export type CampaignMember = z.infer<typeof CampaignMember>;

const WeekProgress = z.object({
  week: z.string(),
  startsOn: IsoDate,
  newContacts: z.object({ count: z.number().int(), target: z.number().int() }),
  meetings: z.object({ count: z.number().int(), target: z.number().int() }),
});

export const CampaignDetail = CampaignSummary.extend({
  notes: z.string().nullable(),
  updatedAt: IsoDateTime,
  /** In board order (stage), then by name. */
  members: z.array(CampaignMember),
  flaggedCount: z.number().int(),
  /** Per ISO week of the campaign (user's time zone): new people and meetings against the targets. */
  progress: z.object({
    weeks: z.array(WeekProgress),
    totals: z.object({ newContacts: z.number().int(), meetings: z.number().int() }),
  }),
});
export type CampaignDetail = z.infer<typeof CampaignDetail>;

export const MemberParams = z.object({ id: Id, contactId: Id });

export const MemberCreate = z.object({ contactId: Id, stage: CampaignStage.default('identified') });
export type MemberCreate = z.input<typeof MemberCreate>;

export const MemberPatch = z.object({
  stage: CampaignStage,
  /**
   * The meeting, used when this move logs it (the first time the member reaches `met` or later;
   * ignored otherwise): how you met (default `coffee`) and when (default now; not in the future).
   */
  channel: Channel.optional(),
  occurredAt: IsoDateTime.optional(),
});
export type MemberPatch = z.input<typeof MemberPatch>;

/** One campaign a contact is in, for the contact's page: the campaign and their stage in it. */
export const ContactCampaign = z.object({
  campaignId: Id,
  name: z.string(),
  goal: CampaignGoal,
  stage: CampaignStage,
  /** When they reached this stage. */
  stageChangedAt: IsoDateTime,
  addedOn: IsoDate,
  metOn: IsoDate.nullable(),
});
export type ContactCampaign = z.infer<typeof ContactCampaign>;

export const ReferralsCreate = z.object({
  people: z
    .array(
      z.object({
        firstName: z.string().trim().min(1).max(120),
        lastName: optionalText(120),
        company: optionalText(200),
        note: optionalText(2_000),
      }),
    )
    .min(1, 'at least one person')
    .max(20),
  /** Add them to the campaign as `identified` (default true). */
  joinCampaign: z.boolean().default(true),
});
export type ReferralsCreate = z.input<typeof ReferralsCreate>;

export const ReferralsCreated = z.object({
  contacts: z.array(ContactSummary),
  /** The member who gave the names, with the new count and flag. */
  member: CampaignMember,
});
export type ReferralsCreated = z.infer<typeof ReferralsCreated>;

export const ReferralTree = z.object({
  nodes: z.array(
    z.object({
      contactId: Id,
      displayName: z.string(),
      company: z.string().nullable(),
      /** Referrals who did not join the campaign are in the tree too, with no stage. */
      member: z.boolean(),
      stage: CampaignStage.nullable(),
      flagged: z.boolean(),
      generation: z.number().int(),
      /** Who led to them; null for a root. */
      parentId: Id.nullable(),
    }),
  ),
  edges: z.array(z.object({ from: Id, to: Id })),
  generations: z.array(z.object({ generation: z.number().int(), count: z.number().int() })),
  depth: z.number().int(),
  width: z.number().int(),
});
export type ReferralTree = z.infer<typeof ReferralTree>;

export const SuggestionQuery = z.object({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const CampaignSuggestion = z.object({
  contactId: Id,
  displayName: z.string(),
  company: z.string().nullable(),
  title: z.string().nullable(),
  circle: Circle,
  stage: Stage,
  lastInteractionAt: IsoDateTime.nullable(),
});
export type CampaignSuggestion = z.infer<typeof CampaignSuggestion>;

/** The `advice_request` template filled for a member: ask for advice, never for a job. */
export const AdviceRequest = Rendered.extend({ templateId: Id.nullable() });
export type AdviceRequest = z.infer<typeof AdviceRequest>;

/** One target company: the people there the user has in Círculo and the best warm path to one of them. */
export const CompanyPath = z.object({
  company: z.string(),
  /** Contacts whose current company is this one. */
  people: z.number().int(),
  path: IntroPath.nullable(),
});
export type CompanyPath = z.infer<typeof CompanyPath>;

export const CampaignCompanyPaths = z.object({
  /** In the campaign's order of target companies. */
  items: z.array(CompanyPath),
  /** Companies the user has contacts at, named in the free-text target and not yet in the list. */
  suggested: z.array(z.string()),
});
export type CampaignCompanyPaths = z.infer<typeof CampaignCompanyPaths>;
