// The address book's cards: one per contact of the account. What a card shows (names, company,
// title, e-mails, phones, address, links, birthday, notes, photo, and the circle and tags as
// CATEGORIES) is written by the vCard export's own writer; what a phone sends back is read by the
// vCard import's own parser, and only the fields a vCard carries are changed (a phone knows
// nothing of cadences, stages, favors or touches, so its copy never overwrites them).
import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Db, type Tx } from '../../db/database.js';
import { contactChanges, contacts, users } from '../../db/schema.js';
import { circleNames } from '../../i18n/messages.js';
import { HttpProblem } from '../../http/problems.js';
import { refreshContacts } from '../contacts/derived.js';
import { deriveDisplayName, toColumns } from '../contacts/mapping.js';
import { cleanDraft, hasIdentity } from '../imports/contact-draft.js';
import { draftFromJcard, parseCard } from '../imports/parsers/vcard.js';
import { contactToVcard, type VcardVersion } from '../imports/vcard-export.js';
import type { Language } from '#shared/enums.js';

/** One card as the address book lists it. */
export interface CardRef {
  contactId: string;
  /** The last segment of its address: `<contact id>.vcf`, or the name a phone gave it. */
  name: string;
  etag: string;
}

/**
 * The strong ETag of a card: a digest of everything the card shows, computed by the database so
 * listing 30,000 cards never loads their photos. Any change of those fields changes it.
 */
const etagSql = sql<string>`'"' || md5(jsonb_build_array(c.first_name, c.last_name, c.display_name, c.emails, c.phones, c.company, c.title,
  c.location, c.links, c.birthday, c.photo, c.notes, c.circle, c.tags, ch.dav_uid)::text) || '"'`;

const refColumns = sql`c.id as contact_id, coalesce(ch.dav_name, c.id::text || '.vcf') as name, ${etagSql} as etag`;
const fromCards = sql`from contacts c left join contact_changes ch on ch.account_id = c.account_id and ch.contact_id = c.id`;

interface RefRow {
  contact_id: string;
  name: string;
  etag: string;
}
const toRef = (r: RefRow): CardRef => ({ contactId: r.contact_id, name: r.name, etag: r.etag });

export async function listCards(db: Tx, accountId: string): Promise<CardRef[]> {
  const rows = await queryRows<RefRow>(db, sql`select ${refColumns} ${fromCards} where c.account_id = ${accountId} order by c.id`);
  return rows.map(toRef);
}

export async function cardsByIds(db: Tx, accountId: string, ids: string[]): Promise<CardRef[]> {
  if (ids.length === 0) return [];
  const rows = await queryRows<RefRow>(
    db,
    sql`select ${refColumns} ${fromCards} where c.account_id = ${accountId} and c.id in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid) order by c.id`,
  );
  return rows.map(toRef);
}

const UUID_VCF = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.vcf$/i;

/** The card at `name` in the account's book, if any. */
export async function findCard(db: Tx, accountId: string, name: string): Promise<CardRef | null> {
  const id = UUID_VCF.exec(name)?.[1]?.toLowerCase() ?? null;
  const rows = await queryRows<RefRow>(
    db,
    sql`select ${refColumns} ${fromCards} where c.account_id = ${accountId}
      and (ch.dav_name = ${name} or (ch.dav_name is null and ${id}::uuid is not null and c.id = ${id}::uuid)) limit 1`,
  );
  return rows[0] ? toRef(rows[0]) : null;
}

/**
 * A sync token (RFC 6578): the newest change the client has seen (`seq`), and the transactions
 * that were still running when the token was given. Sequence numbers are handed out when a
 * transaction writes, not when it commits: an import that started earlier can commit its
 * smaller numbers after a sync has already answered with a bigger one. Those transactions are
 * named in the token, and the next sync asks again for their rows, whatever their numbers.
 */
export interface SyncToken {
  seq: number;
  pending: string[];
}

