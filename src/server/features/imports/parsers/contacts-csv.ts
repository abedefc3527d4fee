// Contacts from a CSV: Google Contacts and Outlook exports are recognised by their headers; any
// other CSV needs a mapping `{ column: contactField }` from the user (the web app's mapping step
// or `--mapping` in the CLI). Columns are always found by name, never by position.
import type { CsvFormat, CsvMapping, MappableField } from '#shared/schemas/imports.js';
import { splitFullName } from '#shared/rules/names.js';
import { unguardFormula } from '#shared/rules/csv-formulas.js';
import { ImportError } from '../errors.js';
import { cleanDraft, emptyDraft, guessCircle, hasIdentity, notADate, type ContactDraft } from '../contact-draft.js';
import { headerKey, type CsvRow } from '../csv-records.js';
import { parseBirthday, parseDayMonthYear } from './dates.js';
import { isConnectionsHeader } from './linkedin-connections.js';
import { record, skip, type FieldWarning, type Parsed } from './parsed.js';

interface ColumnRule {
  matches: (key: string) => boolean;
  field: MappableField | 'middleName';
}

const is = (...names: string[]) => (key: string) => names.includes(key);
const pattern = (re: RegExp) => (key: string) => re.test(key);

// Google's current header (`Organization Name`, `E-mail 1 - Value`, `Labels`) and the older one
// (`Given Name`, `Organization 1 - Name`, `Group Membership`).
const GOOGLE: ColumnRule[] = [
  { matches: is('first name', 'given name'), field: 'firstName' },
  // How Google files the contact: its name when there are no first and last names.
  { matches: is('file as'), field: 'displayName' },
  { matches: is('middle name', 'additional name'), field: 'middleName' },
  { matches: is('last name', 'family name'), field: 'lastName' },
  { matches: is('organization name', 'organization 1 - name'), field: 'company' },
  { matches: is('organization title', 'organization 1 - title'), field: 'title' },
  { matches: is('birthday'), field: 'birthday' },
  { matches: is('notes'), field: 'notes' },
  { matches: is('labels', 'group membership'), field: 'tags' },
  { matches: pattern(/^e-mail \d+ - value$/), field: 'emails' },
  { matches: pattern(/^phone \d+ - value$/), field: 'phones' },
  { matches: pattern(/^website \d+ - value$/), field: 'links' },
  { matches: is('address 1 - formatted', 'address 1 - city', 'address 1 - region', 'address 1 - country'), field: 'location' },
];

const OUTLOOK: ColumnRule[] = [
  { matches: is('first name'), field: 'firstName' },
  { matches: is('middle name'), field: 'middleName' },
  { matches: is('last name'), field: 'lastName' },
  { matches: is('company'), field: 'company' },
  { matches: is('job title'), field: 'title' },
  { matches: is('birthday'), field: 'birthday' },
  { matches: is('notes'), field: 'notes' },
  { matches: is('categories'), field: 'tags' },
  { matches: pattern(/^e-mail( \d)? address$/), field: 'emails' },
  { matches: pattern(/^(mobile|business|home|primary|other|car|company main) phone( \d)?$/), field: 'phones' },
  { matches: is('web page', 'personal web page'), field: 'links' },
  { matches: is('business city', 'business country/region'), field: 'location' },
];

export function detectCsvFormat(header: string[]): CsvFormat {
  const keys = new Set(header.map(headerKey));
  const has = (k: string) => keys.has(k);
  if ((has('first name') || has('given name')) && (has('e-mail 1 - value') || has('labels') || has('group membership') || has('organization name'))) return 'google';
  if (has('e-mail address') && (has('job title') || has('mobile phone') || has('business phone'))) return 'outlook';
  return 'generic';
}

/**
 * No field keeps more than this (notes: 20,000): a longer cell is cut before it is split or
 * parsed, so a hostile cell costs no more than a long note.
 */
export const MAX_CELL_CHARS = 25_000;

const NEW_ADDRESS = /^(https?:\/\/|www\.)/i;

/**
 * A `;` may be part of a web address: only one followed by a new address starts another.
 * (Split by hand: the old `/\s*;\s*(?=…)/` took quadratic time on a long run of spaces.)
 */
function splitLinks(cell: string): string[] {
  const links: string[] = [];
  for (const piece of cell.split(';')) {
    const start = piece.trimStart();
    if (links.length === 0 || NEW_ADDRESS.test(start)) links.push(start);
    else links[links.length - 1] += `;${piece}`;
  }
  return links.map((l) => l.trim());
}

function multiValues(field: MappableField, cell: string, format: CsvFormat): string[] {
  // Google joins several values of one cell with " ::: ".
  const parts = cell.split(' ::: ');
  if (field === 'tags') {
    // Google marks its own groups with "* "; its "myContacts" is everyone, not a label.
    const tags = format === 'google' ? parts : cell.split(/[;,]/);
    // ("* starred"): a star without the space is the user's own ("*", "*vip").
    return tags.map((t) => t.trim().replace(/^\*\s+/, '')).filter((t) => t && t.toLowerCase() !== 'mycontacts');
  }
  if (field === 'emails') return parts.flatMap((p) => p.split(/[;,\s]+/));
  if (field === 'phones') return parts.flatMap((p) => p.split(';').map((phone) => phone.trim()));
  if (field === 'links') return parts.flatMap(splitLinks);
  return parts;
}


type Columns = { index: number; field: MappableField | 'middleName' }[];

