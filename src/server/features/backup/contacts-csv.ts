// Contacts as CSV in Google Contacts' own column names (so Google, and Círculo's CSV import, take
// the file back as it is), followed by Círculo's fields that Google has no column for.
// Multi-valued cells use Google's ` ::: ` separator, as its `Labels` column does.
// Names, headlines and notes come from other people (LinkedIn imports): a cell a spreadsheet would
// run as a formula is guarded with a `'` (shared/rules/csv-formulas.ts); our import takes it off.
import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify/sync';
import { sql } from 'drizzle-orm';
import { guardFormula } from '#shared/rules/csv-formulas.js';
import { linkedinKey } from '#shared/rules/linkedin.js';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import { contacts } from '../../db/schema.js';
import { cursorBatches, snapshotStream, type Write } from './snapshot-stream.js';

export interface CsvContact {
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  company: string | null;
  title: string | null;
  birthday: string | null;
  notes: string | null;
  tags: string[];
  emails: string[];
  phones: string[];
  location: string | null;
  links: string[];
  circle: string;
  kind: string | null;
  stage: string;
  source: string;
  metOn: string | null;
  howMet: string | null;
  interests: string[];
  communities: string[];
  schools: string[];
  pastCompanies: string[];
  cadenceDays: number | null;
}

/** How many e-mail, phone and website columns the file needs (at least one of each, as Google writes). */
export interface CsvWidths {
  emails: number;
  phones: number;
  links: number;
}

const joined = (list: readonly string[]) => list.join(' ::: ');
const numbered = (n: number, name: string) => Array.from({ length: n }, (_, i) => [`${name} ${i + 1} - Label`, `${name} ${i + 1} - Value`]).flat();
const pairs = (n: number, values: readonly string[], label: (v: string) => string) =>
  Array.from({ length: n }, (_, i) => (values[i] === undefined ? ['', ''] : [label(values[i]!), values[i]!])).flat();

export function csvHeader(widths: CsvWidths): string[] {
  return [
    'First Name',
    'Last Name',
    'File As',
    'Organization Name',
    'Organization Title',
    'Birthday',
    'Notes',
    'Labels',
    ...numbered(widths.emails, 'E-mail'),
    ...numbered(widths.phones, 'Phone'),
    'Address 1 - Label',
    'Address 1 - Formatted',
    ...numbered(widths.links, 'Website'),
    // Círculo's own fields: Google ignores columns it does not know.
    'Circle',
    'Kind',
    'Stage',
    'Source',
    'Met On',
    'How Met',
    'Interests',
    'Communities',
    'Schools',
    'Past Companies',
    'Cadence Days',
  ];
}

/** A cell of text someone typed (or a LinkedIn import brought), guarded against formulas. */
const text = (value: string | null) => guardFormula(value ?? '');
const joinedText = (list: readonly string[]) => guardFormula(joined(list));

/**
 * One contact's row. Text cells are guarded; dates (`--08-23` is a birthday without a year),
 * the enums and numbers are written as they are, since they are validated and Google reads them.
 */
export function csvRecord(c: CsvContact, widths: CsvWidths): string[] {
  return [
    text(c.firstName),
    text(c.lastName),
    text(c.displayName),
    text(c.company),
    text(c.title),
    c.birthday ?? '',
    text(c.notes),
    joinedText(c.tags),
    ...pairs(widths.emails, c.emails.map(text), () => ''),
    ...pairs(widths.phones, c.phones.map(text), () => ''),
    '',
    text(c.location),
    ...pairs(widths.links, c.links.map(text), (link) => (linkedinKey(link) ? 'LinkedIn' : '')),
    c.circle,
    c.kind ?? '',
    c.stage,
    c.source,
    c.metOn ?? '',
    text(c.howMet),
    joinedText(c.interests),
    joinedText(c.communities),
    joinedText(c.schools),
    joinedText(c.pastCompanies),
    c.cadenceDays === null ? '' : String(c.cadenceDays),
  ];
}

export function contactsCsvStream(db: Db, accountId: string): Readable {
  return snapshotStream(db, (tx, write) => writeContactsCsv(tx, accountId, write));
}

export async function writeContactsCsv(tx: Tx, accountId: string, write: Write) {
  const [w] = await queryRows<CsvWidths>(
    tx,
    sql`select greatest(1, coalesce(max(cardinality(emails)), 0)) as emails, greatest(1, coalesce(max(cardinality(phones)), 0)) as phones,
      greatest(1, coalesce(max(cardinality(links)), 0)) as links from ${contacts} where account_id = ${accountId}`,
  );
  const widths: CsvWidths = { emails: Number(w!.emails), phones: Number(w!.phones), links: Number(w!.links) };
  await write(stringify([csvHeader(widths)]));
  // The photo stays out: Google's Photo column is a URL, and photos travel in vCards and backups.
  const query = sql`select row_to_json(r)::text as json from (
    select first_name as "firstName", last_name as "lastName", display_name as "displayName", company, title, birthday, notes,
      tags, emails, phones, location, links, circle, kind, stage, source, to_char(met_on, 'YYYY-MM-DD') as "metOn", how_met as "howMet",
      interests, communities, schools, past_companies as "pastCompanies", cadence_days as "cadenceDays"
    from ${contacts} where account_id = ${accountId} order by lower(display_name), id) r`;
  for await (const batch of cursorBatches<{ json: string }>(tx, query)) {
    await write(stringify(batch.map((row) => csvRecord(JSON.parse(row.json) as CsvContact, widths))));
  }
}
