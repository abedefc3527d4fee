// The references a touch and its links keep through statement-level triggers instead of foreign
// keys (migration 0029, docs/architecture.md#database). account-references.test.ts runs the
// generated reference tests on a link's two; here, what those do not reach: a touch's account, and
// a link written while another connection deletes what it points at (PostgreSQL only: the embedded
// database has one connection).
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { databaseError } from '../support/account-references.js';
import { setupOwner, type ApiClient } from '../support/client.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
let owner: ApiClient;

beforeAll(async () => {
  server = await startTestServer();
  owner = await setupOwner(server.app);
});
afterAll(() => server.close());

async function newContact(name: string): Promise<string> {
  const { status, body } = await owner.post('/api/contacts', { firstName: name });
  expect(status).toBe(201);
  return (body as { id: string }).id;
}

async function newTouch(contactId: string): Promise<string> {
  const { status, body } = await owner.post('/api/interactions', { contactIds: [contactId], channel: 'call', direction: 'outbound', intent: 'nurture' });
  expect(status).toBe(201);
  return (body as { id: string }).id;
}

const touchRow = (accountId: string) =>
  sql`insert into interactions (id, account_id, occurred_at, channel, direction, intent, created_at)
      values (${randomUUID()}, ${accountId}, ${server.now().toISOString()}, 'call', 'outbound', 'nurture', ${server.now().toISOString()})`;

describe('a touch’s account', () => {
  it('must exist: a touch of no account is refused as the foreign key refused it', async () => {
    const error = await server.database.db.execute(touchRow(randomUUID())).then(() => null, databaseError);
    expect(error).toMatchObject({ code: '23503', constraint: 'interactions_account_id_accounts_id_fk' });
    // The control: the same row in the owner's account goes in.
    await server.database.db.execute(touchRow(owner.user.accountId));
  });

  it('cannot change while the account has touches', async () => {
    await newTouch(await newContact('Keeps'));
    const error = await server.database.db.execute(sql`update accounts set id = ${randomUUID()} where id = ${owner.user.accountId}`).then(() => null, databaseError);
    expect(error).toMatchObject({ code: '23503', constraint: 'interactions_account_id_accounts_id_fk' });
  });
});

describe.runIf(process.env.CIRCULO_TEST_DB === 'postgres')('a link written while another connection deletes what it points at', () => {
  /** A second connection to the same database, as a second server process would have. */
  async function connect(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: server.databaseUrl! });
    await client.connect();
    return client;
  }

  /** Links the contact to the touch on that connection (the app's clock gives the time). */
  const link = (client: pg.Client, touchId: string, contactId: string) =>
    client.query(`insert into interaction_contacts (account_id, interaction_id, contact_id, occurred_at) values ($1, $2, $3, $4)`, [
      owner.user.accountId,
      touchId,
      contactId,
      server.now(),
    ]);

  const links = async (contactId: string) =>
    (await queryRows<{ n: number }>(server.database.db, sql`select count(*)::int as n from interaction_contacts where contact_id = ${contactId}`))[0]!.n;

  it('a delete waits for the linking transaction, then takes its link along', async () => {
    const [contactId, otherId] = [await newContact('Linked'), await newContact('Other')];
    const touchId = await newTouch(otherId);
    const [linker, deleter] = [await connect(), await connect()];
    try {
      await linker.query('begin');
      await link(linker, touchId, contactId);
      // The link's check locked the contact: the delete must wait for the linker to finish.
      const deleted = deleter.query('delete from contacts where id = $1', [contactId]);
      let finished = false;
      void deleted.then(() => (finished = true));
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(finished, 'the delete went ahead of the uncommitted link').toBe(false);
      await linker.query('commit');
      await deleted;
      expect(await links(contactId), 'no link left to a deleted contact').toBe(0);
      expect(await links(otherId)).toBe(1);
    } finally {
      await linker.end();
      await deleter.end();
    }
  });

  it('a link to a contact deleted meanwhile is refused once the delete commits', async () => {
    const [contactId, otherId] = [await newContact('Going'), await newContact('Staying')];
    const touchId = await newTouch(otherId);
    const [linker, deleter] = [await connect(), await connect()];
    try {
      await deleter.query('begin');
      await deleter.query('delete from contacts where id = $1', [contactId]);
      const linked = link(linker, touchId, contactId).then(() => null, (error: unknown) => error as { code?: string; constraint?: string });
      await new Promise((resolve) => setTimeout(resolve, 300));
      await deleter.query('commit');
      expect(await linked).toMatchObject({ code: '23503', constraint: 'interaction_contacts_contact_id_fk' });
      expect(await links(contactId)).toBe(0);
    } finally {
      await linker.end();
      await deleter.end();
    }
  });
});
