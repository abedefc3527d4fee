// LinkedIn's messages.csv: one row per message, `CONVERSATION ID,CONVERSATION TITLE,FROM,
// SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,SUBJECT,CONTENT,FOLDER`. Group
// conversations list every recipient (names joined by ", ", URLs by ","); dates are UTC.
// Older exports have no URL columns; sponsored messages come from "LinkedIn Member" with no URL.
// Newer ones add `IS MESSAGE DRAFT` and `IS CONVERSATION DRAFT`: a draft was never sent, so it is
// no touch and must not move anyone's keep-in-touch date.
import { ImportError } from '../errors.js';
import { columnIndex, headerKey, type CsvRow } from '../csv-records.js';
import { parseUtcDateTime } from './dates.js';
import type { LinkedinPerson } from './linkedin-invitations.js';
import { record, skip, type Parsed } from './parsed.js';

export interface MessageRecord {
  conversationId: string;
  conversationTitle: string | null;
  from: LinkedinPerson;
  to: LinkedinPerson[];
  sentAt: Date;
  subject: string | null;
  content: string;
}

export function isMessagesHeader(cells: string[]): boolean {
  const keys = new Set(cells.map(headerKey));
  return keys.has('conversation id') && keys.has('from') && keys.has('date');
}

/** Pairs recipient names with their URLs; names may hold commas ("Smith, PhD"), URLs never do. */
export function recipients(names: string, urls: string | null): LinkedinPerson[] {
  const urlList = (urls ?? '').split(',').map((u) => u.trim()).filter(Boolean);
  if (urlList.length === 0) return names.trim() ? names.split(/,\s+/).map((name) => ({ name: name.trim(), url: null })) : [];
  if (urlList.length === 1) return [{ name: names.trim(), url: urlList[0]! }];
  const nameList = names.split(/,\s+/).map((n) => n.trim());
  return urlList.map((url, i) => ({ name: nameList.length === urlList.length ? nameList[i]! : '', url }));
}

const SPONSOR = /^linkedin( member)?$/i;
const YES = /^(yes|true|1)$/i;
const DRAFT_COLUMNS = ['IS MESSAGE DRAFT', 'IS CONVERSATION DRAFT'];

export async function* parseMessages(rows: AsyncIterable<CsvRow>, file = 'messages.csv'): AsyncGenerator<Parsed<MessageRecord>> {
  let column: ((name: string) => number) | undefined;
  let hasUrls = false;
  for await (const row of rows) {
    if (!column) {
      if (!isMessagesHeader(row.cells)) {
        throw new ImportError('wrong_format', 'the first line is not the header of a LinkedIn messages.csv (CONVERSATION ID, FROM, DATE…)', file, { line: row.line });
      }
      column = columnIndex(row.cells);
      hasUrls = column('SENDER PROFILE URL') !== -1;
      continue;
    }
    const cell = (name: string) => {
      const i = column!(name);
      return i === -1 ? '' : (row.cells[i] ?? '').trim();
    };
    const at = { line: row.line };
    const fromName = cell('FROM');
    const fromUrl = cell('SENDER PROFILE URL') || null;
    if ((hasUrls && !fromUrl) || (!hasUrls && SPONSOR.test(fromName))) {
      yield skip(at, 'sponsored_message', `a sponsored or system message from "${fromName || 'LinkedIn'}", not from a person`);
      continue;
    }
    if (DRAFT_COLUMNS.some((name) => YES.test(cell(name)))) {
      yield skip(at, 'draft', 'an unsent draft, not a message');
      continue;
    }
    const conversationId = cell('CONVERSATION ID');
    if (!conversationId) {
      yield skip(at, 'incomplete', 'a message without a conversation id');
      continue;
    }
    const date = cell('DATE');
    const sentAt = parseUtcDateTime(date);
    if (!sentAt) {
      yield skip(at, 'bad_date', `"${date.slice(0, 40)}" is not a date`);
      continue;
    }
    yield record(at, {
      conversationId,
      conversationTitle: cell('CONVERSATION TITLE') || null,
      from: { name: fromName, url: fromUrl },
      to: recipients(cell('TO'), cell('RECIPIENT PROFILE URLS') || null),
      sentAt,
      subject: cell('SUBJECT') || null,
      // Not trimmed by cell(): a message's own line breaks matter.
      content: (row.cells[column('CONTENT')] ?? '').replace(/\r\n?/g, '\n'),
    });
  }
  if (!column) throw new ImportError('empty', 'the file is empty', file);
}
