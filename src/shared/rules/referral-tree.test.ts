import { describe, expect, it } from 'vitest';
import { referralTree, type ReferralPerson } from './referral-tree.js';

const p = (id: string, introducedById: string | null = null): ReferralPerson => ({ id, introducedById });
const generationsOf = (people: ReferralPerson[]) => Object.fromEntries(referralTree(people).nodes.map((n) => [n.id, n.generation]));

describe('referralTree', () => {
  it.each([
    { name: 'empty', people: [], depth: 0, width: 0, generations: [] },
    { name: 'only roots', people: [p('a'), p('b')], depth: 1, width: 2, generations: [{ generation: 1, count: 2 }] },
    {
      name: 'two referrals make a second generation',
      people: [p('ana'), p('bea', 'ana'), p('carl', 'ana'), p('dan')],
      depth: 2,
      width: 2,
      generations: [
        { generation: 1, count: 2 },
        { generation: 2, count: 2 },
      ],
    },
    {
      name: 'a chain snowballs',
      people: [p('a'), p('b', 'a'), p('c', 'b'), p('d', 'c'), p('e', 'c')],
      depth: 4,
      width: 2,
      generations: [
        { generation: 1, count: 1 },
        { generation: 2, count: 1 },
        { generation: 3, count: 1 },
        { generation: 4, count: 2 },
      ],
    },
    {
      name: 'an introducer outside the tree makes a root',
      people: [p('a', 'outsider'), p('b', 'a')],
      depth: 2,
      width: 1,
      generations: [
        { generation: 1, count: 1 },
        { generation: 2, count: 1 },
      ],
    },
  ])('$name', ({ people, depth, width, generations }) => {
    const tree = referralTree(people);
    expect(tree).toMatchObject({ depth, width, generations });
    expect(tree.nodes).toHaveLength(people.length);
  });

  it('draws an edge from each introducer to the people they led to', () => {
    const tree = referralTree([p('ana'), p('bea', 'ana'), p('carl', 'bea')]);
    expect(tree.edges).toEqual([
      { from: 'ana', to: 'bea' },
      { from: 'bea', to: 'carl' },
    ]);
    expect(tree.nodes.map((n) => n.parentId)).toEqual([null, 'ana', 'bea']);
  });

  it('places people in any input order', () => {
    expect(generationsOf([p('c', 'b'), p('b', 'a'), p('a')])).toEqual({ a: 1, b: 2, c: 3 });
  });

  it.each([
    { name: 'a two-person loop', people: [p('a', 'b'), p('b', 'a')], expected: { a: 1, b: 2 } },
    { name: 'a loop with a tail below it', people: [p('x', 'z'), p('y', 'x'), p('z', 'y'), p('t', 'z')], expected: { x: 1, y: 2, z: 3, t: 4 } },
    { name: 'someone who introduced themselves', people: [p('a', 'a'), p('b', 'a')], expected: { a: 1, b: 2 } },
  ])('survives $name', ({ people, expected }) => {
    const tree = referralTree(people);
    expect(generationsOf(people)).toEqual(expected);
    expect(tree.edges).toHaveLength(people.length - 1);
  });
});
