// Contacts → vCard 4.0 (or 3.0 for older address books), written by ical.js. Everything a vCard
// can carry goes out, photos included, so importing the file again finds every contact and
// changes nothing. The export streams: a page of contacts at a time.
import ICAL from 'ical.js';
import { and, asc, eq, gt } from 'drizzle-orm';
import type { Db } from '../../db/database.js';
import { contacts } from '../../db/schema.js';

export type VcardVersion = '4.0' | '3.0';

export interface VcardContact {
  id: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  emails: string[];
  phones: string[];
  company: string | null;
  title: string | null;
  location: string | null;
  links: string[];
  birthday: string | null;
  photo: string | null;
  notes: string | null;
  tags: string[];
}

type JProperty = [string, Record<string, string>, string, ...unknown[]];

const DATA_URL = /^data:image\/([a-z]+);base64,(.*)$/s;

function photoProperty(photo: string, version: VcardVersion): JProperty | null {
  const match = DATA_URL.exec(photo);
  if (!match) return null;
  const base64 = match[2]!.replace(/\s+/g, '');
  if (version === '4.0') return ['photo', {}, 'uri', `data:image/${match[1]};base64,${base64}`];
  return ['photo', { encoding: 'b', type: match[1]!.toUpperCase() }, 'binary', base64];
}

/**
 * A value can never start a new line of the card. ical.js escapes a line feed in a text value
 * (`\n`) but not a lone carriage return, and writes uri, phone-number and date values as they are:
 * so text keeps its line breaks as line feeds, and other values lose every control character.
 * Without this a name like `Ana\r\nEND:VCARD\r\nBEGIN:VCARD` would add a card of its own.
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g;
const ANY_CONTROL = /[\u0000-\u001f\u007f]/g;

function safeValue(value: unknown, type: string): unknown {
  if (typeof value !== 'string') return Array.isArray(value) ? value.map((v) => safeValue(v, type)) : value;
  return type === 'text' ? value.replace(/\r\n?/g, '\n').replace(CONTROL, '') : value.replace(ANY_CONTROL, '');
}

const safeProperty = ([name, params, type, ...values]: JProperty): JProperty => [name, params, type, ...values.map((v) => safeValue(v, type))] as JProperty;

/** What a CardDAV card says beyond the contact (features/dav): a UID a phone chose, categories. */
export interface CardExtras {
  uid?: string;
  /** Instead of the tags alone (the address book adds the circle). */
  categories?: string[];
}

/** One card (pure). */
export function contactToVcard(c: VcardContact, version: VcardVersion, extras: CardExtras = {}): string {
  const dateType = version === '4.0' ? 'date-and-or-time' : 'date';
  const props: JProperty[] = [
    // ical.js picks 3.0 or 4.0 rules from the first property: VERSION comes first.
    ['version', {}, 'text', version],
    ['uid', {}, 'text', extras.uid ?? `urn:uuid:${c.id}`],
    ['fn', {}, 'text', c.displayName],
    ['n', {}, 'text', [c.lastName ?? '', c.firstName ?? '', '', '', '']],
  ];
  if (c.company) props.push(['org', {}, 'text', [c.company]]);
  if (c.title) props.push(['title', {}, 'text', c.title]);
  for (const email of c.emails) props.push(['email', { type: 'internet' }, 'text', email]);
  for (const phone of c.phones) props.push(['tel', {}, version === '4.0' ? 'text' : 'phone-number', phone]);
  if (c.location) props.push(['adr', {}, 'text', ['', '', '', c.location, '', '', '']]);
  for (const link of c.links) props.push(['url', {}, 'uri', link]);
  if (c.birthday) props.push(['bday', {}, dateType, c.birthday]);
  if (c.notes) props.push(['note', {}, 'text', c.notes.replace(/\r\n?/g, '\n')]);
  const photo = c.photo ? photoProperty(c.photo, version) : null;
  if (photo) props.push(photo);
  const categories = extras.categories ?? c.tags;
  if (categories.length > 0) props.push(['categories', {}, 'text', ...categories]);
  return ICAL.stringify(['vcard', props.map(safeProperty), []] as never);
}

const PAGE = 200;

/** Every contact of the account as vCard text, a page at a time, in a stable order. */
export async function* vcardExport(db: Db, accountId: string, version: VcardVersion): AsyncGenerator<string> {
  let after: string | null = null;
  for (;;) {
    const page: VcardContact[] = await db
      .select({
        id: contacts.id,
        firstName: contacts.firstName,
        lastName: contacts.lastName,
        displayName: contacts.displayName,
        emails: contacts.emails,
        phones: contacts.phones,
        company: contacts.company,
        title: contacts.title,
        location: contacts.location,
        links: contacts.links,
        birthday: contacts.birthday,
        photo: contacts.photo,
        notes: contacts.notes,
        tags: contacts.tags,
      })
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), after ? gt(contacts.id, after) : undefined))
      .orderBy(asc(contacts.id))
      .limit(PAGE);
    if (page.length === 0) return;
    yield page.map((c) => contactToVcard(c, version)).join('');
    after = page[page.length - 1]!.id;
  }
}
