// LinkedIn's Invitations.csv: `From,To,Sent At,Message,Direction,inviterProfileUrl,
// inviteeProfileUrl`. `Sent At` is `1/21/26, 9:15 AM` with no time zone; older exports have no
// profile URL columns.
import type { InvitationDirection } from '#shared/enums.js';
import { ImportError } from '../errors.js';
import { columnIndex, headerKey, type CsvRow } from '../csv-records.js';
import { parseUsDate, parseUtcDateTime } from './dates.js';
import { record, skip, type Parsed } from './parsed.js';

export interface LinkedinPerson {
  name: string;
  /** The profile URL, when the export has it. */
  url: string | null;
}

export interface InvitationRecord {
  /** Null when the export has no Direction column: the owner decides. */
  direction: InvitationDirection | null;
  from: LinkedinPerson;
  to: LinkedinPerson;
  /** The day it was sent, as written (no time zone is given). */
  sentOn: string;
  /** `Sent At` as written: part of the invitation's identity on re-import. */
  sentAt: string;
  message: string | null;
}

export function isInvitationsHeader(cells: string[]): boolean {
  const keys = new Set(cells.map(headerKey));
  return keys.has('from') && keys.has('to') && keys.has('sent at');
}

function sentDate(text: string): string | null {
  return parseUsDate(text) ?? parseUtcDateTime(text)?.toISOString().slice(0, 10) ?? null;
}

export async function* parseInvitations(rows: AsyncIterable<CsvRow>, file = 'Invitations.csv'): AsyncGenerator<Parsed<InvitationRecord>> {
  let column: ((name: string) => number) | undefined;
  for await (const row of rows) {
    if (!column) {
      if (!isInvitationsHeader(row.cells)) {
        throw new ImportError('wrong_format', 'the first line is not the header of a LinkedIn Invitations.csv (From, To, Sent At…)', file, { line: row.line });
      }
      column = columnIndex(row.cells);
      continue;
    }
    const cell = (name: string) => {
      const i = column!(name);
      return i === -1 ? '' : (row.cells[i] ?? '').trim();
    };
    const at = { line: row.line };
    const sentAt = cell('Sent At');
    const sentOn = sentDate(sentAt);
    if (!sentOn) {
      yield skip(at, 'bad_date', `"${sentAt.slice(0, 40)}" is not a date`);
      continue;
    }
    const direction = cell('Direction').toLowerCase();
    yield record(at, {
      direction: direction === 'incoming' || direction === 'outgoing' ? direction : null,
      from: { name: cell('From'), url: cell('inviterProfileUrl') || null },
      to: { name: cell('To'), url: cell('inviteeProfileUrl') || null },
      sentOn,
      sentAt,
      message: cell('Message') || null,
    });
  }
  if (!column) throw new ImportError('empty', 'the file is empty', file);
}
