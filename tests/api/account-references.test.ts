// The database itself keeps every reference inside its account: each foreign key between two
// account-owned tables is (account_id, <ref>) -> (account_id, id). These tests are generated from
// the schema's foreign keys and the database's catalog, so a new reference is covered (or fails
// here as a plain `id` key) without anyone remembering to add it. They go straight through the
// database, as a buggy query would, not through the API.
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { getTableConfig } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Tx } from '../../src/server/db/database.js';
import * as schema from '../../src/server/db/schema.js';
import { checkedByTriggers, databaseError, foreignKeys, nameOf, ownedTables, references, tables } from '../support/account-references.js';
import { rawCall, setupOwner, type ApiClient, type Reply } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';
import { addUser } from '../support/users.js';

const id = (name: string) => sql.identifier(name);

class Rollback extends Error {}

/** Runs `work` in a transaction that is always rolled back; returns what it returned, or its error. */
async function inRolledBack<T>(server: TestServer, work: (tx: Tx) => Promise<T>): Promise<{ value?: T; error?: ReturnType<typeof databaseError> }> {
  let outcome: { value?: T; error?: ReturnType<typeof databaseError> } = {};
  try {
    await server.database.db.transaction(async (tx) => {
      try {
        outcome = { value: await work(tx) };
      } catch (error) {
        outcome = { error: databaseError(error) };
      }
      throw new Rollback();
    });
  } catch (error) {
    if (!(error instanceof Rollback)) throw error;
  }
  return outcome;
}

let server: TestServer;
let alice: ApiClient;
let bob: ApiClient;

/** Records in both accounts for every table a reference starts from or points at. */
beforeAll(async () => {
  server = await startTestServer();
  alice = await setupOwner(server.app);
  bob = await addUser(server);
  // Everything twice in each account: a row can then be pointed at another of its account's rows.
  for (const client of [alice, alice, bob, bob]) {
    const done = async (reply: Promise<Reply>) => {
      const { status, body } = await reply;
      expect(status, JSON.stringify(body)).toBeLessThan(300);
      return body;
    };
    const first = await done(client.post('/api/contacts', { firstName: 'First' }));
    const event = await done(client.post('/api/events', { name: 'Meetup', startsAt: '2026-12-02T09:00:00Z' }));
    const second = await done(client.post('/api/contacts', { firstName: 'Second', introducedById: first.id, metAtEventId: event.id }));
    const third = await done(client.post('/api/contacts', { firstName: 'Third' }));
    await done(client.post(`/api/contacts/${first.id}/relationships`, { otherId: third.id, kind: 'friend' }));
    await done(client.patch(`/api/contacts/${first.id}`, { stage: 'in_conversation' }));
    await done(client.post('/api/interactions', { contactIds: [first.id], channel: 'call', direction: 'outbound', intent: 'ask' }));
    // A touch with two of them: a pair in shared_touches (kept by triggers).
    await done(client.post('/api/interactions', { contactIds: [first.id, third.id], channel: 'coffee', direction: 'outbound', intent: 'nurture' }));
    await done(client.post('/api/followups', { contactId: first.id, dueOn: '2026-12-01', title: 'Call back' }));
    // A received favor also brings a thank-you follow-up that points at it.
    await done(client.post('/api/favors', { contactId: first.id, direction: 'received', kind: 'introduction', effort: 'large', introducedToId: second.id }));
    await done(client.post('/api/invitations', { direction: 'incoming', contactId: first.id }));
    await done(client.post(`/api/events/${event.id}/attendees`, { contactId: first.id, target: true }));
    const campaign = await done(client.post('/api/campaigns', { name: 'Job search', goal: 'job_search' }));
    await done(client.post(`/api/campaigns/${campaign.id}/members`, { contactId: first.id }));
    await done(client.post('/api/tokens', { name: 'script' }));
    await done(client.post('/api/templates', { purpose: 'custom', language: 'en', name: 'Mine', body: 'Hello {{firstName}}' }));
    await done(client.post('/api/calendar-subscriptions', { name: 'Work', url: 'https://calendar.example.com/private-key/basic.ics' }));
    // A write sent with an Idempotency-Key keeps its answer, for the user who sent it.
    await done(rawCall(server.app, 'POST', '/api/contacts', { body: { firstName: 'Keyed' }, headers: { ...client.headers, 'idempotency-key': randomUUID() } }));
    // A deleted contact, in the trash (contact_changes fills itself through its triggers).
    const gone = await done(client.post('/api/contacts', { firstName: 'Gone' }));
    expect((await client.del(`/api/contacts/${gone.id}`)).status).toBe(204);
  }
  // A second user in Alice's account: a session or a token can then point at another of its users.
  await server.database.db.insert(schema.users).values({
    accountId: alice.user.accountId,
    email: `second-${alice.user.email}`,
    name: 'Second user',
    passwordHash: 'not a hash',
    createdAt: server.now(),
  });
  // Two-factor rows of Alice's (straight into the tables: only their references matter here).
  await server.database.db.insert(schema.totpCredentials).values({
    userId: alice.user.id,
    accountId: alice.user.accountId,
    secretEncrypted: 'sealed',
    confirmedAt: server.now(),
    createdAt: server.now(),
  });
  await server.database.db.insert(schema.recoveryCodes).values(
    ['code-1', 'code-2'].map((codeHash) => ({ accountId: alice.user.accountId, userId: alice.user.id, codeHash, createdAt: server.now() })),
  );
  // Someone each met in an imported calendar (straight into the table: no reference, only rows).
  for (const { user } of [alice, bob]) {
    await server.database.db.insert(schema.calendarPeopleMet).values({ accountId: user.accountId, email: `met-${user.id}@example.org`, lastMetAt: server.now(), createdAt: server.now() });
  }
  // Two e-mails each already sent (straight into the table: the scheduler needs an SMTP server),
  // on days of their own, so pointing one at the other user breaks no once-a-day key.
  for (const [{ user }, days] of [[alice, ['2026-11-30', '2026-12-01']], [bob, ['2026-12-02', '2026-12-03']]] as const) {
    await server.database.db.insert(schema.emailSends).values(
      days.map((localDate) => ({
        accountId: user.accountId,
        userId: user.id,
        kind: 'daily' as const,
        localDate,
        status: 'sent' as const,
        claimedAt: server.now(),
        sentAt: server.now(),
        createdAt: server.now(),
      })),
    );
  }
});
afterAll(() => server.close());

