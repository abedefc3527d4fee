// An iCalendar file (RFC 5545) → the past meetings in it, one per occurrence, parsed and expanded
// by ical.js: RRULE/RDATE, EXDATE (an instance taken out), RECURRENCE-ID overrides (a moved
// instance moves, one with STATUS:CANCELLED disappears) and the file's VTIMEZONEs.
// docs/domain.md#calendar-import has the rules; nothing here touches the database.
import { TZDate } from '@date-fns/tz';
import ICAL from 'ical.js';
import type { Channel } from '#shared/enums.js';
import { normaliseEmail } from '#shared/rules/contact-keys.js';
import { ImportError } from '../imports/errors.js';
import { channelOf } from './channel.js';

export interface Attendee {
  /** Lower-cased, without `mailto:`. */
  email: string;
  name: string | null;
}

export interface Meeting {
  /** Stable across imports: the UID, and for an instance of a recurring meeting its original start. */
  key: string;
  uid: string;
  start: Date;
  end: Date;
  summary: string | null;
  channel: Channel;
  /** The user organised it (or nobody is named as organiser: it is in their own calendar). */
  organisedByUser: boolean;
  /** Everyone but the user: the organiser and the attendees who did not decline. */
  others: Attendee[];
}

export interface CalendarReading {
  meetings: Meeting[];
  /** Every UID in the file: their touches that no meeting above produced any more are removed. */
  uids: Set<string>;
  /** Occurrences left out, by why, for the report. */
  allDay: number;
  solo: number;
  /** Recurring meetings cut at MAX_OCCURRENCES past instances (their UIDs). */
  capped: string[];
}

/** Past instances kept per recurring meeting: a daily meeting for 13 years. */
export const MAX_OCCURRENCES = 5_000;
/** How far past now the expansion looks for an instance that was moved back into the past. */
const LOOK_AHEAD_MS = 366 * 86_400_000;
const SUMMARY_CHARS = 200;

/** `mailto:Ana@Example.org` → `ana@example.org`; null when it is not an address. */
export function addressOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const email = normaliseEmail(value.replace(/^mailto:/i, ''));
  return /^[^\s@]+@[^\s@]+$/.test(email) ? email : null;
}

/** The key of one meeting's touch: `ical:<uid>` or `ical:<uid>/<original start, UTC>`. */
export function meetingKey(uid: string, recurrenceId: Date | null): string {
  const base = `ical:${encodeURIComponent(uid)}`;
  return recurrenceId ? `${base}/${recurrenceId.toISOString()}` : base;
}

/** The UID a touch's key was made from (meetingKey's inverse), or null for another kind of key. */
export function uidOfKey(key: string): string | null {
  if (!key.startsWith('ical:')) return null;
  const rest = key.slice('ical:'.length);
  const slash = rest.indexOf('/');
  try {
    return decodeURIComponent(slash === -1 ? rest : rest.slice(0, slash));
  } catch {
    return null;
  }
}

/**
 * The instant a time names. ical.js knows the zones whose VTIMEZONE the file holds; a TZID
 * without one (some exporters rely on the IANA name alone) is read as an IANA zone, and a
 * floating time as the user's own zone.
 */
function instantOf(time: ICAL.Time, userZone: string): Date {
  const zone = time.zone?.tzid;
  if (zone && zone !== 'floating') return time.toJSDate();
  const tzid = (time as unknown as { timezone?: string }).timezone;
  for (const candidate of [tzid, userZone]) {
    if (!candidate) continue;
    try {
      const local = new TZDate(time.year, time.month - 1, time.day, time.hour, time.minute, time.second, candidate);
      if (!Number.isNaN(local.getTime())) return new Date(local.getTime());
    } catch {
      // Not an IANA name: try the next.
    }
  }
  return new Date(Date.UTC(time.year, time.month - 1, time.day, time.hour, time.minute, time.second));
}

function text(component: ICAL.Component, name: string): string {
  const value = component.getFirstPropertyValue(name);
  return typeof value === 'string' ? value : '';
}

function param(property: ICAL.Property, name: string): string {
  const value = property.getParameter(name);
  return (Array.isArray(value) ? value[0] : value)?.toString() ?? '';
}

interface People {
  organiser: string | null;
  /** Attendees who did not decline, and the organiser. */
  present: Attendee[];
  /** One of the user's addresses declined. */
  userDeclined: boolean;
}

function peopleOf(event: ICAL.Component, own: ReadonlySet<string>): People {
  const organiserProperty = event.getFirstProperty('organizer');
  const organiser = organiserProperty ? addressOf(organiserProperty.getFirstValue()) : null;
  const present = new Map<string, Attendee>();
  if (organiserProperty && organiser) present.set(organiser, { email: organiser, name: param(organiserProperty, 'cn') || null });
  let userDeclined = false;
  for (const property of event.getAllProperties('attendee')) {
    const email = addressOf(property.getFirstValue());
    if (!email) continue;
    // Rooms and equipment are booked, not met.
    if (['ROOM', 'RESOURCE'].includes(param(property, 'cutype').toUpperCase())) continue;
    if (param(property, 'partstat').toUpperCase() === 'DECLINED') {
      if (own.has(email)) userDeclined = true;
      present.delete(email);
      continue;
    }
    const name = param(property, 'cn') || null;
    const known = present.get(email);
    present.set(email, { email, name: known?.name ?? name });
  }
  return { organiser, present: [...present.values()], userDeclined };
}