function columnsFor(header: string[], format: CsvFormat, mapping: CsvMapping | undefined, file: string): Columns {
  if (format !== 'generic') {
    const rules = format === 'google' ? GOOGLE : OUTLOOK;
    return header.flatMap((h, index) => {
      const rule = rules.find((r) => r.matches(headerKey(h)));
      return rule ? [{ index, field: rule.field }] : [];
    });
  }
  const list = header.map((h) => `"${h}"`).join(', ');
  if (!mapping || Object.keys(mapping).length === 0) {
    const hint = isConnectionsHeader(header) || header.some((h) => /^notes:?$/i.test(h.trim()))
      ? ' (this looks like a LinkedIn Connections.csv: import it as LinkedIn)'
      : '';
    throw new ImportError('mapping_required', `this CSV is not a Google or Outlook export${hint}: say which column holds what (a mapping). Its columns are ${list}`, file, { line: 1 });
  }
  const keys = header.map(headerKey);
  return Object.entries(mapping).map(([column, field]) => {
    const index = keys.indexOf(headerKey(column));
    if (index === -1) throw new ImportError('bad_mapping', `the mapping names a column "${column}" that the file does not have; its columns are ${list}`, file, { line: 1 });
    return { index, field };
  });
}

function draftFrom(cells: string[], columns: Columns, format: CsvFormat): { draft: ContactDraft; warnings: FieldWarning[] } {
  const draft = emptyDraft('csv');
  const warnings: FieldWarning[] = [];
  const texts: Partial<Record<MappableField | 'middleName', string[]>> = {};
  for (const { index, field } of columns) {
    // Círculo's own CSV export guards formula-like cells with a `'` (shared/rules/csv-formulas.ts).
    const cell = unguardFormula((cells[index] ?? '').slice(0, MAX_CELL_CHARS)).trim();
    if (!cell) continue;
    if (field === 'emails' || field === 'phones' || field === 'links' || field === 'tags') draft[field].push(...multiValues(field, cell, format));
    else (texts[field] ??= []).push(cell);
  }
  const joined = (field: MappableField | 'middleName', separator = ' ') => texts[field]?.join(separator) || null;
  draft.firstName = [joined('firstName'), joined('middleName')].filter(Boolean).join(' ') || null;
  draft.lastName = joined('lastName');
  const fullName = joined('fullName');
  if (fullName && !draft.firstName && !draft.lastName) Object.assign(draft, splitFullName(fullName));
  draft.displayName = joined('displayName');
  // A name that says no more than the first and last names is not a name the user typed.
  if (draft.displayName === [draft.firstName, draft.lastName].filter(Boolean).join(' ')) draft.displayName = null;
  draft.company = joined('company');
  draft.title = joined('title');
  draft.location = joined('location', ', ');
  draft.notes = joined('notes', '\n\n');
  const birthday = joined('birthday');
  if (birthday) {
    draft.birthday = parseBirthday(birthday);
    if (!draft.birthday) warnings.push(notADate('birthday', birthday));
  }
  const metOn = joined('metOn');
  if (metOn) {
    const date = parseDayMonthYear(metOn) ?? parseBirthday(metOn);
    draft.metOn = date && !date.startsWith('--') ? date : null;
    if (!draft.metOn) warnings.push(notADate('metOn', metOn));
  }
  const cleaned = cleanDraft(draft);
  cleaned.draft.circle = guessCircle(cleaned.draft);
  return { draft: cleaned.draft, warnings: [...warnings, ...cleaned.warnings] };
}

export interface ContactsCsvOptions {
  mapping?: CsvMapping | undefined;
  file?: string;
}

export async function* parseContactsCsv(rows: AsyncIterable<CsvRow>, options: ContactsCsvOptions = {}): AsyncGenerator<Parsed<ContactDraft>> {
  const file = options.file ?? 'contacts.csv';
  let columns: Columns | undefined;
  let format: CsvFormat = 'generic';
  for await (const row of rows) {
    if (!columns) {
      format = detectCsvFormat(row.cells);
      columns = columnsFor(row.cells, format, options.mapping, file);
      continue;
    }
    const at = { line: row.line };
    const { draft, warnings } = draftFrom(row.cells, columns, format);
    if (!hasIdentity(draft)) {
      yield skip(at, 'no_name', 'a row with no name, e-mail or phone');
      continue;
    }
    yield record(at, draft, warnings);
  }
  if (!columns) throw new ImportError('empty', 'the file is empty', file);
}

/** Guesses a mapping from common column names (English and Spanish), for the UI to start from. */
export function suggestMapping(header: string[]): CsvMapping {
  const guesses: [RegExp, MappableField][] = [
    [/^(first ?name|given ?name|nombre de pila|nombre)$/, 'firstName'],
    [/^(last ?name|surname|family ?name|apellidos?)$/, 'lastName'],
    [/^(full ?name|name|nombre completo)$/, 'fullName'],
    [/e-?mail|correo/, 'emails'],
    [/phone|mobile|tel[eé]fono|m[oó]vil|celular/, 'phones'],
    [/^(company|organi[sz]ation|empresa|compañía)$/, 'company'],
    [/^(title|job ?title|position|cargo|puesto)$/, 'title'],
    [/^(city|location|ciudad|ubicación)$/, 'location'],
    [/url|linkedin|web|sitio/, 'links'],
    [/birthday|cumpleaños|fecha de nacimiento/, 'birthday'],
    [/^(notes?|notas?)$/, 'notes'],
    [/^(tags?|labels?|etiquetas?|categor(y|ies)|categorías?)$/, 'tags'],
  ];
  const mapping: CsvMapping = {};
  for (const h of header) {
    const key = headerKey(h);
    const guess = guesses.find(([re]) => re.test(key));
    if (guess && h.trim()) mapping[h] = guess[1];
  }
  return mapping;
}
