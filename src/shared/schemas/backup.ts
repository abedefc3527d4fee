// The JSON backup of a whole account (docs/domain.md#json-backup): what `GET /api/exports/json` and `circulo backup`
// write, and what restore reads. Every record of the account is here except secrets (password
// hashes, sessions, API tokens, the calendar secret) and values restore recomputes (a contact's
// last interaction). Field names are the API's; ids are kept so references between sections
// resolve (restore gives rows new ids when they would collide with another account's).
//
// Compatibility: a field or section added later in version 1 must be `.optional()` (or
// `.default([])`) so older backups still restore; a change that old readers cannot take bumps
// `version`. The server's table of sections (features/backup/sections.ts) says where each
// section's rows live; a unit test keeps the two in step with the database schema.
import { z } from 'zod';
import {
  CampaignGoal,
  CampaignStage,
  Channel,
  Circle,
  ContactKind,
  ContactSource,
  Direction,
  Effort,
  EventKind,
  FavorDirection,
  FavorKind,
  FollowupKind,
  FollowupStatus,
  Intent,
  InvitationDirection,
  InvitationOutcome,
  Language,
  LoopStatus,
  RelationshipKind,
  Stage,
  TemplatePurpose,
} from '../enums.js';
import { TimeZone } from './auth.js';
import { Id, IsoDate, IsoDateTime } from './common.js';
import { Cadences, FollowupDelays } from './settings.js';

export const BACKUP_FORMAT = 'circulo-backup';
export const BACKUP_VERSION = 1;

const text = z.string().nullable();
const list = z.array(z.string());
const ref = Id.nullable();
const uniqueIds = z.array(Id).refine((ids) => new Set(ids).size === ids.length, 'the same id twice');

export const BackupProfile = z.strictObject({
  name: z.string().min(1),
  timeZone: TimeZone,
  language: Language,
  weeklyTarget: z.number().int().min(0),
  pitchShort: text,
  pitchLong: text,
  goals: text,
  companies: list,
  schools: list,
  interests: list,
  places: list,
  communities: list,
});

export const BackupSettings = z.strictObject({
  cadences: z.strictObject(Cadences.shape),
  followupDelays: z.strictObject(FollowupDelays.shape),
});

