import { describe, expect, it } from 'vitest';
import { connectionsToEngage, isEngaged, strongTiesFirst, type EngagementSubject } from './engagement.js';

const imported: EngagementSubject = { source: 'linkedin', lastInteractionAt: null, cadenceDays: null, inCampaign: false, atEvent: false };

describe('isEngaged', () => {
  it.each([
    { name: 'a LinkedIn connection nobody talked to is not', c: imported, engaged: false },
    { name: 'a vCard or CSV import is not either', c: { ...imported, source: 'csv' as const }, engaged: false },
    { name: 'a contact added by hand is', c: { ...imported, source: 'manual' as const }, engaged: true },
    { name: 'met at an event or referred is', c: { ...imported, source: 'referral' as const }, engaged: true },
    { name: 'one touch is enough', c: { ...imported, lastInteractionAt: '2026-01-01T10:00:00Z' }, engaged: true },
    { name: 'a cadence set by hand is', c: { ...imported, cadenceDays: 90 }, engaged: true },
    { name: 'in a campaign is', c: { ...imported, inCampaign: true }, engaged: true },
    { name: 'on an event’s list is', c: { ...imported, atEvent: true }, engaged: true },
  ])('$name', ({ c, engaged }) => expect(isEngaged(c)).toBe(engaged));
});

describe('strongTiesFirst', () => {
  it('puts a cooling strong tie before more overdue weak ones, keeping each group’s order', () => {
    const ranked = [
      { name: 'weak, most overdue', score: 10 },
      { name: 'strong', score: 70 },
      { name: 'weak', score: 49 },
      { name: 'strong, less overdue', score: 50 },
    ];
    expect(strongTiesFirst(ranked, (r) => r.score).map((r) => [r.name, r.why])).toEqual([
      ['strong', 'strong_tie_cooling'],
      ['strong, less overdue', 'strong_tie_cooling'],
      ['weak, most overdue', 'overdue'],
      ['weak', 'overdue'],
    ]);
  });
});

describe('connectionsToEngage', () => {
  it('offers those with most in common, then the furthest along, and never a stranger still new', () => {
    const offered = connectionsToEngage([
      { displayName: 'Nothing in common', commonPointsStrength: 0, stage: 'new' as const },
      { displayName: 'Same school', commonPointsStrength: 4, stage: 'new' as const },
      { displayName: 'Same company and city', commonPointsStrength: 6, stage: 'new' as const },
      { displayName: 'Chatting already', commonPointsStrength: 0, stage: 'in_conversation' as const },
      { displayName: 'Same school, chatting', commonPointsStrength: 4, stage: 'in_conversation' as const },
    ]);
    expect(offered.map((c) => c.displayName)).toEqual(['Same company and city', 'Same school, chatting', 'Same school']);
  });
});
