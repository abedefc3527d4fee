// How long a key (an account's e-mail, or a client address) must wait before its next login try.
// Growing delays, never a lock-out an attacker could turn against the owner (README, "Security"):
// the first FREE_FAILURES failures cost nothing, then each further one doubles the wait, from
// 1 second up to 15 minutes. A key quiet for a day is forgotten.

export const FREE_FAILURES = 5;
export const FIRST_DELAY_MS = 1_000;
export const MAX_DELAY_MS = 15 * 60_000;
export const FORGET_AFTER_MS = 24 * 60 * 60_000;

/** The wait after `failures` failed tries in a row (0 while they are free). */
export function loginDelayMs(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  const doublings = failures - FREE_FAILURES;
  // 2^30 s is far past the cap: avoid building huge numbers for a long-running attacker.
  if (doublings >= 30) return MAX_DELAY_MS;
  return Math.min(FIRST_DELAY_MS * 2 ** doublings, MAX_DELAY_MS);
}

export interface ThrottleState {
  failures: number;
  lastFailureAt: Date | null;
}

/** Failures that still count at `now` (a key quiet for FORGET_AFTER_MS starts over). */
export function countingFailures(state: ThrottleState, now: Date): number {
  if (!state.lastFailureAt || now.getTime() - state.lastFailureAt.getTime() >= FORGET_AFTER_MS) return 0;
  return state.failures;
}

/**
 * When the next try is allowed; at or before `now` means now. Never more than the rule's delay
 * from `now`: a last failure stamped in the future (another process's clock ahead of ours) does
 * not stretch the wait.
 */
export function nextTryAt(state: ThrottleState, now: Date): Date {
  const failures = countingFailures(state, now);
  if (!state.lastFailureAt || failures === 0) return now;
  const delay = loginDelayMs(failures);
  return new Date(Math.min(state.lastFailureAt.getTime(), now.getTime()) + delay);
}

/** Whole seconds to wait (for Retry-After), 0 when a try is allowed now. */
export function secondsToWait(state: ThrottleState, now: Date): number {
  const wait = nextTryAt(state, now).getTime() - now.getTime();
  return wait > 0 ? Math.ceil(wait / 1000) : 0;
}
