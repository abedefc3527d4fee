// The SQL of an import's contacts (the account's match keys are contacts/derived.ts'
// readKeyFields): load the rows a batch merges into, insert new contacts and update merged ones
// with one statement per batch. Every
// statement is scoped by account_id, and every batch is one JSON parameter (batch.ts says why).
import { sql } from 'drizzle-orm';
import type { Circle, ContactSource } from '#shared/enums.js';
import { fromJsonChunks, inJsonChunks, queryRows, type Tx } from '../../db/database.js';
import { contacts } from '../../db/schema.js';
import { uuidArray } from './batch.js';
import { newContactKeepInTouch } from '../contacts/derived.js';
import type { MergeFields } from './fill-empty-fields.js';

interface MergeRow {
  id: string;
  first_name: string | null;
  last_name: string | null;
  display_name: string;
  emails: string[];
  phones: string[];
  links: string[];
  company: string | null;
  title: string | null;
  location: string | null;
  birthday: string | null;
  photo: string | null;
  notes: string | null;
  tags: string[];
  met_on: string | null;
  linkedin_key: string | null;
}

export async function loadMergeRows(tx: Tx, accountId: string, ids: string[]): Promise<Map<string, MergeFields>> {
  if (ids.length === 0) return new Map();
  const rows = fromJsonChunks(
    await queryRows<{ rows: MergeRow[] }>(
      tx,
      inJsonChunks(sql`select id, first_name, last_name, display_name, emails, phones, links, company, title, location, birthday,
                          photo, notes, tags, met_on::text as met_on, linkedin_key
                       from ${contacts} where account_id = ${accountId} and id = any(${uuidArray(ids)}::uuid[])`),
    ),
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        firstName: r.first_name,
        lastName: r.last_name,
        displayName: r.display_name,
        emails: r.emails,
        phones: r.phones,
        links: r.links,
        company: r.company,
        title: r.title,
        location: r.location,
        birthday: r.birthday,
        photo: r.photo,
        notes: r.notes,
        tags: r.tags,
        metOn: r.met_on,
        linkedinKey: r.linkedin_key,
      },
    ]),
  );
}

export interface NewContact {
  id: string;
  fields: MergeFields;
  circle: Circle;
  source: ContactSource;
}

/** A batch of contacts as one JSON array, in the column names of `contactColumns` below. */
function payload(rows: { id: string; fields: MergeFields; circle?: Circle; source?: ContactSource }[]): string {
  return JSON.stringify(
    rows.map(({ id, fields: f, circle, source }) => ({
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
      circle,
      source,
    })),
  );
}

/** The record type `payload` is read back as. */
const contactColumns = sql.raw(`v(
  id uuid, first_name text, last_name text, display_name text, emails text[], phones text[],
  links text[], company text, title text, location text, birthday text, photo text, notes text,
  tags text[], met_on date, linkedin_key text, circle text, source text)`);

/**
 * New contacts, one statement per batch; the generated search text is computed by the insert, and
 * the stored keep-in-touch columns too (derived.ts), so no second write of each new row follows.
 */
export async function insertContacts(tx: Tx, accountId: string, rows: NewContact[], now: Date) {
  if (rows.length === 0) return;
  const at = now.toISOString();
  const keep = newContactKeepInTouch(accountId);
  await tx.execute(sql`
    with s as (${keep.settings})
    insert into ${contacts} (id, account_id, first_name, last_name, display_name, emails, phones, links,
      company, title, location, birthday, photo, notes, tags, met_on, linkedin_key, circle, source, stage,
      created_at, updated_at, keep_in_touch_base, keep_in_touch_cadence, keep_in_touch_due_on)
    select c.id, ${accountId}::uuid, c.first_name, c.last_name, c.display_name, c.emails, c.phones, c.links,
      c.company, c.title, c.location, c.birthday, c.photo, c.notes, c.tags, c.met_on, c.linkedin_key, c.circle,
      c.source, 'new', c.created_at, c.created_at, ${keep.base}, ${keep.cadence}, ${keep.base} + ${keep.cadence}
    from (select v.*, ${at}::timestamptz as created_at, null::integer as cadence_days
          from jsonb_to_recordset(${payload(rows)}::jsonb) as ${contactColumns}) c
    cross join s`);
}

/** Merged contacts, one statement per batch. */
export async function updateContacts(tx: Tx, accountId: string, rows: { id: string; fields: MergeFields }[], now: Date) {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update ${contacts} c set
      first_name = v.first_name, last_name = v.last_name, display_name = v.display_name,
      emails = v.emails, phones = v.phones, links = v.links, company = v.company, title = v.title,
      location = v.location, birthday = v.birthday, photo = v.photo, notes = v.notes, tags = v.tags,
      met_on = v.met_on, linkedin_key = v.linkedin_key, updated_at = ${now.toISOString()}::timestamptz
    from jsonb_to_recordset(${payload(rows)}::jsonb) as ${contactColumns}
    where c.account_id = ${accountId} and c.id = v.id`);
}
