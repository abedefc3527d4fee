// The iCalendar feed: what each source of dated things in an account (open follow-ups, events)
// looks like as calendar entries. Pure: rows in, text out.
import ical, { ICalEventTransparency, type ICalEventData } from 'ical-generator';
import type { EventKind, FollowupKind, FollowupStatus, Language } from '#shared/enums.js';
import { calendarTexts } from './texts.js';

/**
 * What people typed (names, titles, places) as calendar text: ical-generator escapes line breaks,
 * `;`, `,` and `\\`, and this drops the other control characters RFC 5545 does not allow in text,
 * so no value can start a line (`END:VEVENT`) of its own.
 */
const text = (value: string) => value.replace(/\r\n?/g, '\n').replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, '');

export interface FeedContext {
  language: Language;
  /** Where the web app is, as the subscriber reached us: `https://circulo.example.org`. */
  origin: string;
  now: Date;
}

export interface OpenFollowup {
  id: string;
  title: string;
  kind: FollowupKind;
  status: FollowupStatus;
  dueOn: string;
  snoozedUntil: string | null;
  contactId: string;
  contactName: string;
}

/** A follow-up is an all-day entry on the day it is due for the user: the snooze date while snoozed. */
export function followupEntry(f: OpenFollowup, ctx: FeedContext): ICalEventData {
  const snoozed = f.status === 'snoozed' && f.snoozedUntil !== null;
  const url = `${ctx.origin}/contacts/${f.contactId}`;
  // Titles the app writes already name the person ("Thank Ana for…"); the user's own may not.
  const summary = text(f.title.includes(f.contactName) ? f.title : `${f.title} — ${f.contactName}`);
  return {
    id: `followup-${f.id}@circulo`,
    start: snoozed ? f.snoozedUntil! : f.dueOn,
    allDay: true,
    // A follow-up is something to do that day, not time taken out of it.
    transparency: ICalEventTransparency.TRANSPARENT,
    summary,
    description: [
      calendarTexts.contact(ctx.language, text(f.contactName)),
      calendarTexts.followupKind(ctx.language, f.kind),
      ...(snoozed ? [calendarTexts.snoozed(ctx.language, f.dueOn)] : []),
      url,
    ].join('\n'),
    url,
    categories: [{ name: calendarTexts.followupKind(ctx.language, f.kind) }],
    stamp: ctx.now,
  };
}

export interface FeedEvent {
  id: string;
  name: string;
  kind: EventKind;
  startsAt: Date;
  endsAt: Date | null;
  place: string | null;
  url: string | null;
  /** How many people I marked as ones I want to meet there. */
  targets: number;
}

/** An event is a timed entry (it takes the time), linking to its page in Círculo. */
export function eventEntry(e: FeedEvent, ctx: FeedContext): ICalEventData {
  const page = `${ctx.origin}/events/${e.id}`;
  return {
    id: `event-${e.id}@circulo`,
    start: e.startsAt,
    // Without an end, an hour: calendar apps show a zero-length event as a line.
    end: e.endsAt ?? new Date(e.startsAt.getTime() + 60 * 60 * 1000),
    summary: text(e.name),
    ...(e.place ? { location: text(e.place) } : {}),
    description: [
      calendarTexts.eventKind(ctx.language, e.kind),
      ...(e.targets > 0 ? [calendarTexts.targets(ctx.language, e.targets)] : []),
      ...(e.url ? [text(e.url)] : []),
      calendarTexts.briefing(ctx.language, `${page}/briefing`),
    ].join('\n'),
    url: page,
    categories: [{ name: calendarTexts.eventKind(ctx.language, e.kind) }],
    stamp: ctx.now,
  };
}

export function calendarText(entries: ICalEventData[], ctx: FeedContext): string {
  return ical({
    name: calendarTexts.name(ctx.language),
    description: calendarTexts.description(ctx.language),
    prodId: { company: 'Círculo', product: 'circulo', language: ctx.language.toUpperCase() },
    // Calendar apps that honour it poll hourly.
    ttl: 60 * 60,
    events: entries,
  }).toString();
}
