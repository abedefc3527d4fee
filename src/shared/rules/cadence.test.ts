import { describe, expect, it } from 'vitest';
import { stages, type Stage } from '../enums.js';
import {
  DEFAULT_CADENCES,
  type KeepInTouchCandidate,
  effectiveCadence,
  keepInTouchDueOn,
  rankKeepInTouch,
  silenceStartedOn,
  stageCloseness,
} from './cadence.js';
import { addDays } from './time.js';

const TODAY = '2026-11-23';
const MADRID = 'Europe/Madrid';

/** Noon in Madrid, `days` calendar days before TODAY. */
const daysAgo = (days: number) => `${addDays(TODAY, -days)}T11:00:00Z`;

type Candidate = KeepInTouchCandidate & { id: string };

function contact(overrides: Partial<Candidate> & Pick<Candidate, 'displayName'>): Candidate {
  return {
    id: overrides.displayName.toLowerCase(),
    circle: 'professional',
    stage: 'new',
    cadenceDays: null,
    lastInteractionAt: null,
    metOn: null,
    createdAt: '2025-01-15T10:00:00Z',
    ...overrides,
  };
}

const namesOf = (ranked: Array<{ displayName: string }>) => ranked.map((c) => c.displayName);

describe('effectiveCadence', () => {
  const personal = { cadenceDays: null, circle: 'personal' } as const;
  it.each([
    ['a per-contact cadence beats the circle default', { cadenceDays: 14, circle: 'opportunity' as const }, 14],
    ['personal defaults to 30 days', personal, 30],
    ['professional defaults to 60 days', { cadenceDays: null, circle: 'professional' as const }, 60],
    ['opportunity defaults to 120 days', { cadenceDays: null, circle: 'opportunity' as const }, 120],
  ])('%s', (_, subject, expected) => {
    expect(effectiveCadence(subject, DEFAULT_CADENCES)).toBe(expected);
  });

  it('the account can change the defaults', () => {
    expect(effectiveCadence(personal, { ...DEFAULT_CADENCES, personal: 7 })).toBe(7);
  });

  it.each([0, -5, 1.5])('refuses a cadence of %d days', (cadenceDays) => {
    expect(() => effectiveCadence({ cadenceDays, circle: 'personal' }, DEFAULT_CADENCES)).toThrow(
      RangeError,
    );
  });
});

describe('keepInTouchDueOn', () => {
  it.each<[string, Partial<Candidate>, string, string]>([
    [
      'counts from the last interaction, even when we met earlier',
      { circle: 'personal', lastInteractionAt: '2026-10-01T09:00:00Z', metOn: '2026-01-01' },
      MADRID,
      '2026-10-31',
    ],
    ['never contacted: counts from the day we met', { metOn: '2026-09-01' }, MADRID, '2026-10-31'],
    [
      'neither: counts from the day the contact was added',
      { circle: 'opportunity', createdAt: new Date('2026-07-26T08:00:00Z') },
      MADRID,
      '2026-11-23',
    ],
    [
      'the per-contact cadence wins',
      { cadenceDays: 7, lastInteractionAt: new Date('2026-11-01T09:00:00Z') },
      MADRID,
      '2026-11-08',
    ],
    // 23:30 on 31 October in Santiago is already 1 November in UTC.
    [
      'an interaction at 23:30 local counts on the local date',
      { circle: 'personal', lastInteractionAt: '2026-11-01T02:30:00Z' },
      'America/Santiago',
      '2026-11-30',
    ],
    [
      '… and on the UTC date for a UTC user',
      { circle: 'personal', lastInteractionAt: '2026-11-01T02:30:00Z' },
      'UTC',
      '2026-12-01',
    ],
    // Added at 23:30 UTC, already the next morning in Auckland.
    [
      'the creation instant is read in the user zone too',
      { circle: 'personal', createdAt: '2026-07-26T23:30:00Z' },
      'Pacific/Auckland',
      '2026-08-26',
    ],
  ])('%s', (_, fields, timeZone, expected) => {
    const subject = contact({ displayName: 'Ana', ...fields });
    expect(keepInTouchDueOn(subject, DEFAULT_CADENCES, timeZone)).toBe(expected);
  });

  it('refuses a metOn that is not a calendar date', () => {
    const subject = contact({ displayName: 'Ana', metOn: '2026-02-30' });
    expect(() => silenceStartedOn(subject, MADRID)).toThrow(RangeError);
  });
});

describe('stageCloseness', () => {
  it('orders every stage from trusted down to new', () => {
    const closestFirst = [...stages].sort((a, b) => stageCloseness(b) - stageCloseness(a));
    expect(closestFirst).toEqual<Stage[]>([
      'trusted',
      'relationship',
      'met_in_person',
      'met_online',
      'in_conversation',
      'new',
    ]);
  });
});

