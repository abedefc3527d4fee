import { describe, expect, it } from 'vitest';
import type { Intent } from '../enums.js';
import { askStats } from './ask-only.js';

const now = new Date('2026-11-23T12:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const touches = (...list: [number, Intent][]) => list.map(([d, intent]) => ({ occurredAt: daysAgo(d), intent }));

describe('askStats', () => {
  it.each([
    { name: 'no touches: no warning', list: touches(), share: 0, askOnly: false },
    { name: 'half asks is not over the limit', list: touches([1, 'ask'], [2, 'give'], [3, 'ask'], [4, 'nurture']), share: 0.5, askOnly: false },
    { name: 'two asks out of three is over 50 %', list: touches([1, 'ask'], [2, 'give'], [3, 'ask']), share: 2 / 3, askOnly: true },
    {
      name: 'three asks in a row warn even when the year is balanced',
      list: touches([1, 'ask'], [2, 'ask'], [3, 'ask'], [10, 'give'], [11, 'give'], [12, 'nurture'], [13, 'give']),
      share: 3 / 7,
      askOnly: true,
    },
    { name: 'asks older than 12 months do not count', list: touches([1, 'give'], [400, 'ask'], [401, 'ask']), share: 0, askOnly: false },
    { name: 'a give breaks the streak', list: touches([1, 'ask'], [2, 'ask'], [3, 'give'], [4, 'ask'], [5, 'give'], [6, 'give']), share: 0.5, askOnly: false },
  ])('$name', ({ list, share, askOnly }) => {
    const stats = askStats(list, now);
    expect(stats.askShare).toBeCloseTo(share);
    expect(stats.askOnly).toBe(askOnly);
  });
});
