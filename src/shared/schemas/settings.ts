import { z } from 'zod';
import { Language } from '../enums.js';
import { Email, TimeZone } from './auth.js';
import { optionalText, stringList } from './common.js';

export const Profile = z.object({
  name: z.string(),
  timeZone: z.string(),
  language: Language,
  weeklyTarget: z.number().int(),
  /** The elevator pitch: a 30-second version and a longer one. */
  pitchShort: z.string().nullable(),
  pitchLong: z.string().nullable(),
  goals: z.string().nullable(),
  companies: z.array(z.string()),
  schools: z.array(z.string()),
  interests: z.array(z.string()),
  places: z.array(z.string()),
  communities: z.array(z.string()),
  /** The user's other e-mail addresses (a work calendar's): imported calendars recognise them as the user. */
  otherEmails: z.array(z.string()),
});
export type Profile = z.infer<typeof Profile>;

export const ProfilePatch = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  timeZone: TimeZone.optional(),
  language: Language.optional(),
  weeklyTarget: z.number().int().min(0).max(100).optional(),
  pitchShort: optionalText(600),
  pitchLong: optionalText(3_000),
  goals: optionalText(2_000),
  companies: stringList(200, 50).optional(),
  schools: stringList(200, 50).optional(),
  interests: stringList(100, 100).optional(),
  places: stringList(120, 50).optional(),
  communities: stringList(150, 100).optional(),
  otherEmails: z.array(Email).max(20).optional(),
});
export type ProfilePatch = z.infer<typeof ProfilePatch>;

/** Keep-in-touch defaults per circle, in days (docs/domain.md#keep-in-touch-cadence: 30 / 60 / 120). */
export const Cadences = z.object({
  personal: z.number().int().min(1).max(3650),
  professional: z.number().int().min(1).max(3650),
  opportunity: z.number().int().min(1).max(3650),
});
export type Cadences = z.infer<typeof Cadences>;

/** Default delays of the follow-ups that close a loop (docs/domain.md#favors-and-the-loop: thank in 2 days, report in 14). */
export const FollowupDelays = z.object({
  thankYouDays: z.number().int().min(0).max(365),
  outcomeReportDays: z.number().int().min(1).max(365),
});
export type FollowupDelays = z.infer<typeof FollowupDelays>;

export const AccountSettings = z.object({ cadences: Cadences, followupDelays: FollowupDelays });
export type AccountSettings = z.infer<typeof AccountSettings>;
export const AccountSettingsPatch = z.object({
  cadences: Cadences.partial().optional(),
  followupDelays: FollowupDelays.partial().optional(),
});
export type AccountSettingsPatch = z.infer<typeof AccountSettingsPatch>;
