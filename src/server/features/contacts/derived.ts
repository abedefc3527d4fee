// What is stored on a contact so the heavy screens read an index instead of computing over every
// contact (issue 10): the keep-in-touch base, cadence and due date (Today, the "due" filter, the
// contact's keepInTouchDueOn) and the matching keys with the duplicate pairs judged from them (the
// duplicates finder, features/contacts/duplicate-pairs.ts). Every write that
// changes their inputs calls one of the two set-based functions below, by the ids it touched or
// for the whole account; tests/api/stored-derived.test.ts tours those writes and checks the
// stored values against the pure rules.
import { and, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { storedKeys } from '#shared/rules/contact-keys.js';
import { arrayLiteral } from '../../db/array-literal.js';
import { fromJsonChunks, inOrderedJsonChunks, queryRows, type Tx } from '../../db/database.js';
import { accounts, contactKeys, contacts, interactionContacts, users } from '../../db/schema.js';
import { keyHolders, lockMatchKeys, refreshDuplicatePairs, SCOPED_LIMIT } from './duplicate-pairs.js';

export type ContactIds = readonly string[] | 'all';

/** Large id lists go in slices: one statement's parameters stay well under PostgreSQL's 65,535. */
const SLICE = 5_000;

function slices(ids: readonly string[]): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < ids.length; i += SLICE) out.push(ids.slice(i, i + SLICE));
  return out;
}

/** Ids as ONE uuid[] parameter: 5,000 separate parameters cost the query builder more than the lookup. */
const idList = (ids: readonly string[]) => sql`${`{${ids.join(',')}}`}::uuid[]`;

/**
 * The account's keep-in-touch settings as one row (tz, personal, professional, opportunity): the
 * cadences of the account and the time zone of its first user (an account has one user; a
 * second one, if ever added, sees the first one's local dates).
 */
function settingsSql(accountId: string): SQL {
  return sql`select a.cadence_personal_days as personal, a.cadence_professional_days as professional,
      a.cadence_opportunity_days as opportunity,
      coalesce((select u.time_zone from ${users} u where u.account_id = a.id order by u.created_at, u.id limit 1), 'UTC') as tz
    from ${accounts} a where a.id = ${accountId}`;
}

/**
 * The SQL twin of effectiveCadence() and silenceStartedOn() in src/shared/rules/cadence.ts, over
 * `c` (a contacts row), `s` (settingsSql) and `last` (the newest touch). It is the only copy:
 * everything else reads the stored columns, and the agreement test compares them with the rule.
 */
const cadenceOf = sql`coalesce(c.cadence_days, case c.circle when 'personal' then s.personal when 'opportunity' then s.opportunity else s.professional end)`;
const baseOf = (last: SQL) => sql`coalesce((${last} at time zone s.tz)::date, c.met_on, (c.created_at at time zone s.tz)::date)`;

/**
 * The stored keep-in-touch columns of contacts being inserted, which have no touch yet: over `c`
 * (the new rows, with circle, met_on, created_at and cadence_days) and `s` (`settings`, a CTE).
 * An import inserts them ready instead of writing every new row a second time in
 * refreshKeepInTouch() (an UPDATE that rewrites the row and all nine of its indexes).
 */
export function newContactKeepInTouch(accountId: string): { settings: SQL; base: SQL; cadence: SQL } {
  return { settings: settingsSql(accountId), base: baseOf(sql`null::timestamptz`), cadence: cadenceOf };
}

/**
 * Recomputes the stored keep-in-touch base, cadence and due date of the given contacts (or all of
 * the account's) in one statement per slice of ids. With `lastTouch`, last_interaction_at is
 * recomputed first from the touches (after touches were added, moved or deleted). Rows whose
 * values do not change are not written.
 *
 * `s` and `l` are MATERIALIZED on purpose: inlined, PostgreSQL copies the settings' time-zone
 * subquery and the newest-touch subquery into every place their columns are used (the new values
 * and the IS DISTINCT FROM test), about ten lookups per contact instead of two (docs/performance.md).
 */
