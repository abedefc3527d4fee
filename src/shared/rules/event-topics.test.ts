import { describe, expect, it } from 'vitest';
import type { CommonPoint } from './common-points.js';
import { suggestTopics } from './event-topics.js';

const contact = { interests: ['Climbing', 'energy markets'], communities: ['PyData Madrid', 'Women in Tech'] };
const common: CommonPoint[] = [
  { kind: 'mutual_contact', value: 'Marta Gil', strength: 6 },
  { kind: 'community', value: 'PyData Madrid', strength: 3 },
  { kind: 'interest', value: 'Climbing', strength: 2 },
];

describe('suggestTopics', () => {
  it('puts what we share first, then their interests and communities, without repeats', () => {
    expect(suggestTopics(contact, common)).toEqual([
      { value: 'Marta Gil', kind: 'mutual_contact', common: true },
      { value: 'PyData Madrid', kind: 'community', common: true },
      { value: 'Climbing', kind: 'interest', common: true },
      { value: 'energy markets', kind: 'interest', common: false },
      { value: 'Women in Tech', kind: 'community', common: false },
    ]);
  });

  it.each([
    { name: 'leaves out topics already planned, ignoring accents and case', planned: ['ENERGY markets', 'marta gíl'], without: ['energy markets', 'Marta Gil'] },
    { name: 'with nothing planned keeps all', planned: [], without: [] },
  ])('$name', ({ planned, without }) => {
    const values = suggestTopics(contact, common, planned).map((t) => t.value);
    for (const v of without) expect(values).not.toContain(v);
    expect(values.length).toBe(5 - without.length);
  });

  it('stops at the maximum and skips empty values', () => {
    const many = { interests: ['', ...Array.from({ length: 20 }, (_, i) => `topic ${i}`)], communities: [] };
    const topics = suggestTopics(many, [], [], 8);
    expect(topics).toHaveLength(8);
    expect(topics[0]!.value).toBe('topic 0');
  });

  it('has nothing to suggest for someone we know nothing about', () => {
    expect(suggestTopics({ interests: [], communities: [] }, [])).toEqual([]);
  });
});
