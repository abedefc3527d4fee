import { z } from 'zod';
import { EventKind } from '../enums.js';
import { Id, IsoDateTime, PageQuery, optionalText, pageOf, stringList } from './common.js';
import { ContactSummary } from './contacts.js';
import { Followup } from './followups.js';
import { ContactRef } from './interactions.js';
import { CommonPoint } from './templates.js';

/** An http(s) link; an empty string clears it. */
const optionalUrl = z
  .union([z.literal('').transform(() => null), z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).max(1_000)])
  .nullable()
  .optional();

const eventFields = {
  name: z.string().trim().min(1).max(200),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable().optional(),
  place: optionalText(300),
  /** The online link, or the event's page. */
  url: optionalUrl,
  kind: EventKind.default('other'),
  /** My pitch for this event; leave empty to use the profile's short pitch. */
  pitch: optionalText(1_000),
  talkingPoints: stringList(500, 30).optional(),
  notes: optionalText(20_000),
};

const endsAfterStart = (e: { startsAt?: string | undefined; endsAt?: string | null | undefined }) =>
  !e.startsAt || !e.endsAt || new Date(e.endsAt) >= new Date(e.startsAt);
const endsAfterStartError = { message: 'must not be before startsAt', path: ['endsAt'] };

export const EventCreate = z.object(eventFields).refine(endsAfterStart, endsAfterStartError);
export type EventCreate = z.input<typeof EventCreate>;

export const EventPatch = z
  .object({ ...eventFields, name: eventFields.name.optional(), startsAt: IsoDateTime.optional(), kind: EventKind.optional() })
  .refine(endsAfterStart, endsAfterStartError);
export type EventPatch = z.input<typeof EventPatch>;

export const EventListQuery = PageQuery.extend({
  /** `upcoming`: not over yet, soonest first; `past`: over, newest first. Absent: all, newest first. */
  when: z.enum(['upcoming', 'past']).optional(),
});
export type EventListQuery = z.infer<typeof EventListQuery>;

export const EventSummary = z.object({
  id: Id,
  name: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  place: z.string().nullable(),
  url: z.string().nullable(),
  kind: EventKind,
  attendeeCount: z.number().int(),
  /** Attendees marked "I want to meet them". */
  targetCount: z.number().int(),
  /** Attendees I did meet. */
  metCount: z.number().int(),
  createdAt: IsoDateTime,
});
export type EventSummary = z.infer<typeof EventSummary>;
export const EventPage = pageOf(EventSummary);
export type EventPage = z.infer<typeof EventPage>;

export const SuggestedTopic = z.object({
  value: z.string(),
  /** A common point's kind, or `interest` / `community` of theirs. */
  kind: CommonPoint.shape.kind,
  /** Something we share. */
  common: z.boolean(),
});
export type SuggestedTopic = z.infer<typeof SuggestedTopic>;

const attendeeFields = {
  /** I want to meet them. */
  target: z.boolean(),
  why: optionalText(1_000),
  researchNotes: optionalText(10_000),
  topics: stringList(300, 30),
  questions: stringList(500, 30),
  met: z.boolean(),
};

export const AttendeeCreate = z.object({
  contactId: Id,
  target: attendeeFields.target.default(false),
  why: attendeeFields.why,
  researchNotes: attendeeFields.researchNotes,
  topics: attendeeFields.topics.optional(),
  questions: attendeeFields.questions.optional(),
  met: attendeeFields.met.default(false),
});
export type AttendeeCreate = z.input<typeof AttendeeCreate>;

export const AttendeePatch = z.object({
  target: attendeeFields.target.optional(),
  why: attendeeFields.why,
  researchNotes: attendeeFields.researchNotes,
  topics: attendeeFields.topics.optional(),
  questions: attendeeFields.questions.optional(),
  met: attendeeFields.met.optional(),
});
export type AttendeePatch = z.input<typeof AttendeePatch>;

export const AttendeeParams = z.object({ id: Id, contactId: Id });

export const Attendee = z.object({
  contactId: Id,
  contact: ContactRef,
  company: z.string().nullable(),
  title: z.string().nullable(),
  target: z.boolean(),
  why: z.string().nullable(),
  researchNotes: z.string().nullable(),
  topics: z.array(z.string()),
  questions: z.array(z.string()),
  met: z.boolean(),
  /** First met at this event (captured after it, or their metAtEventId points here). */
  metHere: z.boolean(),
  /** From what we have in common, their interests and communities; not yet in `topics`. */
  suggestedTopics: z.array(SuggestedTopic),
});
export type Attendee = z.infer<typeof Attendee>;

/** Named so it does not shadow the DOM's `Event` in the web app. */
export const EventDetail = EventSummary.extend({
  /** The pitch for this event: its own, else the profile's short pitch (see pitchFromProfile). */
  pitch: z.string().nullable(),
  pitchFromProfile: z.boolean(),
  talkingPoints: z.array(z.string()),
  notes: z.string().nullable(),
  updatedAt: IsoDateTime,
  /** Targets first, then by name. */
  attendees: z.array(Attendee),
});
export type EventDetail = z.infer<typeof EventDetail>;

/** People met at the event, typed in a corridor: one name field, a company, one line of note. */
export const EventCapture = z.object({
  people: z
    .array(
      z.object({
        name: z.string().trim().min(1).max(250),
        company: optionalText(200),
        note: optionalText(2_000),
      }),
    )
    .min(1, 'at least one person')
    .max(50),
});
export type EventCapture = z.input<typeof EventCapture>;

export const EventCaptured = z.object({
  contacts: z.array(ContactSummary),
  followups: z.array(Followup),
});
export type EventCaptured = z.infer<typeof EventCaptured>;

/** An event in a contact's timeline. */
export const EventAppearance = z.object({
  id: Id,
  name: z.string(),
  startsAt: IsoDateTime,
  endsAt: IsoDateTime.nullable(),
  kind: EventKind,
  place: z.string().nullable(),
  /** On the attendee list, and whether I wanted to meet them and did. */
  attendee: z.boolean(),
  target: z.boolean(),
  met: z.boolean(),
  /** The event where I first met them (their metAtEventId). */
  metHere: z.boolean(),
});
export type EventAppearance = z.infer<typeof EventAppearance>;
