import { z } from 'zod';

/** The calendar feed to subscribe to: open follow-ups (and events) as an iCalendar URL. */
export const CalendarFeed = z.object({
  enabled: z.boolean(),
  /**
   * The secret feed URL (anyone with it can read the feed), only in the answer that creates it:
   * the server keeps its hash, so it cannot be shown again. Null otherwise.
   */
  url: z.url().nullable(),
});
export type CalendarFeed = z.infer<typeof CalendarFeed>;

export const CalendarFeedParams = z.object({
  /** The secret of the feed's URL (base64url). */
  secret: z.string().min(1).max(200),
});