const SYNC_PREFIX = 'urn:circulo:sync:';
/** A sequence number or a transaction id: decimal digits (the pattern checks the token's text, not XML). */
const XIDS = /^\d{1,20}$/;

export const formatToken = (token: SyncToken) => `${SYNC_PREFIX}${token.seq}${token.pending.length > 0 ? `~${token.pending.join('.')}` : ''}`;

/** A token this server gave, or null. */
export function parseToken(text: string): SyncToken | null {
  if (!text.startsWith(SYNC_PREFIX)) return null;
  const [seqText, pendingText] = text.slice(SYNC_PREFIX.length).split('~');
  const seq = Number(seqText);
  const pending = pendingText ? pendingText.split('.') : [];
  if (!XIDS.test(seqText ?? '') || !Number.isSafeInteger(seq) || pending.length > 10_000 || !pending.every((xid) => XIDS.test(xid))) return null;
  return { seq, pending };
}

export interface Change {
  contactId: string;
  name: string;
  deleted: boolean;
  seq: number;
}

/**
 * The account's current token and, from `since`, what changed after it: one statement, so the
 * changes, the newest number and the running transactions are read from the same snapshot.
 */
export async function syncState(db: Tx, accountId: string, since: SyncToken | null): Promise<{ token: SyncToken; ctag: string; changes: Change[] }> {
  const [row] = await queryRows<{ max_seq: string | number; sum_seq: string | number; pending: string[]; changes: { contact_id: string; name: string; deleted: boolean; seq: string | number }[] }>(
    db,
    sql`with snap as (select pg_current_snapshot() as s)
      select
        (select coalesce(max(seq), 0) from contact_changes where account_id = ${accountId}) as max_seq,
        (select coalesce(sum(seq), 0) from contact_changes where account_id = ${accountId}) as sum_seq,
        (select coalesce(json_agg(x::text), '[]'::json) from snap, pg_snapshot_xip(snap.s) x) as pending,
        (select coalesce(json_agg(json_build_object('contact_id', contact_id, 'name', coalesce(dav_name, contact_id::text || '.vcf'), 'deleted', deleted, 'seq', seq) order by seq), '[]'::json)
          from contact_changes where account_id = ${accountId} and ${since !== null}
            and (seq > ${since?.seq ?? 0} or xid in (select jsonb_array_elements_text(${JSON.stringify(since?.pending ?? [])}::jsonb)::bigint))) as changes`,
  );
  return {
    token: { seq: Number(row!.max_seq), pending: row!.pending },
    // Every change gives its contact's row a new, bigger number, committed early or late: the sum
    // grows with each one, which is all a CTag must do (clients compare it for equality).
    ctag: String(row!.sum_seq),
    changes: row!.changes.map((c) => ({ contactId: c.contact_id, name: c.name, deleted: c.deleted, seq: Number(c.seq) })),
  };
}

const CIRCLE_LABELS = new Set(Object.values(circleNames).flatMap((names) => Object.values(names).map((name) => name.toLowerCase())));

/** The vCard text of cards, by contact id, in the version asked. */
export async function renderCards(db: Tx, accountId: string, userId: string, ids: string[], version: VcardVersion): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const [user] = await db.select({ language: users.language }).from(users).where(eq(users.id, userId));
  const circles = circleNames[(user?.language ?? 'en') as Language];
  const rows = await db
    .select({ contact: contacts, davUid: contactChanges.davUid })
    .from(contacts)
    .leftJoin(contactChanges, and(eq(contactChanges.accountId, contacts.accountId), eq(contactChanges.contactId, contacts.id)))
    .where(and(eq(contacts.accountId, accountId), sql`${contacts.id} in (select jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)::uuid)`));
  return new Map(
    rows.map(({ contact: c, davUid }) => [
      c.id,
      contactToVcard(c, version, { ...(davUid ? { uid: davUid } : {}), categories: [circles[c.circle], ...c.tags] }),
    ]),
  );
}

