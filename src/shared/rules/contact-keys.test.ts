import { describe, expect, it } from 'vitest';
import { foldText, NAME_COMPANY_SEPARATOR as SEP, storedKeys, type KeyedContact } from './contact-keys.js';

const contact = (fields: Partial<KeyedContact>): KeyedContact => ({
  firstName: null,
  lastName: null,
  displayName: '?',
  company: null,
  emails: [],
  phones: [],
  ...fields,
});
const keysOf = (fields: Partial<KeyedContact>) => storedKeys(contact(fields)).map((k) => `${k.kind}:${k.key}`).sort();

describe('storedKeys', () => {
  it('folds names and companies, with the full name alone as a weaker key', () => {
    expect(keysOf({ firstName: ' José  Ignacio', lastName: 'Muñoz', displayName: 'José Ignacio Muñoz', company: 'Telefónica ' })).toEqual([
      `name:jose ignacio munoz${SEP}telefonica`,
      'same_name:jose ignacio munoz',
    ]);
  });

  it('adds a display name that differs from the names, and the company may be empty', () => {
    expect(keysOf({ firstName: 'Ana', displayName: 'Anita' })).toEqual([`name:ana${SEP}`, `name:anita${SEP}`, 'same_name:ana']);
  });

  it('never takes ? or an e-mail standing in for a name', () => {
    expect(keysOf({ displayName: '?' })).toEqual([]);
    expect(keysOf({ displayName: 'ana@example.com', emails: ['ana@example.com'] })).toEqual(['email:ana@example.com']);
  });

  it('lower-cases e-mails and normalises phones, skipping blanks and short numbers, each key once', () => {
    expect(
      keysOf({ emails: [' Ana@Example.COM ', 'ana@example.com', '  '], phones: ['0034 612-345 678', '+34 612 345 678', '12345', '(555) 010-2030'] }),
    ).toEqual(['email:ana@example.com', 'phone:+34612345678', 'phone:5550102030']);
  });
});

describe('foldText', () => {
  it('folds plain ASCII as it folds the same text with an accent to strip', () => {
    // A trailing combining accent sends the text through the Unicode path, which drops it.
    for (const text of ['  Ana  GARCÍA '.replace('Í', 'I'), 'Tab\tand\nnewline', 'O\'Brien-Smith Jr.', '', '   ', 'ACME, Inc.']) {
      expect(foldText(text)).toBe(foldText(`${text}\u0301`));
    }
    expect(foldText('  José   MUÑOZ ')).toBe('jose munoz');
    expect(foldText('  Ana \t GARCIA ')).toBe('ana garcia');
  });
});
