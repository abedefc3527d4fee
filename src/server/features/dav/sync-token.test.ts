import { describe, expect, it } from 'vitest';
import { formatToken, parseToken } from './cards.js';

describe('sync tokens', () => {
  it.each([
    [{ seq: 0, pending: [] }, 'urn:circulo:sync:0'],
    [{ seq: 42, pending: [] }, 'urn:circulo:sync:42'],
    [{ seq: 42, pending: ['1001', '1007'] }, 'urn:circulo:sync:42~1001.1007'],
  ])('%j is written as %s and read back', (token, text) => {
    expect(formatToken(token)).toBe(text);
    expect(parseToken(text)).toEqual(token);
  });

  it.each(['', 'urn:circulo:sync:', 'urn:circulo:sync:-1', 'urn:circulo:sync:1.5', 'urn:circulo:sync:abc', 'urn:circulo:sync:3~x', 'urn:circulo:sync:3~1..2', 'http://other/sync/3', 'urn:circulo:sync:99999999999999999999'])(
    'refuses %j',
    (text) => expect(parseToken(text)).toBeNull(),
  );
});