describe('references between an account’s rows', () => {
  it('finds the references to check in the schema', () => {
    // A wrong filter above would make every test below pass on nothing.
    expect(references.map((r) => r.name)).toEqual(expect.arrayContaining(['followups_contact_id_fk', 'contacts_introduced_by_id_fk', 'sessions_user_id_fk']));
    expect(references.length).toBeGreaterThanOrEqual(19);
  });

  it('are all composite keys (account_id, ref) -> (account_id, id) in the schema', () => {
    for (const r of references) {
      expect(r.columns, `${r.table}: make ${r.name} a sameAccount() key in schema.ts`).toHaveLength(2);
      expect([r.columns[0], r.targetColumns[0], r.targetColumns[1]], `${r.name}: (account_id, ref) -> (account_id, id)`).toEqual(['account_id', 'account_id', 'id']);
      expect(['cascade', `set null ("${r.column.name}")`], `${r.name}: cascade, or set null of the reference column alone`).toContain(r.onDelete);
    }
  });

  it('are all composite keys in the database too, each one the schema declares', async () => {
    const rows = await queryRows<{ name: string; from_table: string; to_table: string; from_columns: string[]; to_columns: string[]; on_delete: string; set_null_columns: string[] | null }>(
      server.database.db,
      sql`
        select c.conname as name, c.conrelid::regclass::text as from_table, c.confrelid::regclass::text as to_table,
          array(select a.attname::text from unnest(c.conkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.i) as from_columns,
          array(select a.attname::text from unnest(c.confkey) with ordinality k(n, i) join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.i) as to_columns,
          c.confdeltype::text as on_delete,
          array(select a.attname::text from unnest(c.confdelsetcols) k(n) join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n) as set_null_columns
        from pg_constraint c
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace`,
    );
    // Every key between two tables that both carry account_id, whoever wrote it (a hand-written
    // migration included), must be composite: a plain `id` key would let a row link across accounts.
    const between = rows.filter((row) => ownedTables.has(row.from_table) && ownedTables.has(row.to_table));
    for (const row of between) {
      expect([row.from_columns[0], row.to_columns.join()], `${row.from_table}.${row.name} must be (account_id, ref) -> (account_id, id)`).toEqual(['account_id', 'account_id,id']);
      expect(row.from_columns, row.name).toHaveLength(2);
    }
    expect(between.map((row) => row.name).sort(), 'the database has exactly the schema’s references').toEqual(foreignKeys.map((r) => r.name).sort());
    for (const r of foreignKeys) {
      const row = between.find((b) => b.name === r.name)!;
      expect([row.from_table, row.from_columns, row.to_table], r.name).toEqual([r.table, r.columns, r.target]);
      // c = cascade; n = set null, of the listed columns only (never account_id, which is NOT NULL).
      if (r.onDelete === 'cascade') expect(row.on_delete, r.name).toBe('c');
      else expect([row.on_delete, row.set_null_columns], r.name).toEqual(['n', [r.column.name]]);
    }
  });

  it('those kept by triggers have them: the check of new and changed links, and the cascades', async () => {
    const found = await queryRows<{ name: string; table: string }>(
      server.database.db,
      sql`select tgname as name, tgrelid::regclass::text as table from pg_trigger where not tgisinternal`,
    );
    const has = (table: string, name: string) => found.some((t) => t.table === table && t.name === name);
    expect(checkedByTriggers.map((r) => r.table)).toEqual(['interaction_contacts', 'interaction_contacts']);
    for (const name of ['interaction_contacts_check_references_insert', 'interaction_contacts_check_references_update']) expect(has('interaction_contacts', name), name).toBe(true);
    for (const [table, name] of [['interactions', 'interactions_delete_links'], ['contacts', 'contacts_delete_links'], ['accounts', 'accounts_delete_touches']] as const) {
      expect(has(table, name), name).toBe(true);
    }
  });

  it('each have an index for the referencing side, so deleting a target is not a scan', async () => {
    const indexes = await queryRows<{ table: string; columns: string[] }>(
      server.database.db,
      sql`
        select i.indrelid::regclass::text as table,
          array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(n, o) left join pg_attribute a on a.attrelid = i.indrelid and a.attnum = k.n order by k.o) as columns
        from pg_index i join pg_class t on t.oid = i.indrelid
        where t.relnamespace = 'public'::regnamespace and i.indpred is null`,
    );
    for (const r of references) {
      const ref = r.column.name;
      const found = indexes.some((index) => index.table === r.table && (index.columns[0] === ref || (index.columns[0] === 'account_id' && index.columns[1] === ref)));
      expect(found, `${r.table}: add an index on (account_id, ${ref}) for ${r.name}`).toBe(true);
    }
  });

  it('let a whole account be deleted at once, and leave the other account as it was', async () => {
    // One query at a time: a transaction is one connection, and node-postgres deprecates
    // queueing a second query on a connection that is still answering the first.
    const count = async (tx: Tx, accountId: string) => {
      const lines: string[] = [];
      for (const name of [...ownedTables].sort()) {
        const [row] = await queryRows<{ n: number }>(tx, sql`select count(*)::int as n from ${id(name)} where account_id = ${accountId}`);
        lines.push(`${name}: ${row!.n}`);
      }
      return lines;
    };
    const before = await count(server.database.db, alice.user.accountId);
    const outcome = await inRolledBack(server, async (tx) => {
      // Both paths cascade: account -> follow-up, and account -> contact -> follow-up.
      await tx.execute(sql`delete from accounts where id = ${bob.user.accountId}`);
      return { bob: await count(tx, bob.user.accountId), alice: await count(tx, alice.user.accountId) };
    });
    expect(outcome.error).toBeUndefined();
    expect(outcome.value!.bob.every((line) => line.endsWith(': 0'))).toBe(true);
    expect(outcome.value!.alice).toEqual(before);
    expect(before.filter((line) => line.endsWith(': 0')), 'Alice has rows in every table').toEqual([]);
  });
});

