import { describe, expect, it } from 'vitest';
import { askableStrength, introducerFlags, onlySameCompany, pathScore, rankPaths, SHARED_TOUCHES_COUNTED, tieWeight, type TieBetween } from './intro-paths.js';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const tie = (t: Partial<TieBetween>): TieBetween => ({ explicitKind: null, derived: [], ...t });

describe('tieWeight', () => {
  it.each([
    { name: 'nothing known is 0', tie: tie({}), weight: 0 },
    { name: 'same company alone is weak evidence', tie: tie({ derived: [{ source: 'same_company', count: 1, lastAt: null }] }), weight: 0.15 },
    { name: 'a friend typed by the user is strong', tie: tie({ explicitKind: 'friend' }), weight: 0.85 },
    { name: 'an introduction between them', tie: tie({ derived: [{ source: 'introduced_by', count: 1, lastAt: null }] }), weight: 0.6 },
    { name: 'three recent touches together', tie: tie({ derived: [{ source: 'shared_touch', count: 3, lastAt: daysAgo(0) }] }), weight: 0.65 },
    { name: 'one touch together four years ago has faded', tie: tie({ derived: [{ source: 'shared_touch', count: 1, lastAt: daysAgo(1460) }] }), weight: 0.135 },
    {
      name: 'evidence adds up, never to certainty',
      tie: tie({ explicitKind: 'partner', derived: [{ source: 'introduced_by', count: 1, lastAt: null }, { source: 'same_company', count: 1, lastAt: null }] }),
      weight: 0.95,
    },
  ])('$name', ({ tie: t, weight }) => expect(tieWeight(t, now)).toBeCloseTo(weight, 3));

  // derived-ties.ts reads a person's strongest shared touches from an index in this order.
  it('weighs shared touches by their count up to SHARED_TOUCHES_COUNTED, then by the newest', () => {
    const shared = (count: number, days: number) => tieWeight(tie({ derived: [{ source: 'shared_touch', count, lastAt: daysAgo(days) }] }), now);
    for (const days of [0, 30, 200, 700, 3000]) {
      for (let count = 1; count < SHARED_TOUCHES_COUNTED; count++) expect(shared(count + 1, days)).toBeGreaterThan(shared(count, days));
      expect(shared(SHARED_TOUCHES_COUNTED + 7, days)).toBe(shared(SHARED_TOUCHES_COUNTED, days));
      for (const count of [1, SHARED_TOUCHES_COUNTED, 40]) expect(shared(count, days)).toBeGreaterThanOrEqual(shared(count, days + 15));
    }
    expect(shared(1, -5)).toBe(shared(1, 0)); // dated after now: as today
  });

  it('knows when a tie is only the same company', () => {
    expect(onlySameCompany(tie({ derived: [{ source: 'same_company', count: 1, lastAt: null }] }))).toBe(true);
    expect(onlySameCompany(tie({ explicitKind: 'colleague', derived: [{ source: 'same_company', count: 1, lastAt: null }] }))).toBe(false);
  });
});

describe('pathScore and rankPaths', () => {
  it.each([
    { name: 'a strong tie to a friend of the target', strength: 80, weights: [0.85], score: 68 },
    { name: 'a weak tie to the same friend', strength: 20, weights: [0.85], score: 17 },
    { name: 'a strong tie to a colleague at the same company only', strength: 80, weights: [0.15], score: 12 },
    { name: 'two people between costs more', strength: 80, weights: [0.85, 0.85], score: 35 },
    { name: 'no tie with the first person, no path', strength: 0, weights: [0.9], score: 0 },
  ])('$name', ({ strength, weights, score }) => expect(pathScore(strength, weights)).toBe(score));

  it('ranks by score, then fewer people between, then name', () => {
    const ranked = rankPaths([
      { score: 40, via: [{ displayName: 'Zoe' }, { displayName: 'Ana' }] },
      { score: 40, via: [{ displayName: 'Zoe' }] },
      { score: 40, via: [{ displayName: 'Bea' }] },
      { score: 70, via: [{ displayName: 'Carl' }, { displayName: 'Dan' }] },
    ]);
    expect(ranked.map((p) => p.via.map((v) => v.displayName).join('>'))).toEqual(['Carl>Dan', 'Bea', 'Zoe', 'Zoe>Ana']);
  });
});

describe('introducerFlags', () => {
  it.each([
    { name: 'a friend seen last month: nothing to flag', who: { askOnly: false, lastTouchAt: daysAgo(30) }, flags: [] },
    { name: 'only ever asked: give before you ask', who: { askOnly: true, lastTouchAt: daysAgo(30) }, flags: ['give_before_you_ask'] },
    { name: 'no touch in two years: cold', who: { askOnly: false, lastTouchAt: daysAgo(731) }, flags: ['cold'] },
    { name: 'never touched: cold', who: { askOnly: false, lastTouchAt: null }, flags: ['cold'] },
  ])('$name', ({ who, flags }) => expect(introducerFlags(who, now)).toEqual(flags));
});

describe('askableStrength', () => {
  it.each([
    { name: 'a live tie counts as it is', score: 40, touched: true, strength: 40 },
    { name: 'a tie faded to 0 still counts a little', score: 0, touched: true, strength: 5 },
    { name: 'someone never talked to is no way in', score: 0, touched: false, strength: 0 },
  ])('$name', ({ score, touched, strength }) => expect(askableStrength(score, touched)).toBe(strength));
});
