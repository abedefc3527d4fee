// Property tests of the import parsers (issue 3): what Círculo exports it imports back unchanged,
// and no input, however broken, makes a parser fail with anything but an ImportError.
import fc from 'fast-check';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { csvHeader, csvRecord, type CsvContact } from '../../backup/contacts-csv.js';
import { csvRows } from '../csv-records.js';
import { ImportError } from '../errors.js';
import { decodeText } from '../text.js';
import { contactToVcard, type VcardContact } from '../vcard-export.js';
import { parseContactsCsv } from './contacts-csv.js';
import { parseConnections } from './linkedin-connections.js';
import { parseInvitations } from './linkedin-invitations.js';
import { parseMessages } from './linkedin-messages.js';
import type { ContactDraft } from '../contact-draft.js';
import type { Parsed } from './parsed.js';
import { parseVcards } from './vcard.js';

async function* once<T>(value: T) {
  yield value;
}

async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}

const values = <T>(parsed: Parsed<T>[]) =>
  parsed.map((p) => {
    expect(p.kind, JSON.stringify(p)).toBe('record');
    return (p as Extract<Parsed<T>, { kind: 'record' }>).value;
  });

// Text a person types: any Unicode (accents, CJK, emoji) plus the characters vCard and CSV
// escape, trimmed and non-empty, as the API and imports store it.
// `=`, `+`, `-`, `@` and `'` start formulas (and their guards) in the CSV export.
const PUNCTUATION = [',', ';', ':', '\\', '"', "'", ' ', '=', '+', '-', '@'];
const char = fc.oneof(
  { weight: 6, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) },
  { weight: 2, arbitrary: fc.constantFrom(...PUNCTUATION) },
  { weight: 1, arbitrary: fc.constantFrom('é', 'ñ', 'Ü', 'ß', '李', '😀') },
);
const oneLine = (maxLength: number) =>
  fc
    .array(char, { minLength: 1, maxLength })
    .map((cs) => cs.join('').replace(/\s+/g, ' ').trim())
    .filter((s) => s.length > 0);
const multiLine = fc
  .array(fc.oneof(oneLine(30), fc.constant('\n')), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(' ').replace(/[ \t]+\n/g, '\n').replace(/\n[ \t]+/g, '\n').trim())
  .filter((s) => s.length > 0);

const EmailSchema = z.email();
const email = fc.emailAddress().filter((e) => e.length <= 254 && EmailSchema.safeParse(e).success);
const phone = fc
  .tuple(fc.constantFrom('', '+34 ', '+1 ', '00 44 '), fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 6, maxLength: 12 }), fc.constantFrom(' ', '-', ''))
  .map(([prefix, digits, sep]) => `${prefix}${digits.join('').replace(/(\d{3})(?=\d)/g, `$1${sep}`)}`.trim());
