import { describe, expect, expectTypeOf, it } from 'vitest';
import { withoutUndefined } from './patch.js';

describe('withoutUndefined', () => {
  it('drops undefined values and keeps null, false, 0, empty strings and empty lists', () => {
    const patch = { name: undefined, notes: null, target: false, cadenceDays: 0, title: '', tags: [] as string[], company: 'Lumen' };
    expect(withoutUndefined(patch)).toStrictEqual({ notes: null, target: false, cadenceDays: 0, title: '', tags: [], company: 'Lumen' });
  });

  it('answers an empty object for a patch that changes nothing, and leaves its argument alone', () => {
    const patch = { a: undefined, b: undefined };
    expect(withoutUndefined(patch)).toStrictEqual({});
    expect(Object.keys(patch)).toEqual(['a', 'b']);
  });

  it('types each kept value without undefined', () => {
    const patch: { name?: string | undefined; notes?: string | null | undefined } = { name: 'Ana' };
    expectTypeOf(withoutUndefined(patch)).toEqualTypeOf<{ name?: string; notes?: string | null }>();
  });
});
