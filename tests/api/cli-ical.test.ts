// `circulo import ical <file>` as a user runs it: a real process on a throwaway database. The
// CLI stands on the real clock, so the calendar is written around today.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCirculo } from '../support/cli.js';
import { throwawayDatabaseEnv } from '../support/harness.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;
let dir: string;

beforeAll(async () => {
  ({ env, cleanup } = await throwawayDatabaseEnv());
  dir = mkdtempSync(join(tmpdir(), 'circulo-ical-'));
});
afterAll(async () => {
  await cleanup();
  rmSync(dir, { recursive: true, force: true });
});

const circulo = (args: string[], extra: Record<string, string> = {}) => runCirculo(args, { ...env, ...extra });
const stamp = (date: Date) => date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const DAY = 86_400_000;

function calendar(now: Date): string {
  const event = (uid: string, startsInDays: number, summary: string, attendee: string) => [
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `DTSTAMP:${stamp(now)}`,
    `DTSTART:${stamp(new Date(now.getTime() + startsInDays * DAY))}`,
    `DTEND:${stamp(new Date(now.getTime() + startsInDays * DAY + 3_600_000))}`,
    `SUMMARY:${summary}`,
    'LOCATION:https://zoom.us/j/123456',
    'ORGANIZER:mailto:Carla@Example.com',
    `ATTENDEE;CN=Someone:${attendee}`,
    'ATTENDEE:mailto:carla@example.com',
    'END:VEVENT',
  ];
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', ...event('past@x', -3, 'Catch-up', 'MAILTO:Bruno@Example.org'), ...event('new@x', -2, 'Intro', 'mailto:nuevo@example.org'), ...event('future@x', 5, 'Later', 'mailto:bruno@example.org'), 'END:VCALENDAR', ''].join('\r\n');
}

describe('circulo import ical', () => {
  it('imports past meetings with contacts as touches, lists the people met, and a second run changes nothing', async () => {
    const user = await circulo(['user', 'create', '--email', 'carla@example.com', '--name', 'Carla', '--language', 'en', '--json'], { CIRCULO_PASSWORD: 'a long enough password' });
    expect(user.code, user.stderr).toBe(0);
    const vcf = join(dir, 'bruno.vcf');
    writeFileSync(vcf, 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bruno Silva\r\nN:Silva;Bruno;;;\r\nEMAIL:bruno@example.org\r\nEND:VCARD\r\n');
    expect((await circulo(['import', 'vcard', vcf])).code).toBe(0);
    const ics = join(dir, 'calendar.ics');
    writeFileSync(ics, calendar(new Date()));

    const first = await circulo(['import', 'ical', ics]);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain('Touches (meetings): 1 created, 0 updated, 0 already there, 0 removed');
    expect(first.stdout).toContain('Someone <nuevo@example.org>: Intro');

    const second = await circulo(['import', 'ical', ics, '--json']);
    expect(second.code, second.stderr).toBe(0);
    expect(JSON.parse(second.stdout)).toMatchObject({ source: 'ical', created: 0, interactions: { created: 0, updated: 0, unchanged: 1, removed: 0 } });

    const wrong = await circulo(['import', 'ical', vcf]);
    expect(wrong.code).not.toBe(0);
    expect(wrong.stderr).toContain('Nothing was imported');
  }, 240_000);
});