const link = fc.oneof(
  fc.stringMatching(/^[a-z0-9-]{1,20}$/).map((slug) => `https://www.linkedin.com/in/${slug}`),
  fc.webUrl({ withFragments: false, withQueryParameters: false }).filter((u) => /^https?:\/\//.test(u) && u.length <= 500),
);
const birthday = fc
  .tuple(fc.option(fc.integer({ min: 1900, max: 2020 }), { nil: null }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }))
  .map(([y, m, d]) => `${y === null ? '-' : y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

/** Distinct by the key imports compare them with (the second spelling would be dropped). */
const distinct = (arb: fc.Arbitrary<string>, key: (s: string) => string, maxLength: number) =>
  fc.uniqueArray(arb, { maxLength, selector: key });

const person = fc
  .record({
    firstName: fc.option(oneLine(40), { nil: null }),
    lastName: fc.option(oneLine(40), { nil: null }),
    typedName: fc.option(oneLine(60), { nil: null }),
    emails: distinct(email, (e) => e.toLowerCase(), 4),
    phones: distinct(phone, (p) => p.replace(/\D/g, ''), 4),
    company: fc.option(oneLine(40), { nil: null }),
    title: fc.option(oneLine(40), { nil: null }),
    location: fc.option(oneLine(40), { nil: null }),
    links: distinct(link, (l) => l.replace(/\/+$/, '').toLowerCase(), 3),
    birthday: fc.option(birthday, { nil: null }),
    notes: fc.option(multiLine, { nil: null }),
    // Not Google's own markers in a CSV cell: " ::: " joins labels and "* " starts a system group.
    tags: distinct(oneLine(20).filter((t) => !t.includes(' ::: ') && !t.startsWith('* ')), (t) => t.toLowerCase(), 4),
  })
  .filter((p) => Boolean(p.firstName || p.lastName || p.typedName));

type Person = typeof person extends fc.Arbitrary<infer T> ? T : never;

const fromNames = (p: { firstName: string | null; lastName: string | null }) => [p.firstName, p.lastName].filter(Boolean).join(' ');
const displayNameOf = (p: { firstName: string | null; lastName: string | null; typedName: string | null }) => p.typedName ?? fromNames(p);

const withoutTyped = ({ typedName: _, ...rest }: Person) => rest;

/** What an import of the exported contact must give back. */
function expected(p: Person) {
  const displayName = displayNameOf(p);
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    // The file's name is kept only when it says more than the names.
    displayName: displayName === fromNames(p) ? null : displayName,
    emails: p.emails,
    phones: p.phones,
    company: p.company,
    title: p.title,
    location: p.location,
    links: p.links,
    birthday: p.birthday,
    notes: p.notes,
    tags: p.tags,
  };
}

const imported = (d: ContactDraft) => ({
  firstName: d.firstName,
  lastName: d.lastName,
  displayName: d.displayName,
  emails: d.emails,
  phones: d.phones,
  company: d.company,
  title: d.title,
  location: d.location,
  links: d.links,
  birthday: d.birthday,
  notes: d.notes,
  tags: d.tags,
});

// PROPERTY_RUNS=2000 searches harder (minutes); the default keeps the unit suite quick.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 100) };
/** Generous: fast-check runs many cases in one test, on a machine that may be busy. */
const TIMEOUT = 120_000;

describe('vCard round trip', () => {
  it.each(['4.0', '3.0'] as const)('exported as %s and imported again, every contact is the same', async (version) => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 3 }), async (people) => {
        const cards = people.map((p, i) => {
          const contact: VcardContact = { ...withoutTyped(p), id: `00000000-0000-4000-8000-00000000000${i}`, displayName: displayNameOf(p), photo: null };
          return contactToVcard(contact, version);
        });
        const drafts = values(await collect(parseVcards(once(cards.join('\r\n')))));
        expect(drafts.map(imported)).toEqual(people.map(expected));
      }),
      RUNS,
    );
  }, TIMEOUT);
});

describe('CSV round trip', () => {
  it('the contacts CSV export is read back as a Google CSV with the same data', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(person, { minLength: 1, maxLength: 3 }), async (people) => {
        const contacts: CsvContact[] = people.map((p) => ({
          ...withoutTyped(p),
          displayName: displayNameOf(p),
          circle: 'professional',
          kind: null,
          stage: 'new',
          source: 'manual',
          metOn: null,
          howMet: null,
          interests: [],
          communities: [],
          schools: [],
          pastCompanies: [],
          cadenceDays: null,
        }));
        const widths = {
          emails: Math.max(1, ...people.map((p) => p.emails.length)),
          phones: Math.max(1, ...people.map((p) => p.phones.length)),
          links: Math.max(1, ...people.map((p) => p.links.length)),
        };
        const text = stringify([csvHeader(widths), ...contacts.map((c) => csvRecord(c, widths))]);
        const drafts = values(await collect(parseContactsCsv(csvRows(once(text), 'contacts.csv'))));
        expect(drafts.map(imported)).toEqual(people.map(expected));
      }),
      RUNS,
    );
  }, TIMEOUT);
});

/** Runs a parser over the bytes as an upload would; any failure must be an ImportError. */
async function refusesOrParses(bytes: Uint8Array, parse: (text: AsyncIterable<string>) => AsyncIterable<unknown>) {
  try {
    await collect(parse(decodeText(once(bytes), 'upload')));
  } catch (error) {
    if (!(error instanceof ImportError)) throw error;
  }
}

const csvOf = (parser: (rows: ReturnType<typeof csvRows>) => AsyncIterable<unknown>) => (text: AsyncIterable<string>) => parser(csvRows(text, 'upload'));
const parsers: [string, (text: AsyncIterable<string>) => AsyncIterable<unknown>][] = [
  ['vCard', (text) => parseVcards(text)],
  ['LinkedIn Connections', csvOf((rows) => parseConnections(rows))],
  ['LinkedIn Invitations', csvOf((rows) => parseInvitations(rows))],
  ['LinkedIn messages', csvOf((rows) => parseMessages(rows))],
  ['generic CSV', csvOf((rows) => parseContactsCsv(rows, { mapping: { name: 'fullName', mail: 'emails', when: 'metOn' } }))],
  ['Google or Outlook CSV', csvOf((rows) => parseContactsCsv(rows))],
];

// Inputs near the formats, so the parsers get past the first line: real headers and property
// names mixed with random cells, quotes, separators and line breaks.
const fragments = fc.constantFrom(
  'BEGIN:VCARD', 'END:VCARD', 'VERSION:2.1', 'VERSION:3.0', 'VERSION:4.0', 'N:', 'FN:', 'EMAIL;TYPE=INTERNET:', 'TEL:', 'BDAY:', 'BDAY:--0412',
  'item1.URL:', 'PHOTO;ENCODING=b;TYPE=JPEG:', 'NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:=C3=A9=', 'CATEGORIES:', 'ADR:;;;',
  'First Name,Last Name,URL,Email Address,Company,Position,Connected On', 'Notes:', '"',
  'From,To,Sent At,Message,Direction,inviterProfileUrl,inviteeProfileUrl',
  'CONVERSATION ID,CONVERSATION TITLE,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER',
  'First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Labels,Birthday', 'name,mail,when',
  ',', ';', '\t', '\r\n', '\n', '\r', ' ', '""', '=0D=0A', '12 Mar 2024', '1/29/26, 2:37 PM', '2026-01-29 14:37:00 UTC', 'https://www.linkedin.com/in/x',
);
const nearFormat = fc
  .array(fc.oneof(fragments, fc.string({ maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 40 })
  .map((parts) => new TextEncoder().encode(parts.join('')));
const anyBytes = fc.uint8Array({ maxLength: 300 });

describe('parsers on arbitrary input', () => {
  it.each(parsers)('%s: returns records or refuses with an ImportError, never crashes', async (_name, parse) => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nearFormat, anyBytes), (bytes) => refusesOrParses(bytes, parse)),
      { numRuns: 2 * RUNS.numRuns },
    );
  }, TIMEOUT);
});

// A quadratic regular expression over a long run of spaces or separators (`/\s*;\s*/` was one)
// would take minutes here: the test timeout catches it. Each case is a cell or line of 20,000 to
// 50,000 characters.
describe('long runs of separators and spaces', () => {
  const LONG_RUNS = { numRuns: 12 };
  const run = fc
    .tuple(fc.constantFrom(' ', ';', ',', ' ; ', ' ;', '; ', ', ', ' ::: ', '\t', ':', '\\;', '='), fc.integer({ min: 20_000, max: 50_000 }), fc.constantFrom('', 'x', 'https://a.example', '+34 600 111 222', 'ana@example.org'))
    .map(([unit, length, tail]) => unit.repeat(Math.ceil(length / unit.length)).slice(0, length) + tail);

  it('a Google CSV row whose cells are long runs imports the person, with only well-formed values', async () => {
    await fc.assert(
      fc.asyncProperty(run, async (cell) => {
        const text = stringify([
          ['First Name', 'Last Name', 'E-mail 1 - Value', 'Phone 1 - Value', 'Website 1 - Value', 'Labels', 'Birthday', 'Notes'],
          ['Ana', cell, cell, cell, cell, cell, cell, cell],
        ]);
        const [draft] = values(await collect(parseContactsCsv(csvRows(once(text), 'contacts.csv'))));
        expect(draft!.firstName).toBe('Ana');
        expect((draft!.lastName ?? '').length).toBeLessThanOrEqual(120);
        expect((draft!.notes ?? '').length).toBeLessThanOrEqual(20_000);
        expect(draft!.emails.every((e) => !/\s/.test(e))).toBe(true);
        expect(draft!.phones.every((p) => /\d/.test(p) && p.length <= 40)).toBe(true);
        expect(draft!.links.every((l) => /^https?:\/\/\S+$/.test(l))).toBe(true);
      }),
      LONG_RUNS,
    );
  }, TIMEOUT);

  it('a vCard whose properties are long runs imports the person', async () => {
    await fc.assert(
      fc.asyncProperty(run, async (value) => {
        const card = ['BEGIN:VCARD', 'VERSION:3.0', 'FN:Ana', 'N:;Ana;;;', `NOTE:${value}`, `TEL:${value}`, `URL:${value}`, `CATEGORIES:${value}`, 'END:VCARD'].join('\r\n');
        const [draft] = values(await collect(parseVcards(once(card))));
        expect(draft!.firstName).toBe('Ana');
        expect(draft!.phones.every((p) => p.length <= 40)).toBe(true);
      }),
      LONG_RUNS,
    );
  }, TIMEOUT);

  it('a line longer than a vCard allows is refused with its line, not buffered', async () => {
    const card = `BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:${' '.repeat(2_000_001)}\r\nEND:VCARD\r\n`;
    await expect(collect(parseVcards(once(card)))).rejects.toMatchObject({ code: 'too_large', at: { line: 3 } });
  });
});
