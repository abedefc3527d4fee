import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../imports/errors.js';
import { meetingKey, readCalendar, uidOfKey } from './meetings.js';
import { channelOf } from './channel.js';

const fixture = (name: string) => readFileSync(join(process.cwd(), 'tests', 'fixtures', 'ical', name), 'utf8');
const options = { now: new Date('2026-11-20T12:00:00Z'), timeZone: 'Europe/Madrid', own: new Set(['alex.rivera@example.org']), file: 'x.ics' };

describe('readCalendar', () => {
  it('expands a weekly meeting in its own time zone: a cancelled instance disappears, a moved one moves, the future waits', () => {
    const reading = readCalendar(fixture('weekly-santiago.ics'), options);
    expect(reading.meetings.map((m) => m.start.toISOString())).toEqual([
      '2026-10-05T13:00:00.000Z',
      '2026-10-12T13:00:00.000Z',
      '2026-10-27T18:00:00.000Z', // moved from Monday 26th 10:00 to Tuesday 15:00 (Santiago, UTC-3)
      '2026-11-02T13:00:00.000Z',
      '2026-11-09T13:00:00.000Z',
      '2026-11-16T13:00:00.000Z',
    ]);
    const moved = reading.meetings[2]!;
    expect(moved.key).toBe(meetingKey('weekly-cafe-ana@google.com', new Date('2026-10-26T13:00:00Z')));
    expect(moved.summary).toBe('Café con Ana (el martes)');
    expect(reading.meetings.every((m) => m.channel === 'in_person' && m.organisedByUser)).toBe(true);
    // Mixed case and MAILTO: ignored; the user and the room are not "others".
    expect(reading.meetings[0]!.others).toEqual([{ email: 'ana.perez@example.org', name: 'Ana Pérez' }]);
  });

  it('an EXDATE takes an instance out', () => {
    const reading = readCalendar(fixture('weekly-santiago-edited.ics'), options);
    expect(reading.meetings.map((m) => m.start.toISOString())).not.toContain('2026-11-02T13:00:00.000Z');
    expect(reading.meetings).toHaveLength(5);
  });

  it('reads channel, direction and people; leaves out all-day, solo, declined and future events', () => {
    const reading = readCalendar(fixture('meetings.ics'), options);
    expect(reading.meetings.map((m) => [m.summary, m.channel, m.organisedByUser, m.others.map((o) => o.email)])).toEqual([
      ['Project kickoff', 'video', false, ['carla@fabrikam.example', 'bruno@example.org', 'dana.ortiz@unknown.example']],
      ['Call with Bruno', 'call', true, ['bruno@example.org']],
    ]);
    expect(reading.allDay).toBe(1);
    expect(reading.solo).toBe(1);
    expect([...reading.uids]).toHaveLength(6);
  });

  it('reads a TZID without its VTIMEZONE as the IANA zone, and a floating time in the user’s zone', () => {
    const ics = (start: string) =>
      ['BEGIN:VCALENDAR', 'VERSION:2.0', 'BEGIN:VEVENT', 'UID:x', `DTSTART${start}`, 'SUMMARY:x', 'ATTENDEE:mailto:ana@example.org', 'END:VEVENT', 'END:VCALENDAR'].join('\r\n');
    expect(readCalendar(ics(';TZID=America/Santiago:20261102T100000'), options).meetings[0]!.start.toISOString()).toBe('2026-11-02T13:00:00.000Z');
    // Europe/Madrid is UTC+1 in November.
    expect(readCalendar(ics(':20261102T100000'), options).meetings[0]!.start.toISOString()).toBe('2026-11-02T09:00:00.000Z');
  });

  it('refuses what is not a calendar', () => {
    expect(() => readCalendar('BEGIN:VCARD\r\nVERSION:3.0\r\nFN:A\r\nEND:VCARD\r\n', options)).toThrow(ImportError);
    expect(() => readCalendar('hello', options)).toThrow(ImportError);
  });

  it('keys round-trip to their UID', () => {
    expect(uidOfKey(meetingKey('a/b:c@x', new Date('2026-01-01T00:00:00Z')))).toBe('a/b:c@x');
    expect(uidOfKey(meetingKey('plain@x', null))).toBe('plain@x');
    expect(uidOfKey('linkedin-message:1')).toBeNull();
  });
});

describe('channelOf', () => {
  const where = (over: Partial<Parameters<typeof channelOf>[0]>) => channelOf({ location: '', description: '', links: [], conference: false, ...over });
  it.each([
    [{ location: 'https://us02web.zoom.us/j/123' }, 'video'],
    [{ location: 'Sala 3', description: 'https://teams.microsoft.com/l/meetup-join/x' }, 'in_person'],
    [{ description: 'Join: https://teams.microsoft.com/l/meetup-join/x' }, 'video'],
    [{ location: 'tel:+56 2 2345 6789' }, 'call'],
    [{ location: '+1 (415) 555-0134' }, 'call'],
    [{ location: 'Calle Mayor 1, Madrid' }, 'in_person'],
    [{ conference: true }, 'video'],
    [{}, 'other'],
  ] as const)('%o → %s', (input, channel) => expect(where(input)).toBe(channel));
});
