// Cards as older phones and address books write them: quoted-printable soft line breaks before a
// space, 2.1 bytes in Windows-1252 with no CHARSET, and a single-valued property given twice.
import { describe, expect, it } from 'vitest';
import type { Parsed } from './parsed.js';
import { parseVcards } from './vcard.js';

async function* once(text: string) {
  yield text;
}

async function parseOne(lines: string[]) {
  const parsed: Parsed<unknown>[] = [];
  for await (const item of parseVcards(once(lines.join('\r\n') + '\r\n'))) parsed.push(item);
  expect(parsed).toHaveLength(1);
  const [only] = parsed;
  if (only!.kind !== 'record') throw new Error(`skipped: ${JSON.stringify(only)}`);
  return { draft: only!.value as Record<string, unknown>, warnings: only!.warnings };
}

describe('vCard edge cases', () => {
  it('joins a quoted-printable soft line break whose next line begins with a space, keeping the space', async () => {
    const { draft } = await parseOne([
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N:Ruiz;Carmen;;;',
      'NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:Conoce a todo el=',
      ' barrio y al due=C3=B1o del caf=C3=A9.',
      'END:VCARD',
    ]);
    expect(draft.notes).toBe('Conoce a todo el barrio y al dueño del café.');
  });

  it('still unfolds an ordinary folded line (a space starts the continuation and is dropped)', async () => {
    const { draft } = await parseOne(['BEGIN:VCARD', 'VERSION:3.0', 'N:Ruiz;Carmen;;;', 'NOTE:Una nota lar', ' ga.', 'END:VCARD']);
    expect(draft.notes).toBe('Una nota larga.');
  });

  it('reads quoted-printable bytes with no CHARSET that are not UTF-8 as Windows-1252', async () => {
    const { draft } = await parseOne([
      'BEGIN:VCARD',
      'VERSION:2.1',
      'N;ENCODING=QUOTED-PRINTABLE:Mu=F1oz;Jos=E9',
      'ORG;ENCODING=QUOTED-PRINTABLE:Caf=E9 =80 Co',
      'END:VCARD',
    ]);
    expect(draft).toMatchObject({ firstName: 'José', lastName: 'Muñoz', company: 'Café € Co' });
  });

  it('keeps UTF-8 quoted-printable with no CHARSET as UTF-8', async () => {
    const { draft } = await parseOne(['BEGIN:VCARD', 'VERSION:2.1', 'N;ENCODING=QUOTED-PRINTABLE:Mu=C3=B1oz;Jos=C3=A9', 'END:VCARD']);
    expect(draft).toMatchObject({ firstName: 'José', lastName: 'Muñoz' });
  });

  it('keeps the name that agrees with FN when N is given twice, and warns', async () => {
    const { draft, warnings } = await parseOne([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Lucía Fernández',
      'N:Fernández;Lucía;;;',
      'N:Otra;Persona;;;',
      'END:VCARD',
    ]);
    expect(draft).toMatchObject({ firstName: 'Lucía', lastName: 'Fernández' });
    expect(warnings).toEqual([expect.objectContaining({ code: 'repeated_property', values: { property: 'N', value: 'Persona Otra' } })]);
  });

  it('keeps the first of two N lines when neither agrees with FN, the one agreeing when it is the second', async () => {
    const first = await parseOne(['BEGIN:VCARD', 'VERSION:3.0', 'N:Uno;Ana;;;', 'N:Dos;Bea;;;', 'END:VCARD']);
    expect(first.draft).toMatchObject({ firstName: 'Ana', lastName: 'Uno' });
    const second = await parseOne(['BEGIN:VCARD', 'VERSION:3.0', 'FN:Bea Dos', 'N:Uno;Ana;;;', 'N:Dos;Bea;;;', 'END:VCARD']);
    expect(second.draft).toMatchObject({ firstName: 'Bea', lastName: 'Dos' });
  });

  it('keeps the first FN and the first birthday when they are repeated, and warns', async () => {
    const { draft, warnings } = await parseOne([
      'BEGIN:VCARD',
      'VERSION:3.0',
      'FN:Dr. Tom Becker',
      'FN:Tom',
      'N:Becker;Tom;;;',
      'BDAY:1980-04-02',
      'BDAY:1999-01-01',
      'END:VCARD',
    ]);
    expect(draft).toMatchObject({ displayName: 'Dr. Tom Becker', birthday: '1980-04-02' });
    expect(warnings.map((w) => w.code)).toEqual(['repeated_property', 'repeated_property']);
    expect(warnings.map((w) => w.message)).toEqual([
      'a second FN ("Tom") is left out; the card\'s first one is kept',
      'a second BDAY ("1999-01-01") is left out; the card\'s first one is kept',
    ]);
  });
});
