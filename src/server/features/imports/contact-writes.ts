// The SQL of an import's contacts: read the account's match keys in pages, load the rows a batch
// merges into, insert new contacts with multi-row INSERTs and update merged ones with one
// statement per batch. Every statement is scoped by account_id.
import { and, asc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Circle, ContactSource } from '#shared/enums.js';
import type { Tx } from '../../db/database.js';
import { contacts } from '../../db/schema.js';
import type { MatchFields } from './matching.js';
import type { MergeFields } from './fill-empty-fields.js';

const KEY_PAGE = 5_000;

const matchColumns = {
  id: contacts.id,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  displayName: contacts.displayName,
  company: contacts.company,
  emails: contacts.emails,
  phones: contacts.phones,
  linkedinKey: contacts.linkedinKey,
};

/** The account's contacts, a page at a time, with what matching needs. */
export async function* contactMatchKeys(tx: Tx, accountId: string): AsyncGenerator<(MatchFields & { id: string })[]> {
  let after: string | null = null;
  for (;;) {
    const page: (MatchFields & { id: string })[] = await tx
      .select(matchColumns)
      .from(contacts)
      .where(and(eq(contacts.accountId, accountId), after ? gt(contacts.id, after) : undefined))
      .orderBy(asc(contacts.id))
      .limit(KEY_PAGE);
    if (page.length === 0) return;
    yield page;
    after = page[page.length - 1]!.id;
  }
}

const mergeColumns = {
  ...matchColumns,
  links: contacts.links,
  title: contacts.title,
  location: contacts.location,
  birthday: contacts.birthday,
  photo: contacts.photo,
  notes: contacts.notes,
  tags: contacts.tags,
  metOn: contacts.metOn,
};

export async function loadMergeRows(tx: Tx, accountId: string, ids: string[]): Promise<Map<string, MergeFields>> {
  if (ids.length === 0) return new Map();
  const rows = await tx
    .select(mergeColumns)
    .from(contacts)
    .where(and(eq(contacts.accountId, accountId), inArray(contacts.id, ids)));
  return new Map(rows.map(({ id, ...fields }) => [id, fields]));
}

export interface NewContact {
  id: string;
  fields: MergeFields;
  circle: Circle;
  source: ContactSource;
}

export async function insertContacts(tx: Tx, accountId: string, rows: NewContact[], now: Date) {
  if (rows.length === 0) return;
  await tx.insert(contacts).values(
    rows.map(({ id, fields, circle, source }) => ({ id, accountId, ...fields, circle, source, stage: 'new' as const, createdAt: now, updatedAt: now })),
  );
}

/**
 * Writes merged contacts in one statement: the rows travel as one JSON parameter (a batch of
 * 500 would otherwise need thousands of bind parameters).
 */
export async function updateContacts(tx: Tx, accountId: string, rows: { id: string; fields: MergeFields }[], now: Date) {
  if (rows.length === 0) return;
  const payload = JSON.stringify(
    rows.map(({ id, fields: f }) => ({
      id,
      first_name: f.firstName,
      last_name: f.lastName,
      display_name: f.displayName,
      emails: f.emails,
      phones: f.phones,
      links: f.links,
      company: f.company,
      title: f.title,
      location: f.location,
      birthday: f.birthday,
      photo: f.photo,
      notes: f.notes,
      tags: f.tags,
      met_on: f.metOn,
      linkedin_key: f.linkedinKey,
    })),
  );
  await tx.execute(sql`
    update ${contacts} c set
      first_name = v.first_name, last_name = v.last_name, display_name = v.display_name,
      emails = v.emails, phones = v.phones, links = v.links, company = v.company, title = v.title,
      location = v.location, birthday = v.birthday, photo = v.photo, notes = v.notes, tags = v.tags,
      met_on = v.met_on, linkedin_key = v.linkedin_key, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${payload}::jsonb) as v(
      id uuid, first_name text, last_name text, display_name text, emails text[], phones text[],
      links text[], company text, title text, location text, birthday text, photo text, notes text,
      tags text[], met_on date, linkedin_key text)
    where c.account_id = ${accountId} and c.id = v.id`);
}