describe.each(references.map((r) => [r.name, r] as const))('%s', (_name, r) => {
  const ref = r.column.name;
  const table = id(r.table);
  const target = id(r.target);
  const accountA = () => alice.user.accountId;

  /** One of Alice's rows of the referencing table, by ctid (stable: every change here is rolled back). */
  async function aliceRow(tx: Tx): Promise<{ ctid: string; current: string | null; key: Record<string, unknown> }> {
    const [row] = await queryRows<{ ctid: string; current: string | null; key: Record<string, unknown> }>(
      tx,
      sql`select ctid::text as ctid, ${id(ref)}::text as current, jsonb_build_object(${sql.join(r.primaryKey.map((c) => sql`${c}::text, ${id(c)}`), sql`, `)}) as key
          from ${table} where account_id = ${accountA()} order by ${id(ref)} nulls last limit 1`,
    );
    expect(row, `no ${r.table} row in Alice's account: add one to the fixture above`).toBeDefined();
    return row!;
  }
  const targetsOf = async (tx: Tx, accountId: string) =>
    (await queryRows<{ id: string }>(tx, sql`select id::text as id from ${target} where account_id = ${accountId} order by id`)).map((t) => t.id);
  const pointAt = (tx: Tx, ctid: string, value: string) => tx.execute(sql`update ${table} set ${id(ref)} = ${value}::uuid where ctid = ${ctid}::tid`);
  const findAgain = (row: { key: Record<string, unknown> }) =>
    sql.join(r.primaryKey.map((c) => sql`${id(c)}::text = ${String(row.key[c])}`), sql` and `);

  it('accepts a row of the same account, and refuses one of another account', async () => {
    // Control: pointing at another of Alice's rows works (so a refusal below is about the account).
    const accepted = await inRolledBack(server, async (tx) => {
      const row = await aliceRow(tx);
      const others = (await targetsOf(tx, accountA())).filter((t) => t !== row.current);
      expect(others.length, `the fixture needs two ${r.target} rows in Alice's account`).toBeGreaterThan(0);
      let lastError: unknown;
      for (const other of others) {
        // A join table refuses a pair it already has; another of Alice's rows will do.
        const attempt = await tx.transaction(async (inner) => pointAt(inner, row.ctid, other)).then(
          () => null,
          (error: unknown) => databaseError(error),
        );
        if (!attempt) return other;
        lastError = attempt;
      }
      throw lastError;
    });
    expect(accepted.error, 'the same account’s row').toBeUndefined();

    const [bobsTarget] = await targetsOf(server.database.db, bob.user.accountId);
    expect(bobsTarget, `no ${r.target} row in Bob's account: add one to the fixture above`).toBeDefined();
    const refused = await inRolledBack(server, async (tx) => pointAt(tx, (await aliceRow(tx)).ctid, bobsTarget!));
    expect(refused.error?.code, refused.error?.message ?? 'the update went through').toBe('23503');
    expect(refused.error?.constraint).toBe(r.name);

    // An insert is refused the same way: a copy of Alice's row pointing at Bob's.
    const inserted = await inRolledBack(server, async (tx) => {
      const row = await aliceRow(tx);
      const columns = getTableConfig(tables.find((t) => nameOf(t) === r.table)!).columns.filter((c) => !c.generated && !c.generatedIdentity);
      const values = columns.map((c) => {
        if (c.name === ref) return sql`${bobsTarget}::uuid`;
        if (c.primary || c.isUnique) return c.getSQLType() === 'uuid' ? sql`gen_random_uuid()` : sql`gen_random_uuid()::text`;
        return id(c.name);
      });
      await tx.execute(sql`insert into ${table} (${sql.join(columns.map((c) => id(c.name)), sql`, `)})
        select ${sql.join(values, sql`, `)} from ${table} where ctid = ${row.ctid}::tid`);
    });
    expect(inserted.error?.code, inserted.error?.message ?? 'the insert went through').toBe('23503');
    expect(inserted.error?.constraint).toBe(r.name);
  });

  it('refuses to move either side of the link to another account', async () => {
    const moved = await inRolledBack(server, async (tx) => {
      const row = await aliceRow(tx);
      const [pointed] = await targetsOf(tx, accountA());
      await pointAt(tx, row.ctid, row.current ?? pointed!);
      // A row of Alice's that still points at her record cannot become Bob's…
      const referencing = await tx.transaction(async (inner) => inner.execute(sql`update ${table} set account_id = ${bob.user.accountId} where ${findAgain(row)}`)).then(
        () => null,
        (error: unknown) => databaseError(error),
      );
      // …nor the record it points at.
      const targetId = row.current ?? pointed!;
      const referenced = await tx.transaction(async (inner) => inner.execute(sql`update ${target} set account_id = ${bob.user.accountId} where id = ${targetId}::uuid`)).then(
        () => null,
        (error: unknown) => databaseError(error),
      );
      return { referencing: referencing?.code, referenced: referenced?.code };
    });
    expect(moved.error).toBeUndefined();
    expect(moved.value).toEqual({ referencing: '23503', referenced: '23503' });
  });

  it(`keeps its ON DELETE behaviour (${r.onDelete}) when the record it points at is deleted`, async () => {
    const outcome = await inRolledBack(server, async (tx) => {
      const row = await aliceRow(tx);
      const [first] = await targetsOf(tx, accountA());
      const pointed = row.current ?? first!;
      if (!row.current) await pointAt(tx, row.ctid, pointed);
      await tx.execute(sql`delete from ${target} where id = ${pointed}::uuid`);
      return queryRows<{ account_id: string; value: string | null }>(tx, sql`select account_id::text, ${id(ref)}::text as value from ${table} where ${findAgain(row)}`);
    });
    expect(outcome.error).toBeUndefined();
    if (r.onDelete === 'cascade') expect(outcome.value, 'deleted with it').toEqual([]);
    else expect(outcome.value, 'kept, the link set to null, the account kept').toEqual([{ account_id: alice.user.accountId, value: null }]);
  });
});
