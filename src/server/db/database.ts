// One entry point to the database, whichever runs it: PGlite in the data directory by default,
// a PostgreSQL server when DATABASE_URL is set. Both get the same schema and migrations.
import { fileURLToPath } from 'node:url';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { sql as sqlTag, type SQL } from 'drizzle-orm';
import type { PoolClient } from 'pg';
import * as schema from './schema.js';
import type { PGlite } from '@electric-sql/pglite';
import { openEmbedded } from './embedded.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction or the database itself: query helpers accept either. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0] | Db;

export interface Database {
  db: Db;
  kind: 'embedded' | 'postgres';
  /** Where the data lives, for messages (never includes a password). */
  location: string;
  /**
   * Embedded: the first call runs the maintenance the open found due (deferred by `maintenance:
   * 'deferred'`); each later one looks again for tables whose statistics are stale or whose pages
   * are mostly not all-visible, as PostgreSQL's autovacuum would (PGlite has none): the server
   * calls it every hour. A call while one runs gets that one's promise. PostgreSQL: resolves at
   * once (its autovacuum does this). Failures are logged, not thrown.
   */
  maintain(): Promise<void>;
  close(): Promise<void>;
}

const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));
// Any constant works; it only has to be the same for every app process.
const MIGRATION_LOCK_KEY = 4_210_611;

export interface OpenOptions {
  databaseUrl?: string | undefined;
  dataDir: string;
  /** Who opens the embedded database, named in the lock so a second opener can say who holds it. */
  command: string;
  log?: (message: string) => void;
  /** Embedded only: snapshot the clean state on close (default true). */
  snapshots?: boolean;
  /**
   * Embedded only: at open, refresh the planner statistics of the tables whose size changed by
   * more than a tenth since they were last analyzed (`when-stale`, the server), or only when the
   * database has none yet (`when-missing`, one short CLI command: no seconds spent on it).
   */
  statistics?: 'when-stale' | 'when-missing';
  /**
   * Embedded only: `at-open` (default) runs the VACUUM and ANALYZE that `statistics` asks for before
   * returning; `deferred` leaves them to `maintain()`, which the server calls once it listens, as
   * PostgreSQL's autovacuum works while the server answers (docs/architecture.md#database).
   */
  maintenance?: 'at-open' | 'deferred';
}

export async function openDatabase(options: OpenOptions): Promise<Database> {
  const log = options.log ?? ((m: string) => console.error(m));
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(options.dataDir, options.command, log, options.snapshots ?? true, options.statistics ?? 'when-stale', options.maintenance ?? 'at-open');
}

async function openPglite(
  dataDir: string,
  command: string,
  log: (m: string) => void,
  snapshots: boolean,
  statistics: 'when-stale' | 'when-missing',
  maintenance: 'at-open' | 'deferred',
): Promise<Database> {
  const embedded = await openEmbedded(dataDir, command, log, { snapshots });
  try {
    const db = drizzlePglite(embedded.client, { schema }) as unknown as Db;
    await migratePglite(db as never, { migrationsFolder });
    // What the open found due; null once run, and later calls look again (maintenanceDue).
    let due: MaintenanceStep[] | null = await tuneEmbedded(embedded.client, statistics);
    const pauseMs = maintenance === 'deferred' ? MAINTENANCE_PAUSE_MS : 0;
    let closing = false;
    let running: Promise<void> | null = null;
    const runMaintenance = (): Promise<void> => {
      if (closing) return running ?? Promise.resolve();
      return (running ??= (async () => {
        const steps = due ?? (await maintenanceDue(embedded.client));
        due = null;
        await maintain(embedded.client, log, steps, () => closing, pauseMs);
      })()
        .catch((error: unknown) => log(`The database maintenance failed: ${(error as Error).message}`))
        .finally(() => {
          running = null;
        }));
    };
    if (maintenance === 'at-open') await runMaintenance();
    return {
      db,
      kind: 'embedded',
      location: embedded.paths.pgdata,
      maintain: runMaintenance,
      close: async () => {
        // A stop during a maintenance waits for its current table only.
        closing = true;
        await running;
        await embedded.close();
      },
    };
  } catch (error) {
    await embedded.close().catch(() => {});
    throw error;
  }
}

/** Deferred maintenance: the pause before each table's statement, for the requests waiting. */
const MAINTENANCE_PAUSE_MS = 100;

