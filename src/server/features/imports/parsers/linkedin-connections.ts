// LinkedIn's Connections.csv: an optional `Notes:` preamble, then
// `First Name,Last Name,URL,Email Address,Company,Position,Connected On` (older exports have no
// URL column). Members who hide their profile come out as a row holding only the date.
import { ImportError } from '../errors.js';
import { cleanDraft, emptyDraft, notADate, type ContactDraft } from '../contact-draft.js';
import { columnIndex, headerKey, type CsvRow } from '../csv-records.js';
import { parseDayMonthYear } from './dates.js';
import { record, skip, type Parsed } from './parsed.js';

/** The preamble is a few lines; a header further down means this is another file. */
const MAX_PREAMBLE_RECORDS = 20;

export function isConnectionsHeader(cells: string[]): boolean {
  const keys = new Set(cells.map(headerKey));
  return keys.has('first name') && keys.has('last name') && keys.has('connected on');
}

export async function* parseConnections(rows: AsyncIterable<CsvRow>, file = 'Connections.csv'): AsyncGenerator<Parsed<ContactDraft>> {
  let column: ((name: string) => number) | undefined;
  let seen = 0;
  for await (const row of rows) {
    if (!column) {
      if (isConnectionsHeader(row.cells)) {
        column = columnIndex(row.cells);
        continue;
      }
      if (++seen >= MAX_PREAMBLE_RECORDS) break;
      continue;
    }
    const cell = (name: string) => {
      const i = column!(name);
      return i === -1 ? '' : (row.cells[i] ?? '').trim();
    };
    const at = { line: row.line };
    const firstName = cell('First Name');
    const lastName = cell('Last Name');
    const url = cell('URL') || cell('Profile URL');
    const connectedOn = cell('Connected On');
    if (!firstName && !lastName && !url) {
      yield skip(at, 'hidden_profile', `a connection who hides their profile: LinkedIn exports only the date${connectedOn ? ` (${connectedOn})` : ''}`);
      continue;
    }
    const draft: ContactDraft = {
      ...emptyDraft('linkedin', 'professional'),
      firstName,
      lastName,
      emails: cell('Email Address') ? [cell('Email Address')] : [],
      links: url ? [url] : [],
      company: cell('Company'),
      title: cell('Position'),
      metOn: connectedOn ? parseDayMonthYear(connectedOn) : null,
    };
    const cleaned = cleanDraft(draft);
    if (connectedOn && !draft.metOn) cleaned.warnings.push(notADate('connectedOn', connectedOn));
    yield record(at, cleaned.draft, cleaned.warnings);
  }
  if (!column) {
    throw new ImportError('wrong_format', 'no header line with First Name, Last Name and Connected On: this is not a LinkedIn Connections.csv', file);
  }
}