describe('rankKeepInTouch', () => {
  it.each<[string, Candidate[], string[]]>([
    [
      'a personal contact 40 days silent outranks a professional one 70 days silent (40/30 > 70/60)',
      [
        contact({ displayName: 'Pro', circle: 'professional', lastInteractionAt: daysAgo(70) }),
        contact({ displayName: 'Friend', circle: 'personal', lastInteractionAt: daysAgo(40) }),
      ],
      ['Friend', 'Pro'],
    ],
    [
      'equally overdue: the closer stage comes first',
      [
        contact({ displayName: 'Newcomer', circle: 'personal', stage: 'new', lastInteractionAt: daysAgo(60) }),
        contact({ displayName: 'Mentor', circle: 'professional', stage: 'trusted', lastInteractionAt: daysAgo(120) }),
        contact({ displayName: 'Met', circle: 'professional', stage: 'met_in_person', lastInteractionAt: daysAgo(120) }),
        contact({ displayName: 'Online', circle: 'personal', stage: 'met_online', lastInteractionAt: daysAgo(60) }),
      ],
      ['Mentor', 'Met', 'Online', 'Newcomer'],
    ],
    [
      'equally overdue and as close: by name, accents ignored',
      [
        contact({ displayName: 'Bruno', lastInteractionAt: daysAgo(90) }),
        contact({ displayName: 'ana', lastInteractionAt: daysAgo(90) }),
        contact({ displayName: 'Álvaro', lastInteractionAt: daysAgo(90) }),
      ],
      ['Álvaro', 'ana', 'Bruno'],
    ],
    [
      'not yet due is left out; due exactly today is in',
      [
        contact({ displayName: 'Tomorrow', circle: 'personal', lastInteractionAt: daysAgo(29) }),
        contact({ displayName: 'Today', circle: 'personal', lastInteractionAt: daysAgo(30) }),
      ],
      ['Today'],
    ],
    [
      'a per-contact cadence beats the circle default',
      [
        contact({ displayName: 'Weekly', circle: 'professional', cadenceDays: 7, lastInteractionAt: daysAgo(20) }),
        contact({ displayName: 'Default', circle: 'professional', lastInteractionAt: daysAgo(20) }),
      ],
      ['Weekly'],
    ],
    [
      'never contacted: counted from metOn, then from createdAt',
      [
        contact({ displayName: 'Met long ago', circle: 'personal', metOn: addDays(TODAY, -45), createdAt: daysAgo(1) }),
        contact({ displayName: 'Added', circle: 'personal', createdAt: daysAgo(35) }),
        contact({ displayName: 'Met yesterday', circle: 'personal', metOn: addDays(TODAY, -1), createdAt: daysAgo(400) }),
      ],
      ['Met long ago', 'Added'],
    ],
    ['nobody to suggest', [], []],
  ])('%s', (_, candidates, expected) => {
    expect(namesOf(rankKeepInTouch(candidates, TODAY, DEFAULT_CADENCES, MADRID))).toEqual(expected);
  });

  it('returns the contact with when it was due, by how much and against which cadence', () => {
    const friend = contact({ displayName: 'Friend', circle: 'personal', lastInteractionAt: daysAgo(40) });
    expect(rankKeepInTouch([friend], TODAY, DEFAULT_CADENCES, MADRID)).toEqual([
      { ...friend, cadenceDays: 30, dueOn: '2026-11-13', daysOverdue: 10, overdueRatio: 40 / 30 },
    ]);
  });

  it('reads "today" and the last interaction in the user time zone', () => {
    // 23:30 on 31 October in Santiago; due 30 days later on Santiago's calendar.
    const friend = contact({ displayName: 'Friend', circle: 'personal', lastInteractionAt: '2026-11-01T02:30:00Z' });
    expect(namesOf(rankKeepInTouch([friend], '2026-11-30', DEFAULT_CADENCES, 'America/Santiago'))).toEqual(['Friend']);
    expect(namesOf(rankKeepInTouch([friend], '2026-11-30', DEFAULT_CADENCES, 'UTC'))).toEqual([]);
  });

  it('uses the account cadences', () => {
    const friend = contact({ displayName: 'Friend', circle: 'personal', lastInteractionAt: daysAgo(10) });
    const weekly = { ...DEFAULT_CADENCES, personal: 7 };
    expect(rankKeepInTouch([friend], TODAY, weekly, MADRID)[0]).toMatchObject({ cadenceDays: 7, daysOverdue: 3 });
  });
});
