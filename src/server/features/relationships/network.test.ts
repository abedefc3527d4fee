import { describe, expect, it } from 'vitest';
import { Rng } from '../../../../bench/prng.js';
import { firstByStrength } from './network.js';

const collator = new Intl.Collator('es');
/** The order the network promises, by one whole sort. */
const wholeSort = <T extends { id: string; displayName: string; strength: number }>(rows: T[], limit: number) =>
  [...rows]
    .sort((a, b) => b.strength - a.strength || collator.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, limit);

describe('firstByStrength', () => {
  it('gives the same people in the same order as sorting everyone by strength, name and id', () => {
    const random = new Rng(7);
    const names = ['Ángela Ruiz', 'angela ruiz', 'Álvaro Núñez', 'Alvaro Nunez', 'Zoe', 'Íñigo', 'Iñaki', 'Ñuño', 'Nuño', 'ana'];
    const rows = Array.from({ length: 600 }, (_, i) => ({
      id: `id-${String(random.int(0, 9_999)).padStart(5, '0')}-${i}`,
      displayName: random.pick(names),
      // Whole scores with many ties, as tieStrength gives; a third never touched.
      strength: random.chance(0.33) ? 0 : random.int(0, 11) * 8,
    }));
    for (const limit of [0, 1, 7, 50, 199, 200, 201, 450, 600, 1_000]) {
      expect(firstByStrength(rows, limit), `limit ${limit}`).toEqual(wholeSort(rows, limit));
    }
  });

  it('leaves its input as it was', () => {
    const rows = [
      { id: 'b', displayName: 'Bea', strength: 1 },
      { id: 'a', displayName: 'Ana', strength: 3 },
    ];
    firstByStrength(rows, 1);
    expect(rows.map((r) => r.id)).toEqual(['b', 'a']);
  });
});
