// The migration that makes every reference account-scoped (account_scoped_references) must not
// fail on a real database that already holds a row linking across accounts: it repairs such rows
// first. Here a database is migrated only up to the migration before it, given one bad row for
// every reference (and good rows around them), and then migrated to the end.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { unaccent } from '@electric-sql/pglite/contrib/unaccent';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Db } from '../../src/server/db/database.js';
import { checkedByTriggers, references } from '../support/account-references.js';
import { freshPostgres } from '../support/harness.js';

const migrations = fileURLToPath(new URL('../../migrations', import.meta.url));
const TAG = 'account_scoped_references';

/** A copy of the migrations folder that stops just before the one under test. */
function migrationsBefore(tag: string): { folder: string; cleanup: () => void } {
  const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith(`_${tag}`));
  if (at < 1) throw new Error(`no migration named *_${tag} in the journal`);
  const folder = mkdtempSync(join(tmpdir(), 'circulo-migrations-'));
  mkdirSync(join(folder, 'meta'));
  const older = journal.entries.slice(0, at);
  for (const entry of older) cpSync(join(migrations, `${entry.tag}.sql`), join(folder, `${entry.tag}.sql`));
  writeFileSync(join(folder, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: older }));
  return { folder, cleanup: () => rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Tables that migrations after the one under test create: their references are composite from
 * the start (account-references.test.ts checks that), so no old row of theirs can need repair.
 */
function tablesCreatedAfter(tag: string): Set<string> {
  const journal = JSON.parse(readFileSync(join(migrations, 'meta', '_journal.json'), 'utf8')) as { entries: { tag: string }[] };
  const at = journal.entries.findIndex((entry) => entry.tag.endsWith(`_${tag}`));
  const later = journal.entries.slice(at + 1).map((entry) => readFileSync(join(migrations, `${entry.tag}.sql`), 'utf8'));
  return new Set(later.flatMap((text) => [...text.matchAll(/CREATE TABLE "(\w+)"/g)].map((m) => m[1]!)));
}

/** The references the migration under test made composite (and had to repair rows for). */
const repaired = references.filter((r) => !tablesCreatedAfter(TAG).has(r.table));

/** An empty database of the kind under test, and how to migrate it to a folder's end. */
async function emptyDatabase(): Promise<{ db: Db; migrateTo: (folder: string) => Promise<void>; close: () => Promise<void> }> {
  if (process.env.CIRCULO_TEST_DB === 'postgres') {
    const fresh = await freshPostgres(process.env.TEST_DATABASE_URL!);
    const pool = new pg.Pool({ connectionString: fresh.url, max: 2 });
    const db = drizzleNodePg(pool);
    return {
      db: db as unknown as Db,
      migrateTo: (folder) => migrateNodePg(db, { migrationsFolder: folder }),
      close: async () => {
        await pool.end();
        await fresh.drop();
      },
    };
  }
  const client = await PGlite.create({ extensions: { pg_trgm, unaccent } });
  const db = drizzlePglite(client);
  return { db: db as unknown as Db, migrateTo: (folder) => migratePglite(db, { migrationsFolder: folder }), close: () => client.close() };
}

/** Predictable ids: u(21) is 00000000-0000-4000-8000-000000000021. */
const u = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const A = u(1);
const B = u(2);
const [userA, userB] = [u(11), u(12)];
const [contactA1, contactA2, contactA3, contactB] = [u(21), u(22), u(24), u(23)];
const [eventA, eventB, campaignA, campaignB] = [u(31), u(32), u(41), u(42)];
const [favorA, favorB, favorOfB, favorIntroducingB] = [u(51), u(52), u(53), u(54)];
const [invitationA, invitationB, invitationOfB] = [u(61), u(62), u(63)];
const [touchA, touchOnlyWithB, touchB] = [u(71), u(72), u(73)];
const T = (day: number) => `2026-0${Math.ceil(day / 28)}-${String(((day - 1) % 28) + 1).padStart(2, '0')}T10:00:00Z`;

/** The state an older database may be in: valid `id` links, some of them to another account's rows. */
const oldRows = `
  insert into accounts (id, name, created_at) values ('${A}', 'A', now()), ('${B}', 'B', now());
  insert into users (id, account_id, email, name, password_hash, created_at) values
    ('${userA}', '${A}', 'a@example.com', 'A', 'x', now()), ('${userB}', '${B}', 'b@example.com', 'B', 'x', now());
  insert into sessions (id_hash, account_id, user_id, csrf_token, created_at, expires_at) values
    ('good', '${A}', '${userA}', 't', now(), now()), ('bad', '${A}', '${userB}', 't', now(), now());
  insert into api_tokens (id, account_id, user_id, name, token_hash, created_at) values
    ('${u(91)}', '${A}', '${userA}', 'good', 'h1', now()), ('${u(92)}', '${A}', '${userB}', 'bad', 'h2', now());
  insert into events (id, account_id, name, starts_at, created_at, updated_at) values
    ('${eventA}', '${A}', 'EA', now(), now(), now()), ('${eventB}', '${B}', 'EB', now(), now(), now());
  insert into contacts (id, account_id, display_name, created_at, updated_at, introduced_by_id, met_at_event_id, last_interaction_at) values
    ('${contactA1}', '${A}', 'A1', now(), now(), null, null, '${T(3)}'),
    ('${contactB}', '${B}', 'B', now(), now(), null, null, '${T(9)}');
  insert into contacts (id, account_id, display_name, created_at, updated_at, introduced_by_id, met_at_event_id) values
    ('${contactA2}', '${A}', 'A2 (introduced by and met at B''s)', now(), now(), '${contactB}', '${eventB}'),
    ('${contactA3}', '${A}', 'A3 (introduced by and met at A''s)', now(), now(), '${contactA1}', '${eventA}');
  insert into campaigns (id, account_id, name, goal, starts_on, created_at, updated_at) values
    ('${campaignA}', '${A}', 'KA', 'job_search', '2026-01-01', now(), now()), ('${campaignB}', '${B}', 'KB', 'job_search', '2026-01-01', now(), now());
  insert into favors (id, account_id, contact_id, introduced_to_id, direction, kind, effort, occurred_on, loop_status, created_at) values
    ('${favorA}', '${A}', '${contactA1}', '${contactA2}', 'received', 'advice', 'small', '2026-01-01', 'open', now()),
    ('${favorB}', '${B}', '${contactB}', null, 'received', 'advice', 'small', '2026-01-01', 'open', now()),
    ('${favorOfB}', '${A}', '${contactB}', null, 'received', 'advice', 'small', '2026-01-01', 'open', now()),
    ('${favorIntroducingB}', '${A}', '${contactA1}', '${contactB}', 'given', 'introduction', 'small', '2026-01-01', 'open', now());
  insert into invitations (id, account_id, contact_id, direction, received_on, created_at) values
    ('${invitationA}', '${A}', '${contactA1}', 'incoming', '2026-01-01', now()),
    ('${invitationB}', '${B}', '${contactB}', 'incoming', '2026-01-01', now()),
    ('${invitationOfB}', '${A}', '${contactB}', 'incoming', '2026-01-01', now());
  insert into followups (id, account_id, contact_id, due_on, kind, title, created_at, favor_id, event_id, campaign_id, invitation_id) values
    ('${u(81)}', '${A}', '${contactA1}', '2026-01-01', 'custom', 'good', now(), '${favorA}', '${eventA}', '${campaignA}', '${invitationA}'),
    ('${u(82)}', '${A}', '${contactB}', '2026-01-01', 'custom', 'about B''s contact', now(), null, null, null, null),
    ('${u(83)}', '${A}', '${contactA1}', '2026-01-01', 'custom', 'B''s favor', now(), '${favorB}', null, null, null),
    ('${u(84)}', '${A}', '${contactA1}', '2026-01-01', 'custom', 'B''s event', now(), null, '${eventB}', null, null),
    ('${u(85)}', '${A}', '${contactA1}', '2026-01-01', 'custom', 'B''s campaign', now(), null, null, '${campaignB}', null),
    ('${u(86)}', '${A}', '${contactA1}', '2026-01-01', 'custom', 'B''s invitation', now(), null, null, null, '${invitationB}'),
    ('${u(87)}', '${A}', '${contactA1}', '2026-01-01', 'custom', 'thanks for a favor that goes', now(), '${favorOfB}', null, null, null);
  insert into stage_changes (id, account_id, contact_id, from_stage, to_stage, changed_at) values
    ('${u(101)}', '${A}', '${contactA1}', 'new', 'met_online', now()), ('${u(102)}', '${A}', '${contactB}', 'new', 'met_online', now());
  insert into interactions (id, account_id, occurred_at, channel, direction, intent, created_at) values
    ('${touchA}', '${A}', '${T(3)}', 'call', 'outbound', 'ask', now()),
    ('${touchOnlyWithB}', '${A}', '${T(9)}', 'call', 'outbound', 'ask', now()),
    ('${touchB}', '${B}', '${T(5)}', 'call', 'outbound', 'ask', now());
  insert into interaction_contacts (account_id, interaction_id, contact_id, occurred_at) values
    ('${A}', '${touchA}', '${contactA1}', '${T(3)}'),
    ('${A}', '${touchA}', '${contactB}', '${T(3)}'),
    ('${A}', '${touchOnlyWithB}', '${contactB}', '${T(9)}'),
    ('${A}', '${touchB}', '${contactA1}', '${T(5)}'),
    ('${B}', '${touchB}', '${contactB}', '${T(5)}');
  insert into event_attendees (account_id, event_id, contact_id, created_at) values
    ('${A}', '${eventA}', '${contactA1}', now()), ('${A}', '${eventB}', '${contactA1}', now()), ('${A}', '${eventA}', '${contactB}', now());
  insert into campaign_members (account_id, campaign_id, contact_id, added_on, stage_changed_at) values
    ('${A}', '${campaignA}', '${contactA1}', '2026-01-01', now()), ('${A}', '${campaignB}', '${contactA1}', '2026-01-01', now()),
    ('${A}', '${campaignA}', '${contactB}', '2026-01-01', now());
`;

/** For each reference, the bad row above that breaks it (found by its primary key). */
const badRowOf: Record<string, string> = {
  sessions_user_id_fk: `id_hash = 'bad'`,
  api_tokens_user_id_fk: `id = '${u(92)}'`,
  contacts_met_at_event_id_fk: `id = '${contactA2}'`,
  contacts_introduced_by_id_fk: `id = '${contactA2}'`,
  interaction_contacts_interaction_id_fk: `interaction_id = '${touchB}' and contact_id = '${contactA1}'`,
  interaction_contacts_contact_id_fk: `interaction_id = '${touchA}' and contact_id = '${contactB}'`,
  followups_contact_id_fk: `id = '${u(82)}'`,
  followups_favor_id_fk: `id = '${u(83)}'`,
  followups_event_id_fk: `id = '${u(84)}'`,
  followups_campaign_id_fk: `id = '${u(85)}'`,
  followups_invitation_id_fk: `id = '${u(86)}'`,
  favors_contact_id_fk: `id = '${favorOfB}'`,
  favors_introduced_to_id_fk: `id = '${favorIntroducingB}'`,
  stage_changes_contact_id_fk: `id = '${u(102)}'`,
  invitations_contact_id_fk: `id = '${invitationOfB}'`,
  event_attendees_event_id_fk: `event_id = '${eventB}' and contact_id = '${contactA1}'`,
  event_attendees_contact_id_fk: `event_id = '${eventA}' and contact_id = '${contactB}'`,
  campaign_members_campaign_id_fk: `campaign_id = '${campaignB}' and contact_id = '${contactA1}'`,
  campaign_members_contact_id_fk: `campaign_id = '${campaignA}' and contact_id = '${contactB}'`,
};

let database: Awaited<ReturnType<typeof emptyDatabase>>;
const rows = <T>(query: string) => queryRows<T>(database.db, sql.raw(query));

beforeAll(async () => {
  database = await emptyDatabase();
  const older = migrationsBefore(TAG);
  try {
    await database.migrateTo(older.folder);
  } finally {
    older.cleanup();
  }
  for (const statement of oldRows.split(';').filter((s) => s.trim())) await database.db.execute(sql.raw(statement));
  await database.migrateTo(migrations);
});
afterAll(() => database?.close());

describe('the account_scoped_references migration on a database with rows that link across accounts', () => {
  it('has a bad row for every reference the schema declares (add one for a new reference)', () => {
    expect(repaired.length).toBeGreaterThanOrEqual(19);
    expect(Object.keys(badRowOf).sort()).toEqual(repaired.map((r) => r.name).sort());
  });

  it('ran to the end: the composite keys are in place', async () => {
    const found = await rows<{ name: string }>(`select conname as name from pg_constraint where contype = 'f' and conname like '%\\_fk'`);
    // A link's two references are kept by triggers since migration 0029, no longer by keys.
    const byTriggers = new Set(checkedByTriggers.map((r) => r.name));
    expect(found.map((f) => f.name)).toEqual(expect.arrayContaining(Object.keys(badRowOf).filter((name) => !byTriggers.has(name))));
    expect(found.map((f) => f.name).filter((name) => byTriggers.has(name))).toEqual([]);
  });

  it.each(repaired.map((r) => [r.name, r] as const))('%s: the bad row is deleted, or its nullable link set to null', async (name, r) => {
    const left = await rows<{ value: string | null }>(`select ${r.column.name}::text as value from ${r.table} where ${badRowOf[name]}`);
    if (r.column.notNull) expect(left, 'a row that cannot exist without its link is deleted').toEqual([]);
    else expect(left, 'kept, with the link set to null').toEqual([{ value: null }]);
  });

  it('keeps every good row and link as it was', async () => {
    expect(await rows(`select id_hash from sessions`)).toEqual([{ id_hash: 'good' }]);
    expect(await rows(`select name from api_tokens`)).toEqual([{ name: 'good' }]);
    expect(await rows(`select id::text, introduced_by_id::text, met_at_event_id::text from contacts where id = '${contactA3}'`)).toEqual([
      { id: contactA3, introduced_by_id: contactA1, met_at_event_id: eventA },
    ]);
    expect(await rows(`select favor_id::text, event_id::text, campaign_id::text, invitation_id::text from followups where id = '${u(81)}'`)).toEqual([
      { favor_id: favorA, event_id: eventA, campaign_id: campaignA, invitation_id: invitationA },
    ]);
    expect(await rows(`select introduced_to_id::text from favors where id = '${favorA}'`)).toEqual([{ introduced_to_id: contactA2 }]);
    expect(await rows(`select count(*)::int as n from stage_changes`)).toEqual([{ n: 1 }]);
    expect(await rows(`select id::text from invitations order by id`)).toEqual([{ id: invitationA }, { id: invitationB }]);
    expect(await rows(`select event_id::text, contact_id::text from event_attendees`)).toEqual([{ event_id: eventA, contact_id: contactA1 }]);
    expect(await rows(`select campaign_id::text, contact_id::text from campaign_members`)).toEqual([{ campaign_id: campaignA, contact_id: contactA1 }]);
    // The follow-ups whose link was set to null are still there.
    expect(await rows(`select count(*)::int as n from followups where id in ('${u(83)}', '${u(84)}', '${u(85)}', '${u(86)}')`)).toEqual([{ n: 4 }]);
  });

  it('gives the sessions of an older database a last_seen_at: when they were created (account_security)', async () => {
    expect(await rows(`select id_hash, last_seen_at = created_at as same from sessions`)).toEqual([{ id_hash: 'good', same: true }]);
  });

  it('takes along what hung on a deleted row, as deleting it in the app would', async () => {
    // The thank-you follow-up of the favor done for another account's contact.
    expect(await rows(`select id from followups where id = '${u(87)}'`)).toEqual([]);
  });

  it('deletes a touch left with no contact, keeps the others, and recomputes the contacts’ last touch', async () => {
    const links = await rows<{ interaction_id: string; contact_id: string }>(
      `select interaction_id::text, contact_id::text from interaction_contacts order by interaction_id, contact_id`,
    );
    expect(links).toEqual([
      { interaction_id: touchA, contact_id: contactA1 },
      { interaction_id: touchB, contact_id: contactB },
    ]);
    expect(await rows(`select id::text from interactions order by id`)).toEqual([{ id: touchA }, { id: touchB }]);
    const last = await rows<{ id: string; last: Date | string }>(`select id::text, to_char(last_interaction_at at time zone 'UTC', 'YYYY-MM-DD') as last from contacts where id in ('${contactA1}', '${contactB}') order by id`);
    // B's contact was last touched by A's touch that is gone; A's contact keeps its own touch.
    expect(last).toEqual([
      { id: contactA1, last: T(3).slice(0, 10) },
      { id: contactB, last: T(5).slice(0, 10) },
    ]);
  });
});
