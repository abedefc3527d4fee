import { describe, expect, it } from 'vitest';
import { referenceIssues, remapTakenIds, type BackupRows, type SectionLinks } from './references.js';

const links: SectionLinks[] = [
  { key: 'contacts', hasIds: true, references: { introducedById: 'contacts' } },
  { key: 'interactions', hasIds: true, references: { contactIds: 'contacts' }, unique: [['externalId']] },
  { key: 'favors', hasIds: true, references: { contactId: 'contacts', introducedToId: 'contacts' } },
  { key: 'eventAttendees', hasIds: false, references: { contactId: 'contacts' }, unique: [['eventId', 'contactId']] },
];

const sample = (): BackupRows => ({
  contacts: [
    { id: 'c1', introducedById: null },
    { id: 'c2', introducedById: 'c1' },
  ],
  interactions: [
    { id: 'i1', contactIds: ['c1', 'c2'], externalId: 'x' },
    { id: 'i2', contactIds: [], externalId: null },
    { id: 'i3', contactIds: ['c2'], externalId: null },
  ],
  favors: [{ id: 'f1', contactId: 'c2', introducedToId: 'c1' }],
  eventAttendees: [{ eventId: 'e1', contactId: 'c1' }],
});

describe('referenceIssues', () => {
  it('finds nothing wrong in a consistent backup (nulls and empty lists included)', () => {
    expect(referenceIssues(sample(), links)).toEqual([]);
  });

  it.each([
    ['a reference to a record the backup lacks', (b: BackupRows) => (b.favors![0]!.contactId = 'nobody'), 'favors.0.contactId', 'no record with id nobody in "contacts"'],
    ['one bad id in a list', (b: BackupRows) => (b.interactions![2]!.contactIds = ['c2', 'ghost']), 'interactions.2.contactIds', 'no record with id ghost'],
    ['the same id twice', (b: BackupRows) => b.contacts!.push({ id: 'c1', introducedById: null }), 'contacts.2.id', 'the same id as contacts.0'],
    ['a clash on a unique field', (b: BackupRows) => (b.interactions![1]!.externalId = 'x'), 'interactions.1.externalId', 'the same as interactions.0'],
    ['a clash on a unique pair', (b: BackupRows) => b.eventAttendees!.push({ eventId: 'e1', contactId: 'c1' }), 'eventAttendees.1.eventId+contactId', 'must be unique'],
  ])('reports %s, naming the field', (_, spoil, field, message) => {
    const backup = sample();
    spoil(backup);
    const issues = referenceIssues(backup, links);
    expect(issues).toHaveLength(1);
    expect(issues[0]!.field).toBe(field);
    expect(issues[0]!.message).toContain(message);
  });

  it('stops listing at the limit', () => {
    const backup = sample();
    backup.favors = Array.from({ length: 80 }, (_, i) => ({ id: `f${i}`, contactId: 'nobody', introducedToId: null }));
    expect(referenceIssues(backup, links, 10)).toHaveLength(10);
  });
});

describe('remapTakenIds', () => {
  const counter = () => {
    let n = 0;
    return () => `new${++n}`;
  };

  it('changes nothing when no id is taken', () => {
    const backup = sample();
    expect(remapTakenIds(backup, links, new Map(), counter())).toBe(0);
    expect(backup).toEqual(sample());
  });

  it('renames taken ids and follows every reference to them, in lists too', () => {
    const backup = sample();
    const changed = remapTakenIds(backup, links, new Map([['contacts', new Set(['c1'])], ['favors', new Set(['f1'])]]), counter());
    expect(changed).toBe(2);
    expect(backup.contacts).toEqual([
      { id: 'new1', introducedById: null },
      { id: 'c2', introducedById: 'new1' },
    ]);
    expect(backup.interactions![0]!.contactIds).toEqual(['new1', 'c2']);
    expect(backup.favors).toEqual([{ id: 'new2', contactId: 'c2', introducedToId: 'new1' }]);
    expect(backup.eventAttendees).toEqual([{ eventId: 'e1', contactId: 'new1' }]);
    expect(referenceIssues(backup, links)).toEqual([]);
  });
});
