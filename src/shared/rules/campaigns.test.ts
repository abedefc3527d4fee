import { describe, expect, it } from 'vitest';
import type { CampaignStage, Circle, Stage } from '../enums.js';
import { countByStage, hasMet, needsReferrals, rankCampaignSuggestions } from './campaigns.js';

describe('needsReferrals', () => {
  it.each<{ stage: CampaignStage; referrals: number; flagged: boolean }>([
    { stage: 'identified', referrals: 0, flagged: false },
    { stage: 'advice_requested', referrals: 0, flagged: false },
    { stage: 'meeting_scheduled', referrals: 1, flagged: false },
    { stage: 'met', referrals: 0, flagged: true },
    { stage: 'met', referrals: 1, flagged: true },
    { stage: 'met', referrals: 2, flagged: false },
    { stage: 'thanked', referrals: 1, flagged: true },
    { stage: 'following_up', referrals: 0, flagged: true },
    { stage: 'following_up', referrals: 5, flagged: false },
  ])('$stage with $referrals referrals: flagged $flagged', ({ stage, referrals, flagged }) => {
    expect(needsReferrals({ stage, referrals })).toBe(flagged);
  });

  it('counts met, thanked and following up as having met', () => {
    expect(['met', 'thanked', 'following_up'].every((s) => hasMet(s as CampaignStage))).toBe(true);
    expect(hasMet('meeting_scheduled')).toBe(false);
  });
});

describe('countByStage', () => {
  it('lists every stage, zeros included', () => {
    expect(countByStage([{ stage: 'met' }, { stage: 'met' }, { stage: 'identified' }])).toEqual({
      identified: 1,
      advice_requested: 0,
      meeting_scheduled: 0,
      met: 2,
      thanked: 0,
      following_up: 0,
    });
  });
});

describe('rankCampaignSuggestions', () => {
  const person = (displayName: string, stage: Stage, circle: Circle, lastInteractionAt: string | null = null) => ({ displayName, stage, circle, lastInteractionAt });

  it.each([
    {
      name: 'closer stage first',
      people: [person('New', 'new', 'personal'), person('Trusted', 'trusted', 'opportunity'), person('Met', 'met_in_person', 'professional')],
      order: ['Trusted', 'Met', 'New'],
    },
    {
      name: 'then personal, professional, opportunity',
      people: [person('Opp', 'relationship', 'opportunity'), person('Pro', 'relationship', 'professional'), person('Per', 'relationship', 'personal')],
      order: ['Per', 'Pro', 'Opp'],
    },
    {
      name: 'then the most recent touch, never touched last',
      people: [
        person('Never', 'relationship', 'personal'),
        person('Old', 'relationship', 'personal', '2025-01-01T10:00:00Z'),
        person('Recent', 'relationship', 'personal', '2026-11-01T10:00:00Z'),
      ],
      order: ['Recent', 'Old', 'Never'],
    },
    {
      name: 'then the name, accents ignored',
      people: [person('Óscar', 'new', 'professional'), person('Ana', 'new', 'professional'), person('Nuria', 'new', 'professional')],
      order: ['Ana', 'Nuria', 'Óscar'],
    },
  ])('$name', ({ people, order }) => {
    expect(rankCampaignSuggestions(people).map((p) => p.displayName)).toEqual(order);
  });

  it('does not reorder its input', () => {
    const people = [person('B', 'new', 'professional'), person('A', 'trusted', 'personal')];
    rankCampaignSuggestions(people);
    expect(people.map((p) => p.displayName)).toEqual(['B', 'A']);
  });
});
