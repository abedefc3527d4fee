import { describe, expect, it } from 'vitest';
import { depthOf, strengthUpperBound, tieStrength, type TieInputs } from './tie-strength.js';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const none: TieInputs = { lastTouch: null, touches: 0, inbound: 0, deepest: null, favorsGiven: 0, favorsReceived: 0 };

describe('tieStrength', () => {
  it.each([
    { name: 'an imported connection never touched is 0', input: none, score: 0 },
    {
      name: 'one coffee today: recent and deep, but once',
      input: { ...none, lastTouch: { at: now, channel: 'coffee' as const }, touches: 1, deepest: 'in_person' as const },
      score: 55,
    },
    {
      name: 'the same coffee 90 days ago has lost half its recency',
      input: { ...none, lastTouch: { at: daysAgo(90), channel: 'coffee' as const }, touches: 1, deepest: 'in_person' as const },
      score: 38,
    },
    {
      name: 'met in person 3 weeks ago, 9 touches, a third from them, helped you twice',
      input: { lastTouch: { at: daysAgo(21), channel: 'in_person' as const }, touches: 9, inbound: 3, deepest: 'in_person' as const, favorsGiven: 0, favorsReceived: 2 },
      score: 83,
    },
    {
      name: 'three messages only from me: no two-way part, shallow',
      input: { ...none, lastTouch: { at: daysAgo(30), channel: 'email' as const }, touches: 3, deepest: 'message' as const },
      score: 42,
    },
    {
      name: 'everything at its best is 100',
      input: { lastTouch: { at: now, channel: 'message' as const }, touches: 30, inbound: 15, deepest: 'in_person' as const, favorsGiven: 3, favorsReceived: 2 },
      score: 100,
    },
    {
      name: 'a touch two years ago and nothing since has faded to 0',
      input: { ...none, lastTouch: { at: daysAgo(730), channel: 'meal' as const } },
      score: 0,
    },
    {
      name: 'a video call counts deeper than a phone call',
      input: { ...none, lastTouch: { at: now, channel: 'video' as const }, touches: 1, deepest: 'video' as const },
      score: 52,
    },
  ])('$name', ({ input, score }) => {
    expect(tieStrength(input, now).score).toBe(score);
  });

  it('says why in reasons the caller can put into words', () => {
    const { reasons } = tieStrength(
      { lastTouch: { at: daysAgo(21), channel: 'in_person' }, touches: 9, inbound: 0, deepest: 'in_person', favorsGiven: 1, favorsReceived: 2 },
      now,
    );
    expect(reasons).toEqual([
      { kind: 'lastTouch', depth: 'in_person', days: 21 },
      { kind: 'touches', count: 9 },
      { kind: 'oneWay' },
      { kind: 'helpedYou', count: 2 },
      { kind: 'youHelped', count: 1 },
    ]);
    expect(tieStrength(none, now).reasons).toEqual([{ kind: 'neverTouched' }]);
  });

  it('counts the why’s days as calendar days in the user’s zone, like "last touch 5 days ago"', () => {
    // A video call on Wednesday 25 at 16:00 in Madrid, read on Monday 30 at 11:33: 4 whole days, 5 dates.
    const input: TieInputs = { ...none, lastTouch: { at: new Date('2026-11-25T15:00:00Z'), channel: 'video' }, touches: 1, deepest: 'video' };
    const at = new Date('2026-11-30T10:33:00Z');
    expect(tieStrength(input, at, 'Europe/Madrid').reasons[0]).toEqual({ kind: 'lastTouch', depth: 'video', days: 5 });
    expect(tieStrength(input, at).reasons[0]).toEqual({ kind: 'lastTouch', depth: 'video', days: 4 });
    // The score does not depend on the zone.
    expect(tieStrength(input, at, 'Europe/Madrid').score).toBe(tieStrength(input, at).score);
  });

  it.each([
    ['meal', 'in_person'],
    ['video', 'video'],
    ['call', 'call'],
    ['linkedin', 'message'],
  ] as const)('a %s is a touch in depth %s', (channel, depth) => expect(depthOf(channel)).toBe(depth));
});

describe('strengthUpperBound', () => {
  // Intro paths skip reading the strength of anyone whose bound cannot beat the paths found, so
  // the bound must never be below the score, whatever the other inputs are.
  const full = { touches: 40, inbound: 20, deepest: 'in_person' as const, favorsGiven: 5, favorsReceived: 5 };
  it.each([0, 1, 45, 90, 200, 364, 365, 366, 800])('is at least the best score with a newest touch %i days ago', (days) => {
    const at = daysAgo(days);
    const inYear = days < 365;
    const best = tieStrength({ ...full, ...(inYear ? {} : { touches: 0, inbound: 0, deepest: null }), lastTouch: { at, channel: 'coffee' } }, now).score;
    expect(strengthUpperBound(at, now)).toBeGreaterThanOrEqual(best);
    expect(strengthUpperBound(at, now)).toBeLessThanOrEqual(100);
  });
  it('counts only favors without any touch, and a touch after now as today', () => {
    expect(strengthUpperBound(null, now)).toBe(10);
    expect(tieStrength({ ...none, favorsGiven: 5, favorsReceived: 5 }, now).score).toBe(10);
    expect(strengthUpperBound(new Date(now.getTime() + 86_400_000), now)).toBe(100);
  });
  it('leaves out the touch parts when the newest touch is over a year old', () => {
    expect(strengthUpperBound(daysAgo(400), now)).toBeLessThan(20);
  });
});