/** Below this (1 MiB), reading the table instead of only its index costs little. */
const MIN_PAGES_TO_VACUUM = 128;

/**
 * PGlite runs no autovacuum, so the planner never gets statistics and guesses badly (measured:
 * search scanned every contact instead of using the trigram index). The server refreshes them
 * at open, as autovacuum would: only the tables whose statistics are stale. Autovacuum counts
 * changed rows, but PGlite keeps no such counters across a restart (single-user PostgreSQL
 * writes no statistics file), so staleness is read from what does persist: a table never
 * analyzed (`reltuples` -1, or rows but no column statistics), or one whose size on disk moved
 * by more than a tenth from the `relpages` its last ANALYZE saw (autovacuum's default scale
 * factor, 0.1). ANALYZE of every table of the heavy user costs ~1.5 s of CPU, which a start on
 * fresh statistics now skips. Imports and restores that write 1,000 rows or more analyze on
 * their own (refreshStatistics). The SET: data files are in the kernel's page cache, so random
 * reads cost about what sequential do.
 */
async function tuneEmbedded(client: PGlite, statistics: 'when-stale' | 'when-missing'): Promise<MaintenanceStep[]> {
  await client.exec('SET random_page_cost = 1.1');
  if (statistics === 'when-missing') {
    // reltuples is -1 until a table is first analyzed; it is kept in the catalog across opens.
    const { rows } = await client.query<{ reltuples: number }>(`select reltuples from pg_class where relname = 'contacts'`);
    return (rows[0]?.reltuples ?? -1) >= 0 ? [] : [{ command: 'ANALYZE', table: null }];
  }
  return maintenanceDue(client);
}

/** The tables autovacuum would see to now: stale statistics, or pages mostly not all-visible. */
async function maintenanceDue(client: PGlite): Promise<MaintenanceStep[]> {
  const { rows } = await client.query<{ name: string; stale: boolean }>(`
    select * from (
      select format('%I', c.relname) as name,
        (c.reltuples < 0
          or abs(pg_relation_size(c.oid) / current_setting('block_size')::int - c.relpages) > 0.1 * c.relpages
          -- CREATE INDEX also sets reltuples and relpages, without the column statistics.
          or (c.reltuples > 0 and not exists (select from pg_statistic s where s.starelid = c.oid))) as stale,
        -- Mostly not all-visible: autovacuum's insert threshold would have vacuumed it. An import
        -- only ANALYZEs (refreshStatistics), and without VACUUM every index-only scan (a person's
        -- touches for tie strength) also read the table: the busiest contact's strength 27 → 11 ms.
        (c.relpages >= ${MIN_PAGES_TO_VACUUM} and c.relallvisible < 0.5 * c.relpages) as unvacuumed
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind = 'r') t
    where stale or unvacuumed`);
  // The statistics first (the planner's choices depend on them); VACUUM alone where they are fresh
  // (ANALYZE of the heavy user's contacts alone is ~1 s).
  return [
    ...rows.filter((r) => r.stale).map((r) => ({ command: 'VACUUM (ANALYZE)' as const, table: r.name })),
    ...rows.filter((r) => !r.stale).map((r) => ({ command: 'VACUUM' as const, table: r.name })),
  ];
}

interface MaintenanceStep {
  command: 'ANALYZE' | 'VACUUM' | 'VACUUM (ANALYZE)';
  /** null: the whole database. */
  table: string | null;
}

/**
 * The planner statistics and the visibility map, as autovacuum would keep them. `VACUUM`: index-only
 * scans (a person's touches of a year from interaction_contacts_contact_idx) need the pages marked
 * all-visible, which only VACUUM does: without it each touch was fetched from the table too
 * (bench/explain.ts on the heavy user after migration 0020: intros to a contact 1,125 → 159 ms).
 * One table per statement: PGlite runs one statement at a time, on the event loop's thread, so a
 * request waits for the table being vacuumed, not for all of them (the heavy user's first start
 * after its load: 0.04–0.65 s of CPU each, 2.3 s in all). `stop()` ends it between two tables,
 * and the log line counts the pauses too.
 */