function linksOf(event: ICAL.Component): { links: string[]; conference: boolean } {
  const links = [...event.getAllProperties('url'), ...event.getAllProperties('conference')].map((p) => String(p.getFirstValue() ?? ''));
  const conference = ['x-google-conference', 'x-microsoft-skypeteamsmeetingurl', 'x-microsoft-onlinemeetingconfurl'].some((name) => Boolean(text(event, name)));
  return { links, conference };
}

function isCancelled(event: ICAL.Component): boolean {
  return text(event, 'status').toUpperCase() === 'CANCELLED';
}

export interface ReadOptions {
  now: Date;
  /** The user's time zone: floating times are theirs. */
  timeZone: string;
  /** The user's own addresses, normalised: never "someone met". */
  own: ReadonlySet<string>;
  file: string;
}

/** The past meetings of a calendar. Throws an ImportError for a file that is not iCalendar. */
export function readCalendar(source: string, options: ReadOptions): CalendarReading {
  let root: ICAL.Component;
  try {
    root = new ICAL.Component(ICAL.parse(source) as unknown[]);
  } catch (error) {
    throw new ImportError('malformed', `not an iCalendar file (${error instanceof Error ? error.message : String(error)})`, options.file);
  }
  if (root.name !== 'vcalendar') throw new ImportError('wrong_format', 'not an iCalendar file: it does not start with BEGIN:VCALENDAR', options.file);

  // ical.js resolves TZIDs through a process-wide registry. The file's zones are registered only
  // for this synchronous read and removed after, so one calendar's definitions never leak into
  // another's (and nothing else can run in between).
  const registered: string[] = [];
  for (const zone of root.getAllSubcomponents('vtimezone')) {
    const tzid = text(zone, 'tzid');
    if (!tzid || ICAL.TimezoneService.has(tzid)) continue;
    ICAL.TimezoneService.register(zone);
    registered.push(tzid);
  }
  try {
    return expand(root, options);
  } finally {
    for (const tzid of registered) ICAL.TimezoneService.remove(tzid);
  }
}

function expand(root: ICAL.Component, options: ReadOptions): CalendarReading {
  const reading: CalendarReading = { meetings: [], uids: new Set(), allDay: 0, solo: 0, capped: [] };
  const byUid = new Map<string, { master: ICAL.Component | null; exceptions: ICAL.Component[] }>();
  for (const event of root.getAllSubcomponents('vevent')) {
    const uid = text(event, 'uid').trim();
    if (!uid) continue; // RFC 5545 requires one; without it a touch could never be found again.
    const group = byUid.get(uid) ?? { master: null, exceptions: [] };
    if (event.hasProperty('recurrence-id')) group.exceptions.push(event);
    else group.master = event;
    byUid.set(uid, group);
  }

  const nowMs = options.now.getTime();
  for (const [uid, group] of byUid) {
    reading.uids.add(uid);
    const masterComponent = group.master ?? group.exceptions[0]!;
    const master = new ICAL.Event(masterComponent);
    if (master.startDate?.isDate) {
      reading.allDay++;
      continue;
    }
    if (group.master && isCancelled(group.master)) continue; // the whole series is cancelled
    const recurring = group.master !== null && master.isRecurring();

    const occurrences: { item: ICAL.Event; start: ICAL.Time; end: ICAL.Time; recurrenceId: Date | null }[] = [];
    if (recurring) {
      for (const exception of group.exceptions) master.relateException(exception);
      const iterator = master.iterator();
      let past = 0;
      for (let next = iterator.next(); next; next = iterator.next()) {
        if (instantOf(next, options.timeZone).getTime() > nowMs + LOOK_AHEAD_MS) break;
        const details = master.getOccurrenceDetails(next);
        occurrences.push({ item: details.item, start: details.startDate, end: details.endDate, recurrenceId: instantOf(details.recurrenceId, options.timeZone) });
        if (instantOf(details.endDate, options.timeZone).getTime() <= nowMs && ++past >= MAX_OCCURRENCES) {
          reading.capped.push(uid);
          break;
        }
      }
    } else {
      // A single meeting, or instances whose series is not in the file: each stands alone.
      for (const component of group.master ? [group.master] : group.exceptions) {
        const event = new ICAL.Event(component);
        const recurrenceId = group.master ? null : instantOf(event.recurrenceId, options.timeZone);
        occurrences.push({ item: event, start: event.startDate, end: event.endDate ?? event.startDate, recurrenceId });
      }
    }

    for (const occurrence of occurrences) {
      const component = occurrence.item.component;
      if (isCancelled(component) || occurrence.start.isDate) continue;
      const start = instantOf(occurrence.start, options.timeZone);
      const end = occurrence.end ? instantOf(occurrence.end, options.timeZone) : start;
      if (Math.max(start.getTime(), end.getTime()) > nowMs) continue; // only meetings that have happened
      const people = peopleOf(component, options.own);
      if (people.userDeclined) continue;
      const others = people.present.filter((p) => !options.own.has(p.email));
      if (others.length === 0) {
        reading.solo++;
        continue;
      }
      const summary = text(component, 'summary').replace(/\s+/g, ' ').trim();
      const { links, conference } = linksOf(component);
      reading.meetings.push({
        key: meetingKey(uid, occurrence.recurrenceId),
        uid,
        start,
        end,
        summary: summary ? (summary.length > SUMMARY_CHARS ? `${summary.slice(0, SUMMARY_CHARS - 1)}…` : summary) : null,
        channel: channelOf({ location: text(component, 'location'), description: text(component, 'description'), links, conference }),
        organisedByUser: people.organiser === null || options.own.has(people.organiser),
        others,
      });
    }
  }
  return reading;
}
