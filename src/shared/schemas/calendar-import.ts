// Incoming calendars (docs/domain.md#calendar-import): secret iCal addresses subscribed to, whose
// past meetings become touches, and the "people you met" their meetings brought. (The outgoing
// feed of follow-ups and events is calendar.ts.)
import { z } from 'zod';
import { Id, IsoDateTime } from './common.js';
import { ImportReport, PersonMet } from './imports.js';

export const CalendarSubscriptionCreate = z.object({
  name: z.string().trim().min(1).max(100),
  /** The calendar's secret address: http(s), or webcal:// (read as https). */
  url: z
    .string()
    .trim()
    .min(1)
    .max(2000)
    .regex(/^(https?|webcals?):\/\/\S+$/i, 'must be an http:// or https:// address'),
});
export type CalendarSubscriptionCreate = z.infer<typeof CalendarSubscriptionCreate>;

export const TouchCounts = z.object({ created: z.number().int(), updated: z.number().int(), removed: z.number().int() });

export const CalendarSubscription = z.object({
  id: Id,
  name: z.string(),
  /** The address is a secret: only its scheme and host are shown back. */
  urlHint: z.string(),
  createdAt: IsoDateTime,
  /** The last attempt, whatever came of it; fetched again an hour after it. */
  lastFetchedAt: IsoDateTime.nullable(),
  lastStatus: z.enum(['ok', 'failed']).nullable(),
  /** Why the last attempt failed, in English (`lastErrorCode` for a translated message). */
  lastError: z.string().nullable(),
  lastErrorCode: z.string().nullable(),
  /** Touches the last successful fetch created, updated and removed. */
  lastCounts: TouchCounts.nullable(),
});
export type CalendarSubscription = z.infer<typeof CalendarSubscription>;

export const CalendarFetchResult = z.object({
  subscription: CalendarSubscription,
  /** The import's report when the fetch succeeded. */
  report: ImportReport.nullable(),
});
export type CalendarFetchResult = z.infer<typeof CalendarFetchResult>;

export const PeopleMetList = z.object({ items: z.array(PersonMet), total: z.number().int() });
export type PeopleMetList = z.infer<typeof PeopleMetList>;

export const PersonMetDismiss = z.object({ email: z.string().trim().min(3).max(320) });
export type PersonMetDismiss = z.infer<typeof PersonMetDismiss>;

/** Add a person met as a contact: the names default to the invitation's (or the address's). */
export const PersonMetAdd = PersonMetDismiss.extend({
  firstName: z.string().trim().min(1).max(120).optional(),
  lastName: z.string().trim().min(1).max(120).optional(),
});
export type PersonMetAdd = z.infer<typeof PersonMetAdd>;
