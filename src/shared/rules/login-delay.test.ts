import { describe, expect, it } from 'vitest';
import { FORGET_AFTER_MS, loginDelayMs, nextTryAt, secondsToWait } from './login-delay.js';

describe('loginDelayMs', () => {
  it.each([
    { failures: 0, ms: 0 },
    { failures: 4, ms: 0 },
    { failures: 5, ms: 1_000 },
    { failures: 6, ms: 2_000 },
    { failures: 7, ms: 4_000 },
    { failures: 14, ms: 512_000 },
    { failures: 15, ms: 900_000 },
    { failures: 16, ms: 900_000 },
    { failures: 1_000_000, ms: 900_000 },
  ])('$failures failures wait $ms ms', ({ failures, ms }) => {
    expect(loginDelayMs(failures)).toBe(ms);
  });
});

describe('nextTryAt and secondsToWait', () => {
  const now = new Date('2026-11-23T12:00:00.000Z');
  const ago = (ms: number) => new Date(now.getTime() - ms);
  it.each([
    { name: 'a key never seen tries now', failures: 0, last: null, wait: 0 },
    { name: 'four failures are free', failures: 4, last: ago(0), wait: 0 },
    { name: 'the fifth failure costs a second', failures: 5, last: ago(0), wait: 1 },
    { name: 'half a second later, still waiting (rounded up)', failures: 5, last: ago(500), wait: 1 },
    { name: 'the second has passed', failures: 5, last: ago(1_000), wait: 0 },
    { name: 'eight failures wait 8 s from the last one', failures: 8, last: ago(3_000), wait: 5 },
    { name: 'capped at 15 minutes', failures: 40, last: ago(60_000), wait: 14 * 60 },
    { name: 'a day of quiet forgets everything', failures: 40, last: ago(FORGET_AFTER_MS), wait: 0 },
    { name: 'a failure stamped in the future waits no more than the delay', failures: 6, last: ago(-3_600_000), wait: 2 },
  ])('$name', ({ failures, last, wait }) => {
    const state = { failures, lastFailureAt: last };
    expect(secondsToWait(state, now)).toBe(wait);
    expect(nextTryAt(state, now).getTime() <= now.getTime()).toBe(wait === 0);
  });
});