export const BackupContact = z.strictObject({
  id: Id,
  firstName: text,
  lastName: text,
  displayName: z.string(),
  emails: list,
  phones: list,
  company: text,
  title: text,
  location: text,
  links: list,
  birthday: text,
  photo: text,
  notes: text,
  circle: Circle,
  kind: ContactKind.nullable(),
  tags: list,
  interests: list,
  communities: list,
  schools: list,
  pastCompanies: list,
  howMet: text,
  metOn: IsoDate.nullable(),
  metAtEventId: ref,
  introducedById: ref,
  stage: Stage,
  cadenceDays: z.number().int().min(1).nullable(),
  source: ContactSource,
  /** The normalised LinkedIn profile URL imports match on. */
  linkedinKey: text,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const BackupInteraction = z.strictObject({
  id: Id,
  contactIds: uniqueIds,
  occurredAt: IsoDateTime,
  channel: Channel,
  direction: Direction,
  intent: Intent,
  summary: text,
  notes: text,
  externalId: text,
  createdAt: IsoDateTime,
});

export const BackupInvitation = z.strictObject({
  id: Id,
  contactId: Id,
  network: z.string(),
  direction: InvitationDirection,
  receivedOn: IsoDate,
  message: text,
  welcomeSentOn: IsoDate.nullable(),
  welcomeMessage: text,
  repliedOn: IsoDate.nullable(),
  outcome: InvitationOutcome,
  acceptedOn: IsoDate.nullable(),
  externalId: text,
  createdAt: IsoDateTime,
});

export const BackupFavor = z.strictObject({
  id: Id,
  contactId: Id,
  direction: FavorDirection,
  kind: FavorKind,
  effort: Effort,
  occurredOn: IsoDate,
  description: text,
  introducedToId: ref,
  thankedOn: IsoDate.nullable(),
  outcome: text,
  outcomeReportedOn: IsoDate.nullable(),
  outcomeNotApplicable: z.boolean(),
  loopStatus: LoopStatus,
  closedAt: IsoDateTime.nullable(),
  createdAt: IsoDateTime,
});

export const BackupFollowup = z.strictObject({
  id: Id,
  contactId: Id,
  dueOn: IsoDate,
  kind: FollowupKind,
  title: z.string(),
  notes: text,
  status: FollowupStatus,
  snoozedUntil: IsoDate.nullable(),
  completedAt: IsoDateTime.nullable(),
  favorId: ref,
  eventId: ref,
  campaignId: ref,
  invitationId: ref,
  createdAt: IsoDateTime,
});

export const BackupStageChange = z.strictObject({
  id: Id,
  contactId: Id,
  fromStage: Stage,
  toStage: Stage,
  changedAt: IsoDateTime,
});

export const BackupTemplate = z.strictObject({
  id: Id,
  purpose: TemplatePurpose,
  language: Language,
  name: z.string(),
  subject: text,
  body: z.string(),
  /** The shipped template it started from; null for the user's own. */
  defaultKey: text,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const BackupEvent = z.strictObject({
  id: Id,
  name: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  place: text,
  url: text,
  kind: EventKind,
  pitch: text,
  talkingPoints: list,
  notes: text,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const BackupEventAttendee = z.strictObject({
  eventId: Id,
  contactId: Id,
  target: z.boolean(),
  why: text,
  researchNotes: text,
  topics: list,
  questions: list,
  met: z.boolean(),
  createdAt: IsoDateTime,
});

export const BackupCampaign = z.strictObject({
  id: Id,
  name: z.string(),
  goal: CampaignGoal,
  target: text,
  targetCompanies: list.default([]),
  startsOn: IsoDate,
  endsOn: IsoDate.nullable(),
  newContactsPerWeek: z.number().int().min(0),
  meetingsPerWeek: z.number().int().min(0),
  notes: text,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});

export const BackupCampaignMember = z.strictObject({
  campaignId: Id,
  contactId: Id,
  stage: CampaignStage,
  addedOn: IsoDate,
  metOn: IsoDate.nullable(),
  stageChangedAt: IsoDateTime,
});

/** A tie typed between two contacts (added in version 1: older backups have none). */
export const BackupRelationship = z.strictObject({
  id: Id,
  contactAId: Id,
  contactBId: Id,
  kind: RelationshipKind,
  note: text,
  createdAt: IsoDateTime,
});

/**
 * The sections of a backup, in the order they are written and restored. A reference to a later
 * section (a follow-up's favor) is filled in once that section is restored.
 */
export const backupSections = {
  contacts: BackupContact,
  interactions: BackupInteraction,
  followups: BackupFollowup,
  favors: BackupFavor,
  stageChanges: BackupStageChange,
  invitations: BackupInvitation,
  templates: BackupTemplate,
  events: BackupEvent,
  eventAttendees: BackupEventAttendee,
  campaigns: BackupCampaign,
  campaignMembers: BackupCampaignMember,
  relationships: BackupRelationship,
} as const;
export type BackupSectionKey = keyof typeof backupSections;
export const backupSectionKeys = Object.keys(backupSections) as BackupSectionKey[];

const sectionArrays = Object.fromEntries(backupSectionKeys.map((key) => [key, z.array(backupSections[key])])) as {
  [K in BackupSectionKey]: z.ZodArray<(typeof backupSections)[K]>;
};

export const BackupDocument = z.strictObject({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(BACKUP_VERSION),
  exportedAt: IsoDateTime,
  profile: BackupProfile,
  settings: BackupSettings,
  ...sectionArrays,
  // Sections added later in version 1 (see the top of this file).
  relationships: sectionArrays.relationships.default([]),
});
export type BackupDocument = z.infer<typeof BackupDocument>;
export type BackupRow<K extends BackupSectionKey> = z.infer<(typeof backupSections)[K]>;

export const RestoreQuery = z.object({
  /** `true`: delete everything the account has, then restore. Without it a non-empty account is refused. */
  replace: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
});

export const RestoreReport = z.object({
  /** Whether the account's previous data was deleted first. */
  replaced: z.boolean(),
  /** Records that got a new id because theirs was taken by another account. */
  idsChanged: z.number().int(),
  /** Records restored, per section. */
  restored: z.record(z.string(), z.number().int()),
});
export type RestoreReport = z.infer<typeof RestoreReport>;
