import { describe, expect, it } from 'vitest';
import { givenWithoutNews, loopStatus, reciprocity, shouldSuggestGive, suggestedGesture } from './favors.js';

describe('loopStatus', () => {
  const received = { direction: 'received' as const, thankedOn: null, outcomeReportedOn: null, outcomeNotApplicable: false };
  it.each([
    { name: 'a new received favor is open', favor: received, status: 'open' },
    { name: 'thanked but no outcome yet', favor: { ...received, thankedOn: '2026-11-20' }, status: 'thanked' },
    { name: 'thanked and outcome reported closes it', favor: { ...received, thankedOn: '2026-11-20', outcomeReportedOn: '2026-12-04' }, status: 'closed' },
    { name: 'thanked and outcome not applicable closes it', favor: { ...received, thankedOn: '2026-11-20', outcomeNotApplicable: true }, status: 'closed' },
    { name: 'an outcome without thanks stays open: thanks come first', favor: { ...received, outcomeReportedOn: '2026-12-04' }, status: 'open' },
    { name: 'a given favor has no loop of ours', favor: { ...received, direction: 'given' as const }, status: 'closed' },
  ])('$name', ({ favor, status }) => {
    expect(loopStatus(favor)).toBe(status);
  });
});

describe('suggestedGesture', () => {
  it('thanking a small favor suggests a short note', () => {
    expect(suggestedGesture('small')).toEqual({ gesture: 'short_note', giftIdeas: [] });
  });
  it('thanking a medium favor suggests a message and an offer to return it', () => {
    expect(suggestedGesture('medium').gesture).toBe('message_and_offer');
  });
  it('thanking a large favor suggests a gift, with ideas', () => {
    const large = suggestedGesture('large');
    expect(large.gesture).toBe('card_or_gift');
    expect(large.giftIdeas).toEqual(expect.arrayContaining(['flowers', 'restaurant_voucher', 'treats_basket']));
  });
});

describe('reciprocity', () => {
  const today = '2026-11-23';
  it.each([
    { name: 'nothing yet', favors: [], balance: { given: 0, received: 0 } },
    {
      name: 'counts both sides within 12 months',
      favors: [
        { direction: 'received' as const, occurredOn: '2026-11-23' },
        { direction: 'received' as const, occurredOn: '2025-11-24' },
        { direction: 'given' as const, occurredOn: '2026-06-01' },
      ],
      balance: { given: 1, received: 2 },
    },
    {
      name: 'a favor a year and a day ago no longer counts',
      favors: [{ direction: 'received' as const, occurredOn: '2025-11-23' }],
      balance: { given: 0, received: 0 },
    },
    {
      name: 'a future-dated favor is not counted yet',
      favors: [{ direction: 'given' as const, occurredOn: '2026-11-24' }],
      balance: { given: 0, received: 0 },
    },
  ])('$name', ({ favors, balance }) => {
    expect(reciprocity(favors, today)).toEqual(balance);
  });

  it.each([
    [{ given: 0, received: 2 }, true],
    [{ given: 0, received: 1 }, false],
    [{ given: 1, received: 3 }, false],
  ])('suggests a give for %j: %s', (balance, expected) => {
    expect(shouldSuggestGive(balance)).toBe(expected);
  });
});

describe('givenWithoutNews', () => {
  const given = { direction: 'given' as const, occurredOn: '2026-10-24', outcomeReportedOn: null };
  it.each([
    { name: '30 days without news', favor: given, today: '2026-11-23', expected: true },
    { name: '29 days is still early', favor: given, today: '2026-11-22', expected: false },
    { name: 'they reported back', favor: { ...given, outcomeReportedOn: '2026-11-01' }, today: '2026-11-23', expected: false },
    { name: 'received favors are not about their news', favor: { ...given, direction: 'received' as const }, today: '2026-11-23', expected: false },
  ])('$name', ({ favor, today, expected }) => {
    expect(givenWithoutNews(favor, today)).toBe(expected);
  });
});
