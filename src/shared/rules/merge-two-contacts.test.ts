import { describe, expect, it } from 'vitest';
import { leftoverNote, leftovers, mergeContacts, mergeNotes, type MergeableContact } from './merge-two-contacts.js';

const base: MergeableContact = {
  id: 'kept',
  firstName: null,
  lastName: null,
  displayName: '?',
  emails: [],
  phones: [],
  company: null,
  title: null,
  location: null,
  links: [],
  birthday: null,
  photo: null,
  notes: null,
  circle: 'professional',
  kind: null,
  tags: [],
  interests: [],
  communities: [],
  schools: [],
  pastCompanies: [],
  howMet: null,
  metOn: null,
  metAtEventId: null,
  introducedById: null,
  stage: 'new',
  cadenceDays: null,
  source: 'manual',
  createdAt: '2026-01-01T00:00:00.000Z',
};
const contact = (over: Partial<MergeableContact>): MergeableContact => ({ ...base, ...over });

describe('mergeContacts', () => {
  it('keeps the kept values, fills its empty ones and unions every list', () => {
    const kept = contact({ firstName: 'José', displayName: 'José', company: 'Acme', emails: ['jose@a.es'], phones: ['+34 600 111 222'], tags: ['Madrid'], links: ['https://www.linkedin.com/in/jose/'] });
    const other = contact({
      id: 'other',
      firstName: 'Pepe',
      lastName: 'Muñoz',
      displayName: 'Pepe Muñoz',
      company: 'Other',
      title: 'CTO',
      emails: ['JOSE@a.es', 'pepe@b.es'],
      phones: ['0034600111222', '911 22 33 44'],
      tags: ['madrid', 'tech'],
      links: ['http://linkedin.com/in/JOSE?trk=x', 'https://pepe.dev'],
      interests: ['IA'],
      schools: ['UPM'],
      pastCompanies: ['Telefónica'],
      communities: ['Python Madrid'],
      kind: 'friend',
      cadenceDays: 10,
    });
    expect(mergeContacts(kept, other)).toMatchObject({
      id: 'kept',
      firstName: 'José',
      lastName: 'Muñoz',
      // Derived from the names: it follows the completed names.
      displayName: 'José Muñoz',
      company: 'Acme',
      title: 'CTO',
      emails: ['jose@a.es', 'pepe@b.es'],
      phones: ['+34 600 111 222', '911 22 33 44'],
      tags: ['Madrid', 'tech'],
      links: ['https://www.linkedin.com/in/jose/', 'https://pepe.dev'],
      interests: ['IA'],
      schools: ['UPM'],
      pastCompanies: ['Telefónica'],
      communities: ['Python Madrid'],
      kind: 'friend',
      cadenceDays: 10,
    });
  });

  it.each([
    ['new', 'trusted', 'trusted'],
    ['relationship', 'in_conversation', 'relationship'],
  ] as const)('stage %s + %s → %s', (a, b, expected) => {
    expect(mergeContacts(contact({ stage: a }), contact({ id: 'other', stage: b })).stage).toBe(expected);
  });

  it('keeps a typed display name, the earliest dates and no self-introduction', () => {
    const kept = contact({ firstName: 'Ana', displayName: 'Anita', metOn: '2025-05-01', createdAt: '2026-02-01T00:00:00.000Z', introducedById: 'other' });
    const other = contact({ id: 'other', lastName: 'Ruiz', metOn: '2024-03-01', createdAt: '2025-01-01T00:00:00.000Z', introducedById: 'kept' });
    expect(mergeContacts(kept, other)).toMatchObject({ displayName: 'Anita', metOn: '2024-03-01', createdAt: '2025-01-01T00:00:00.000Z', introducedById: null });
    const introduced = mergeContacts(contact({ introducedById: 'other' }), contact({ id: 'other', introducedById: 'carla' }));
    expect(introduced.introducedById).toBe('carla');
  });
});

describe('leftovers', () => {
  it('keeps in the notes what one-valued fields of the other said differently', () => {
    const kept = contact({ firstName: 'Ana', displayName: 'Ana', company: 'Acme', title: 'CTO', notes: 'Likes jazz.' });
    const other = contact({ id: 'other', displayName: 'Anita Ruiz', company: 'ACME', title: 'Founder', location: 'Madrid' });
    const merged = mergeContacts(kept, other);
    // Location was empty: filled, not a leftover; ACME is Acme.
    expect(leftovers(merged, other)).toEqual([
      { field: 'displayName', value: 'Anita Ruiz' },
      { field: 'title', value: 'Founder' },
    ]);
    expect(mergeContacts(kept, other, 'es').notes).toBe('Likes jazz.\n\nAdemás, del contacto fusionado: Nombre: Anita Ruiz; Cargo: Founder.');
    expect(mergeContacts(kept, other, 'en').notes).toBe('Likes jazz.\n\nAlso, from the merged record: Name: Anita Ruiz; Job title: Founder.');
    expect(leftoverNote('en', [])).toBeNull();
    expect(mergeContacts(kept, contact({ id: 'other', company: 'Acme' }), 'en').notes).toBe('Likes jazz.');
  });
});

describe('mergeNotes', () => {
  it.each([
    [null, null, null],
    ['a', null, 'a'],
    [null, 'b', 'b'],
    ['  ', 'b', 'b'],
    ['a', 'b', 'a\n\nb'],
    ['met at the fair; likes jazz', 'likes jazz', 'met at the fair; likes jazz'],
    ['likes jazz', 'met at the fair; likes jazz', 'met at the fair; likes jazz'],
  ])('%j + %j → %j', (a, b, expected) => {
    expect(mergeNotes(a, b)).toBe(expected);
  });
});
