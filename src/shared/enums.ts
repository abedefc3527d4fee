// The fixed vocabularies of docs/domain.md. Other programs rely on these exact values:
// add new ones at the end, never rename.
import { z } from 'zod';

export const circles = ['personal', 'professional', 'opportunity'] as const;
export const contactKinds = [
  'family',
  'friend',
  'friend_of_friend',
  'club_member',
  'service_provider',
  'colleague',
  'former_colleague',
  'boss',
  'client',
  'supplier',
  'collaborator',
  'mentor',
  'met_by_chance',
  'other',
] as const;
export const stages = [
  'new',
  'in_conversation',
  'met_online',
  'met_in_person',
  'relationship',
  'trusted',
] as const;
export const contactSources = ['manual', 'linkedin', 'vcard', 'csv', 'event', 'referral', 'carddav'] as const;
export const channels = [
  'in_person',
  'coffee',
  'meal',
  'call',
  'video',
  'email',
  'linkedin',
  'message',
  'social',
  'forum',
  'event',
  'letter',
  'other',
] as const;
export const directions = ['outbound', 'inbound'] as const;
export const intents = ['ask', 'give', 'nurture', 'reply'] as const;
export const followupKinds = [
  'thank_you',
  'report_outcome',
  'keep_in_touch',
  'after_event',
  'reply_invitation',
  'campaign',
  'custom',
] as const;
export const followupStatuses = ['open', 'done', 'snoozed', 'dismissed'] as const;
export const languages = ['es', 'en'] as const;

export const Circle = z.enum(circles);
export const ContactKind = z.enum(contactKinds);
export const Stage = z.enum(stages);
export const ContactSource = z.enum(contactSources);
export const Channel = z.enum(channels);
export const Direction = z.enum(directions);
export const Intent = z.enum(intents);
export const FollowupKind = z.enum(followupKinds);
export const FollowupStatus = z.enum(followupStatuses);
export const Language = z.enum(languages);

export type Circle = z.infer<typeof Circle>;
export type ContactKind = z.infer<typeof ContactKind>;
export type Stage = z.infer<typeof Stage>;
export type ContactSource = z.infer<typeof ContactSource>;
export type Channel = z.infer<typeof Channel>;
export type Direction = z.infer<typeof Direction>;
export type Intent = z.infer<typeof Intent>;
export type FollowupKind = z.infer<typeof FollowupKind>;
export type FollowupStatus = z.infer<typeof FollowupStatus>;
export type Language = z.infer<typeof Language>;

export const favorDirections = ['received', 'given'] as const;
export const favorKinds = [
  'introduction',
  'advice',
  'reference',
  'job_lead',
  'client_referral',
  'information',
  'recommendation',
  'feedback',
  'endorsement',
  'other',
] as const;
export const efforts = ['small', 'medium', 'large'] as const;
export const loopStatuses = ['open', 'thanked', 'closed'] as const;

export const FavorDirection = z.enum(favorDirections);
export const FavorKind = z.enum(favorKinds);
export const Effort = z.enum(efforts);
export const LoopStatus = z.enum(loopStatuses);
export type FavorDirection = z.infer<typeof FavorDirection>;
export type FavorKind = z.infer<typeof FavorKind>;
export type Effort = z.infer<typeof Effort>;
export type LoopStatus = z.infer<typeof LoopStatus>;

export const templatePurposes = ['welcome', 'thank_you', 'report_outcome', 'keep_in_touch', 'advice_request', 'after_event', 'intro_request', 'custom'] as const;
export const invitationDirections = ['incoming', 'outgoing'] as const;
export const invitationOutcomes = ['none', 'conversation', 'meeting', 'collaboration'] as const;
export const TemplatePurpose = z.enum(templatePurposes);
export const InvitationDirection = z.enum(invitationDirections);
export const InvitationOutcome = z.enum(invitationOutcomes);
export type TemplatePurpose = z.infer<typeof TemplatePurpose>;
export type InvitationDirection = z.infer<typeof InvitationDirection>;
export type InvitationOutcome = z.infer<typeof InvitationOutcome>;

export const eventKinds = ['conference', 'meetup', 'networking', 'wedding', 'party', 'trip', 'other'] as const;
export const campaignGoals = ['job_search', 'prospects', 'information', 'grow_network', 'other'] as const;
/** In order: a member only moves forward in real life, though the board lets them move back. */
export const campaignStages = ['identified', 'advice_requested', 'meeting_scheduled', 'met', 'thanked', 'following_up'] as const;
export const EventKind = z.enum(eventKinds);
export const CampaignGoal = z.enum(campaignGoals);
export const CampaignStage = z.enum(campaignStages);
export type EventKind = z.infer<typeof EventKind>;
export type CampaignGoal = z.infer<typeof CampaignGoal>;
export type CampaignStage = z.infer<typeof CampaignStage>;

/** What an API token may do: `read` only reads (GET, HEAD); `write` may also change data. */
export const tokenScopes = ['read', 'write'] as const;
export const TokenScope = z.enum(tokenScopes);
export type TokenScope = z.infer<typeof TokenScope>;

/** The e-mails Círculo sends on its own (docs/domain.md#e-mail). */
export const emailKinds = ['daily', 'weekly'] as const;
export const EmailKind = z.enum(emailKinds);
export type EmailKind = z.infer<typeof EmailKind>;
/** A scheduled e-mail's record: being sent, sent, failed (retried), or skipped (nothing to do). */
export const emailSendStatuses = ['sending', 'sent', 'failed', 'skipped'] as const;
export const EmailSendStatus = z.enum(emailSendStatuses);
export type EmailSendStatus = z.infer<typeof EmailSendStatus>;

/** Explicit ties between two contacts (docs/domain.md#ties-between-contacts). */
export const relationshipKinds = ['colleague', 'former_colleague', 'friend', 'family', 'partner', 'classmate', 'introduced', 'other'] as const;
export const RelationshipKind = z.enum(relationshipKinds);
export type RelationshipKind = z.infer<typeof RelationshipKind>;
/** Where a tie comes from: typed by the user, or read from what the user already recorded. */
export const tieSources = ['explicit', 'introduced_by', 'referral', 'introduction_favor', 'shared_touch', 'same_event', 'same_company'] as const;
export const TieSource = z.enum(tieSources);
export type TieSource = z.infer<typeof TieSource>;