async function maintain(client: PGlite, log: (m: string) => void, steps: MaintenanceStep[], stop: () => boolean, pauseMs: number) {
  const started = Date.now();
  for (const { command, table } of steps) {
    // Deferred: a pause before each table lets waiting requests run first. Without it the next
    // statement is queued before the event loop reads a request that arrived meanwhile (PGlite
    // blocks the thread while it runs), and the first answers waited for the whole maintenance.
    if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    if (stop()) return;
    await client.exec(table ? `${command} ${table}` : command);
  }
  const ms = Date.now() - started;
  // Deferred, it is said whenever there was any (requests answered meanwhile paid for it, and
  // bench/run.ts waits for this line before it measures); at open, only when it was long.
  if (steps.length === 0 || (pauseMs === 0 && ms <= 2_000)) return;
  const took = `${(ms / 1000).toFixed(1)} s`;
  const analyzed = steps.some((s) => s.command !== 'VACUUM');
  log(analyzed ? `Refreshed the planner statistics and vacuumed in ${took}.` : `Vacuumed ${steps.map((s) => s.table).join(', ')} in ${took}.`);
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured DATABASE_URL';
  }
}

async function openPostgres(url: string): Promise<Database> {
  // Loaded only here: the embedded database (the CLI's commands, a laptop's server) never needs
  // node-postgres, and loading it was ~50 ms of every start.
  const [{ default: pg }, { drizzle: drizzlePg }, { migrate: migratePg }] = await Promise.all([
    import('pg'),
    import('drizzle-orm/node-postgres'),
    import('drizzle-orm/node-postgres/migrator'),
  ]);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  let client: PoolClient;
  try {
    client = await pool.connect();
  } catch (error) {
    await pool.end().catch(() => {});
    throw new Error(`Cannot reach the PostgreSQL server at ${redactUrl(url)}: ${(error as Error).message}`);
  }
  try {
    // Several app processes may start together: one migrates, the others wait for it.
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    await migratePg(drizzlePg(client, { schema }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
    client.release();
  }
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return { db, kind: 'postgres', location: redactUrl(url), maintain: () => Promise.resolve(), close: () => pool.end() };
}

/** Runs raw SQL and returns its rows (PGlite and node-postgres both answer `{ rows }`). */
export async function queryRows<T>(db: Tx, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Large reads as JSON: `query`'s rows sent as a few JSON values of up to 1,000 rows each, in no
 * particular order (chunks are numbered as rows come; the caller sorts if it must). PGlite decodes
 * each value of a result on its own, and each row costs a protocol message and its objects: the
 * heavy user's tie inputs for the network (23,329 rows of 8 values) took 0.77 s of CPU and 25 MiB
 * of JavaScript heap as rows, 0.53 s and 11 MiB as JSON, and none of it was promoted to V8's old
 * generation (10.6 MiB as rows): that generation's garbage is most of what the server's resident
 * memory grows by (bench/memory.ts).
 * One JSON value for the whole result grew PGlite's WebAssembly memory (which never shrinks) by
 * 25 MiB; chunks of 1,000 rows did not grow it. Values come as JSON gives them:
 * timestamps as ISO strings, arrays as arrays. Read with `fromJsonChunks`.
 */
export function inJsonChunks(query: SQL): SQL {
  return sqlTag`select json_agg(r) as rows from (select to_json(q) as r, (row_number() over ()) / 1000 as chunk from (${query}) q) c group by chunk`;
}

/** `inJsonChunks` keeping the order of `query` (its ORDER BY): the rows numbered, each chunk and the chunks in order. */
export function inOrderedJsonChunks(query: SQL): SQL {
  return sqlTag`select json_agg(r order by n) as rows from (select to_json(q) as r, row_number() over () as n from (${query}) q) c group by n / 1000 order by n / 1000`;
}

export function fromJsonChunks<T>(chunks: readonly { rows: T[] }[]): T[] {
  return chunks.flatMap((c) => c.rows);
}

/** The tables a whole account's restore writes, whose statistics refreshStatistics renews by default. */
const BULK_WRITTEN_TABLES = ['contacts', 'interactions', 'interaction_contacts', 'followups', 'favors'];

/**
 * After a bulk write (an import, a restore): fresh statistics so the planner keeps good plans. An
 * import names what it wrote (a table, or a table with the columns it changed): ANALYZE of the
 * heavy user's contacts reads every row and folds 1,000 most-common values of the search text
 * (~0.75–1 s), which a messages import, changing only the stored keep-in-touch columns, does not need.
 */
export async function refreshStatistics(db: Tx, targets: readonly string[] = BULK_WRITTEN_TABLES): Promise<void> {
  if (targets.length > 0) await db.execute(sqlTag.raw(`ANALYZE ${targets.join(', ')}`));
}
