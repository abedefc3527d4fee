// Loads a generated data set into a fresh embedded database: one account, one user with an API
// token, then every row in one transaction of ~1,000-row multi-value INSERTs.
import { sql } from 'drizzle-orm';
import { openDatabase, refreshStatistics, type Tx } from '../src/server/db/database.js';
import { accounts, apiTokens, contacts, followups, interactionContacts, interactions, users } from '../src/server/db/schema.js';
import { hashPassword, randomToken, sha256 } from '../src/server/features/auth/secrets.js';
import { API_TOKEN_PREFIX } from '../src/server/features/auth/sessions.js';
import { refreshContacts } from '../src/server/features/contacts/derived.js';
import { generate, type DatasetSize, type Generated } from './generate.js';
import { progress, seconds } from './measure.js';

const BATCH = 1_000;

export interface Loaded {
  token: string;
  accountId: string;
  /** Contact ids in generation order, and how many touches each one got. */
  contactIds: string[];
  touchCounts: Uint32Array;
  timings: { openSeconds: number; insertSeconds: number; finishSeconds: number; closeSeconds: number };
  /** Whether the loader ran ANALYZE (PGlite has no autovacuum daemon to do it). */
  analyzed: boolean;
}

async function insertChunks<T>(items: readonly T[], insert: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < items.length; i += BATCH) await insert(items.slice(i, i + BATCH));
}

export async function loadDataset(dataDir: string, size: DatasetSize, now: Date, options: { analyze: boolean }): Promise<Loaded> {
  let t = performance.now();
  const database = await openDatabase({ dataDir, command: 'bench', snapshots: false, log: progress });
  const openSeconds = seconds(t);
  try {
    const token = `${API_TOKEN_PREFIX}${randomToken()}`;
    const passwordHash = await hashPassword('bench-password-not-secret');
    let data: Generated | undefined;
    let accountId = '';
    t = performance.now();
    await database.db.transaction(async (tx: Tx) => {
      const [account] = await tx.insert(accounts).values({ name: 'Bench heavy user', createdAt: now }).returning({ id: accounts.id });
      accountId = account!.id;
      const [user] = await tx
        .insert(users)
        .values({ accountId, email: 'heavy.user@example.com', name: 'Heavy User', passwordHash, timeZone: 'Europe/Madrid', language: 'es', createdAt: now })
        .returning({ id: users.id });
      await tx.insert(apiTokens).values({ accountId, userId: user!.id, name: 'bench', tokenHash: sha256(token), createdAt: now });

      data = generate(accountId, size, now);
      progress(`generated ${data.contacts.length} contacts and ${data.followups.length} follow-ups; inserting…`);
      await insertChunks(data.contacts, (chunk) => tx.insert(contacts).values(chunk));
      progress('contacts inserted');
      let done = 0;
      for (const batch of data.interactionBatches(BATCH)) {
        await tx.insert(interactions).values(batch.interactions);
        await insertChunks(batch.links, (chunk) => tx.insert(interactionContacts).values(chunk));
        done += batch.interactions.length;
        if (done % 50_000 === 0) progress(`${done} interactions inserted`);
      }
      progress('interactions inserted');
      await insertChunks(data.followups, (chunk) => tx.insert(followups).values(chunk));
      progress('follow-ups inserted');
    });
    const insertSeconds = seconds(t);

    t = performance.now();
    // What refreshLastInteraction keeps per contact, set for everyone at once.
    await database.db.execute(sql`
      update ${contacts} c set last_interaction_at = m.last
      from (select contact_id, max(occurred_at) as last from ${interactionContacts} group by contact_id) m
      where m.contact_id = c.id`);
    // What the app's writes keep per contact (features/contacts/derived.ts): the keep-in-touch
    // dates and the matching keys, for the whole account at once.
    await database.db.transaction((tx) => refreshContacts(tx, accountId, 'all'));
    // An import of this size refreshes the planner statistics at its end; so does the loader.
    if (options.analyze) await database.db.execute(sql`vacuum analyze`);
    else await refreshStatistics(database.db);
    const finishSeconds = seconds(t);

    t = performance.now();
    await database.close();
    const closeSeconds = seconds(t);
    return {
      token,
      accountId,
      contactIds: data!.contacts.map((c) => c.id),
      touchCounts: data!.touchCounts,
      timings: { openSeconds, insertSeconds, finishSeconds, closeSeconds },
      analyzed: options.analyze,
    };
  } catch (error) {
    await database.close().catch(() => {});
    throw error;
  }
}
