import { describe, expect, it } from 'vitest';
import { expiresAtFor, isTokenExpired, scopeAllows, tokenExpiry } from './api-tokens.js';

const now = new Date('2026-11-23T12:00:00Z');
const inHours = (h: number) => new Date(now.getTime() + h * 3_600_000);

describe('tokenExpiry', () => {
  it.each([
    { name: 'no expiry never expires', expiresAt: null, expected: { state: 'never' } },
    { name: 'twelve days and six hours away reads 12 days', expiresAt: inHours(12 * 24 + 6), expected: { state: 'active', daysLeft: 12 } },
    { name: 'a 90-day token a minute after it was made reads 90 days', expiresAt: inHours(90 * 24 - 1 / 60), expected: { state: 'active', daysLeft: 90 } },
    { name: 'an hour away expires within a day', expiresAt: inHours(1), expected: { state: 'active', daysLeft: 0 } },
    { name: 'the very instant it is expired', expiresAt: now, expected: { state: 'expired' } },
    { name: 'yesterday is expired', expiresAt: inHours(-24), expected: { state: 'expired' } },
  ])('$name', ({ expiresAt, expected }) => {
    expect(tokenExpiry(expiresAt, now)).toEqual(expected);
    expect(isTokenExpired(expiresAt, now)).toBe(expected.state === 'expired');
  });
});

describe('expiresAtFor', () => {
  it.each([
    { lifetime: 30 as const, expected: '2026-12-23T12:00:00.000Z' },
    { lifetime: 365 as const, expected: '2027-11-23T12:00:00.000Z' },
    { lifetime: null, expected: null },
  ])('$lifetime days', ({ lifetime, expected }) => {
    expect(expiresAtFor(lifetime, now)?.toISOString() ?? null).toBe(expected);
  });
});

describe('scopeAllows', () => {
  it.each([
    { scope: 'read' as const, method: 'GET', allowed: true },
    { scope: 'read' as const, method: 'head', allowed: true },
    { scope: 'read' as const, method: 'POST', allowed: false },
    { scope: 'read' as const, method: 'PATCH', allowed: false },
    { scope: 'read' as const, method: 'DELETE', allowed: false },
    { scope: 'write' as const, method: 'DELETE', allowed: true },
  ])('a $scope token, $method: $allowed', ({ scope, method, allowed }) => {
    expect(scopeAllows(scope, method)).toBe(allowed);
  });
});
