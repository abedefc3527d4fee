// `circulo trash list` and `circulo trash empty` as a person runs them: real processes on a
// throwaway database, with a contact deleted in between as the web app would. (Few commands: each
// one is a process that opens the database, seconds each on a busy machine.)
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/server/db/database.js';
import { deleteContact } from '../../src/server/features/contacts/queries.js';
import { contacts } from '../../src/server/db/schema.js';
import { runCirculo } from '../support/cli.js';
import { throwawayDatabaseEnv } from '../support/harness.js';

let env: Record<string, string>;
let cleanup: () => Promise<void>;

beforeAll(async () => {
  ({ env, cleanup } = await throwawayDatabaseEnv());
});
afterAll(() => cleanup());

const circulo = (args: string[], extra: Record<string, string> = {}) => runCirculo(args, { ...env, ...extra });

describe('circulo trash', () => {
  it('lists the deleted contacts and empties the trash', async () => {
    const created = await circulo(['user', 'create', '--email', 'trash@example.com', '--name', 'Tina', '--language', 'en'], { CIRCULO_PASSWORD: 'a long enough password' });
    expect(created.code, created.stderr).toBe(0);

    // A contact deleted as the web app deletes one (the CLI has no delete of its own).
    const database = await openDatabase({ databaseUrl: env.DATABASE_URL || undefined, dataDir: env.CIRCULO_DATA_DIR!, command: 'test', snapshots: false, log: () => {} });
    try {
      const [account] = await database.db.query.users.findMany({ columns: { accountId: true } });
      const [row] = await database.db.insert(contacts).values({ accountId: account!.accountId, displayName: 'Ramón Gone', firstName: 'Ramón', lastName: 'Gone', createdAt: new Date(), updatedAt: new Date() }).returning({ id: contacts.id });
      await deleteContact(database.db, account!.accountId, row!.id, new Date());
    } finally {
      await database.close();
    }

    const listed = await circulo(['trash', 'list', '--json']);
    expect(listed.code, listed.stderr).toBe(0);
    expect(JSON.parse(listed.stdout)).toMatchObject([{ displayName: 'Ramón Gone' }]);

    const emptied = await circulo(['trash', 'empty']);
    expect(emptied.code, emptied.stderr).toBe(0);
    expect(emptied.stdout).toContain('1 contact is gone for good');
  }, 240_000);
});