export async function refreshKeepInTouch(tx: Tx, accountId: string, ids: ContactIds, options: { lastTouch?: boolean } = {}) {
  if (ids !== 'all' && ids.length === 0) return;
  for (const slice of ids === 'all' ? [null] : slices([...new Set(ids)])) {
    const last = options.lastTouch
      ? sql`(select max(ic.occurred_at) from ${interactionContacts} ic where ic.contact_id = c.id)`
      : sql`c.last_interaction_at`;
    await tx.execute(sql`
      with s as materialized (${settingsSql(accountId)}),
      l as materialized (
        select c.id, c.cadence_days, c.circle, c.met_on, c.created_at, ${last} as last
        from ${contacts} c
        where c.account_id = ${accountId} ${slice ? sql`and c.id = any(${idList(slice)})` : sql``}
      ),
      v as (
        select c.id, c.last, ${baseOf(sql`c.last`)} as base, ${cadenceOf} as cadence
        from l c cross join s
      )
      update ${contacts} c set last_interaction_at = v.last, keep_in_touch_base = v.base,
        keep_in_touch_cadence = v.cadence, keep_in_touch_due_on = v.base + v.cadence
      from v
      where c.account_id = ${accountId} and c.id = v.id
        and (c.last_interaction_at, c.keep_in_touch_base, c.keep_in_touch_cadence, c.keep_in_touch_due_on)
          is distinct from (v.last, v.base, v.cadence, v.base + v.cadence)`);
  }
}

/**
 * Bumped when storedKeys() (or what else is keyed) changes: accounts with an older version are
 * re-keyed on next use. 2: the LinkedIn key is stored too, and the duplicate pairs with it.
 */
export const MATCH_KEYS_VERSION = 2;

const KEY_ROWS_PER_INSERT = 20_000;

/** What storedKeys() and the LinkedIn key read of a contact, as stored. */
export interface KeyFields {
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  company: string | null;
  emails: string[];
  phones: string[];
  linkedinKey: string | null;
}

/**
 * Recomputes the stored matching keys (storedKeys() in src/shared/rules/contact-keys.ts, and the
 * LinkedIn key) of the given contacts, or of the whole account (which also marks the account's
 * keys as current), then the duplicate pairs those keys can change: of the contacts that shared a
 * key with them before or share one now.
 */
export async function refreshMatchKeys(
  tx: Tx,
  accountId: string,
  ids: ContactIds,
  options: { created?: ReadonlySet<string>; written?: ReadonlyMap<string, KeyFields> } = {},
) {
  if (ids !== 'all' && ids.length === 0) return;
  await lockMatchKeys(tx, accountId);
  const unique = ids === 'all' ? null : [...new Set(ids)];
  // Past SCOPED_LIMIT (a large import) the pairs are only marked stale: no need for the holders.
  const scoped = unique !== null && unique.length <= SCOPED_LIMIT;
  const before = scoped ? await keyHolders(tx, accountId, unique) : [];
  await writeMatchKeys(tx, accountId, unique, options.created, options.written);
  if (!unique) {
    await tx.update(accounts).set({ matchKeysVersion: MATCH_KEYS_VERSION }).where(eq(accounts.id, accountId));
    await refreshDuplicatePairs(tx, accountId, 'all');
  } else {
    await refreshDuplicatePairs(tx, accountId, scoped ? [...unique, ...before, ...(await keyHolders(tx, accountId, unique))] : unique);
  }
}

/**
 * The key fields of the given contacts, or of the whole account (`null`), oldest first, so where two
 * contacts share a key the older keeps it (imports/matching.ts: a key already taken keeps its
 * contact). One sequential read for the whole account (pages in id order read the table in random
 * order: on the bench's 30,000 contacts, 16 pages took about eight times as long as one pass). As
 * JSON (db/database.ts, inJsonChunks): PGlite decoding the heavy user's 240,000 values one by one
 * took ~0.5 s of a 30,000-connection reimport, which this read and the merge rows' as JSON took
 * from 7.8 to 6.4 s (the means of seven interleaved pairs: docs/performance.md).
 */
export async function readKeyFields(tx: Tx, accountId: string, ids: readonly string[] | null): Promise<(KeyFields & { id: string })[]> {
  return fromJsonChunks(
    await queryRows<{ rows: (KeyFields & { id: string })[] }>(
      tx,
      inOrderedJsonChunks(sql`
        select id, first_name as "firstName", last_name as "lastName", display_name as "displayName", company, emails, phones,
          linkedin_key as "linkedinKey"
        from ${contacts} where account_id = ${accountId} ${ids ? sql`and id = any(${idList(ids)})` : sql``}
        order by created_at, id`),
    ),
  );
}