/** A card a phone sent, read as the vCard import reads one; a card it cannot read is a 400. */
export function readCard(text: string) {
  let props;
  try {
    props = parseCard(text);
  } catch {
    throw new HttpProblem(400, 'Bad Request', 'This is not a vCard Círculo can read.');
  }
  const { draft } = draftFromJcard(props);
  if (!hasIdentity(draft)) throw new HttpProblem(400, 'Bad Request', 'A card needs a name, an e-mail or a phone number.');
  const uid = props.find((p) => p[0].toLowerCase() === 'uid');
  return { draft: cleanDraft(draft).draft, uid: typeof uid?.[3] === 'string' ? uid[3].slice(0, 500) : null };
}

/** The fields a vCard carries, as a patch of the contact: nothing else is touched. */
function vcardFields(draft: ReturnType<typeof readCard>['draft']) {
  return {
    firstName: draft.firstName,
    lastName: draft.lastName,
    emails: draft.emails,
    phones: draft.phones,
    company: draft.company,
    title: draft.title,
    location: draft.location,
    links: draft.links,
    birthday: draft.birthday,
    notes: draft.notes,
  };
}

/** A card a phone created: a new contact (source `carddav`), found again under the phone's name and UID. */
export async function createFromCard(db: Db, accountId: string, name: string, text: string, now: Date): Promise<string> {
  const { draft, uid } = readCard(text);
  return db.transaction(async (tx) => {
    const fields = vcardFields(draft);
    const [row] = await tx
      .insert(contacts)
      .values({
        ...toColumns(fields),
        accountId,
        displayName: deriveDisplayName({ ...fields, displayName: draft.displayName }),
        photo: draft.photo,
        // The circle names Círculo writes into CATEGORIES are not tags.
        tags: draft.tags.filter((tag) => !CIRCLE_LABELS.has(tag.trim().toLowerCase())),
        circle: draft.circle,
        source: 'carddav',
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: contacts.id });
    const id = row!.id;
    await refreshContacts(tx, accountId, [id]);
    // A card deleted earlier under the same name gives the name up (its deletion is then
    // reported under the contact's id: the name now holds a card again).
    await tx
      .update(contactChanges)
      .set({ davName: null })
      .where(and(eq(contactChanges.accountId, accountId), eq(contactChanges.davName, name), eq(contactChanges.deleted, true)));
    // The trigger has logged the new contact; the phone's own name and UID go with it.
    await tx
      .update(contactChanges)
      .set({ davName: name === `${id}.vcf` ? null : name, davUid: uid && uid !== `urn:uuid:${id}` ? uid : null })
      .where(and(eq(contactChanges.accountId, accountId), eq(contactChanges.contactId, id)));
    return id;
  });
}

/**
 * A phone's edit: the fields a vCard carries change; circles, stage, cadence, history stay.
 * `stillAsRead` checks If-Match against the card as it is under a row lock, so two edits sent
 * at once cannot both pass it: false → nothing is written.
 */
export async function updateFromCard(db: Db, accountId: string, contactId: string, text: string, now: Date, stillAsRead: (etag: string) => boolean): Promise<boolean> {
  const { draft } = readCard(text);
  const fields = vcardFields(draft);
  return db.transaction(async (tx) => {
    const [locked] = await queryRows<{ etag: string }>(
      tx,
      sql`select ${etagSql} as etag ${fromCards} where c.account_id = ${accountId} and c.id = ${contactId} for update of c`,
    );
    if (!locked || !stillAsRead(locked.etag)) return false;
    await tx
      .update(contacts)
      .set({ ...toColumns(fields), displayName: deriveDisplayName({ ...fields, displayName: draft.displayName }), updatedAt: now })
      .where(and(eq(contacts.accountId, accountId), eq(contacts.id, contactId)));
    await refreshContacts(tx, accountId, [contactId]);
    return true;
  });
}
