import { describe, expect, it } from 'vitest';
import { commonPoints, sameThing, type ContactSide, type ProfileSide } from './common-points.js';

describe('sameThing', () => {
  it.each([
    ['Universidad de Valparaíso', 'universidad de valparaiso', true],
    ['Universidad de Valparaíso', 'U. de Valparaíso', true],
    ['Universidad de Chile', 'Universidad de Valparaíso', false],
    ['Universidad de Chile', 'Universidad Católica de Chile', true],
    ['Acme', 'ACME Corp.', true],
    ['The Company', 'Company', false],
    ['de', 'de', false],
    ['Grupo Santander', 'Grupo Telefónica', false],
    ['IA', 'Inteligencia Artificial', false],
    ['Madrid', 'Comunidad de Madrid', true],
    ['', '', false],
  ])('%s ~ %s: %s', (a, b, expected) => {
    expect(sameThing(a, b)).toBe(expected);
  });
});

describe('commonPoints', () => {
  const profile: ProfileSide = {
    companies: ['Telefónica', 'Acme'],
    schools: ['Universidad de Valparaíso'],
    interests: ['product management', 'climbing'],
    places: ['Valparaíso', 'Madrid'],
    communities: ['PyData Madrid'],
  };
  const contact: ContactSide = {
    company: 'BBVA',
    pastCompanies: ['telefonica'],
    schools: ['universidad de valparaiso'],
    interests: ['Climbing', 'cooking'],
    communities: ['pydata madrid'],
    location: 'Madrid, España',
  };

  it('finds every shared thing, ordered by strength', () => {
    const points = commonPoints(profile, contact, { mutualContacts: ['Marta Gil'] });
    expect(points.map((p) => [p.kind, p.value])).toEqual([
      ['mutual_contact', 'Marta Gil'],
      ['company', 'telefonica'],
      ['school', 'universidad de valparaiso'],
      ['community', 'pydata madrid'],
      ['interest', 'Climbing'],
      ['place', 'Madrid, España'],
    ]);
  });

  it('finds nothing between strangers, even with filler words in common', () => {
    const stranger: ContactSide = { company: 'Grupo de la Empresa', pastCompanies: [], schools: ['Universidad de Chile'], interests: [], communities: ['Club de la Comunidad'], location: null };
    expect(commonPoints(profile, stranger)).toEqual([]);
  });

  it('lists a shared event and does not repeat the same school twice', () => {
    const twice = { ...contact, schools: ['Universidad de Valparaíso', 'universidad de valparaiso'] };
    const points = commonPoints(profile, twice, { sharedEvents: ['Startup Chile Demo Day'] });
    expect(points.filter((p) => p.kind === 'school')).toHaveLength(1);
    expect(points.find((p) => p.kind === 'event')?.value).toBe('Startup Chile Demo Day');
  });
});