/**
 * `created`: contacts inserted in this transaction, which hold no keys yet (an import's new
 * contacts): there is nothing of theirs to delete. `written`: the fields this transaction last
 * wrote to some of the contacts (an import's), so they are not read back: PGlite decodes every
 * value of a result on its own, and reading the bench's 30,000 new contacts back was 7 statements
 * and ~2 s of a loaded import's time (docs/architecture.md#how-an-import-runs). Ids go as one
 * uuid[] parameter each.
 */
async function writeMatchKeys(tx: Tx, accountId: string, unique: string[] | null, created?: ReadonlySet<string>, written?: ReadonlyMap<string, KeyFields>) {
  for (const slice of unique ? slices(unique) : [null]) {
    const known = slice && written ? slice.filter((id) => written.has(id)) : [];
    const unknown = known.length > 0 ? slice!.filter((id) => !written!.has(id)) : slice;
    const read = unknown && unknown.length === 0 ? [] : await readKeyFields(tx, accountId, unknown);
    const rows = [...known.map((id) => ({ id, ...written!.get(id)! })), ...read];
    const toDelete = slice && created ? slice.filter((id) => !created.has(id)) : slice;
    if (!toDelete) {
      await tx.delete(contactKeys).where(eq(contactKeys.accountId, accountId));
    } else if (toDelete.length > 0) {
      await tx.execute(sql`delete from ${contactKeys} where account_id = ${accountId} and contact_id = any(${idList(toDelete)})`);
    }
    // Three array parameters per statement, unnested by the database: binding 20,000 keys as
    // 60,000 separate parameters costs more than the insert itself.
    const ids: string[] = [];
    const kinds: string[] = [];
    const keys: string[] = [];
    for (const r of rows) {
      const row = { id: r.id, firstName: r.firstName, lastName: r.lastName, displayName: r.displayName, company: r.company, emails: r.emails, phones: r.phones };
      const rowKeys = r.linkedinKey ? [...storedKeys(row), { kind: 'linkedin', key: r.linkedinKey }] : storedKeys(row);
      for (const k of rowKeys) {
        ids.push(row.id);
        kinds.push(k.kind);
        keys.push(k.key);
      }
    }
    for (let i = 0; i < ids.length; i += KEY_ROWS_PER_INSERT) {
      // The keys hold commas, quotes and braces: arrayLiteral quotes each one.
      const part = (list: string[]) => arrayLiteral(list.slice(i, i + KEY_ROWS_PER_INSERT));
      await tx.execute(sql`
        insert into ${contactKeys} (account_id, contact_id, kind, key)
        select ${accountId}, unnest(${part(ids)}::uuid[]), unnest(${part(kinds)}::text[]), unnest(${part(keys)}::text[])`);
    }
  }
}

/**
 * Deleting contacts deletes their keys and pairs (neither table has a foreign key to cascade:
 * schema.ts), and re-judges the pairs of those who shared a key with them.
 */
export async function deleteMatchKeys(tx: Tx, accountId: string, ids: readonly string[]) {
  if (ids.length === 0) return;
  await lockMatchKeys(tx, accountId);
  const holders = ids.length > SCOPED_LIMIT ? [] : await keyHolders(tx, accountId, ids);
  await tx.delete(contactKeys).where(and(eq(contactKeys.accountId, accountId), inArray(contactKeys.contactId, [...ids])));
  await refreshDuplicatePairs(tx, accountId, [...ids, ...holders]);
}

/** Keys computed with an older storedKeys() (or never: accounts older than the table) are redone. */
export async function ensureMatchKeysCurrent(tx: Tx, accountId: string) {
  const [account] = await tx.select({ version: accounts.matchKeysVersion }).from(accounts).where(eq(accounts.id, accountId));
  if (account && account.version !== MATCH_KEYS_VERSION) await refreshMatchKeys(tx, accountId, 'all');
}

/** After a write to contacts' own fields: both stored derivations of those contacts. */
export async function refreshContacts(tx: Tx, accountId: string, ids: ContactIds, options: { lastTouch?: boolean } = {}) {
  await refreshKeepInTouch(tx, accountId, ids, options);
  await refreshMatchKeys(tx, accountId, ids);
}
