// Plans kept for the embedded database's hottest reads. PGlite runs PostgreSQL's planner in
// WebAssembly, and every query through its driver is parsed and planned anew (an unnamed
// statement). Measured on the heavy user (README "Performance"): planning the tie-strength read of
// a page of 50 contacts cost 3–5 ms of its 6–8 ms. A named statement (PREPARE, then EXECUTE)
// keeps its plan for the life of the session, which for PGlite is the life of the process.
//
// Hand-written because neither driver layer offers it: drizzle's `.prepare(name)` names the
// statement only for node-postgres (PGlite's driver ignores the name), and PGlite's EXECUTE takes
// no bind parameters, so the values go in as quoted literals (`literal()`). A PostgreSQL server
// plans natively and fast; there the same read runs as an ordinary query.
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { is, sql, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { PgliteSession } from 'drizzle-orm/pglite';
import { createHash } from 'node:crypto';
import type { Tx } from './database.js';

const OWNER = Symbol('circulo.pglite');
/** The dollar quotes of the DO block that prepares a statement, and of the statement's text in it. */
const DO_QUOTE = '$circulo_do$';
const SQL_QUOTE = '$circulo_sql$';
const dialect = new PgDialect();
/** Per PGlite instance: the statements prepared in it, or null where literals are not safe. */
const preparedIn = new WeakMap<PGlite, Set<string> | null>();

/**
 * Marks each transaction of `pg` with the instance it belongs to: drizzle runs a transaction's
 * queries on PGlite's transaction object, which does not name its instance, and a statement
 * prepared in one instance does not exist in another (a test process opens many).
 */
export function markTransactions(pg: PGlite): void {
  const transaction = pg.transaction.bind(pg);
  pg.transaction = <T>(callback: (tx: Transaction) => Promise<T>) =>
    transaction((tx) => {
      (tx as unknown as Record<symbol, PGlite>)[OWNER] = pg;
      return callback(tx);
    });
}

/** The PGlite instance under a drizzle database or transaction; undefined for node-postgres. */
function embeddedInstance(db: Tx): PGlite | undefined {
  const session = (db as unknown as { _?: { session?: unknown } })._?.session;
  if (!is(session, PgliteSession)) return undefined;
  const client = (session as unknown as { client?: unknown }).client;
  if (client instanceof PGlite) return client;
  return (client as Record<symbol, PGlite> | undefined)?.[OWNER];
}

/** A value as an SQL literal; PostgreSQL casts it to the type the statement inferred for it. */
export function literal(value: unknown): string {
  if (value === null || value === undefined) return 'NULL';
  if (value instanceof Date) return quote(value.toISOString());
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number' && Number.isFinite(value)) return quote(String(value));
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  throw new TypeError(`a prepared read takes strings, finite numbers, booleans, dates or null, not ${typeof value}`);
}

// Only a quote ends a standard string literal: `preparedFor` checks standard_conforming_strings
// is on (PostgreSQL's default), so a backslash is an ordinary character.
const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function rowsOf<T>(db: Tx, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}

async function preparedFor(db: Tx, instance: PGlite): Promise<Set<string> | null> {
  let names = preparedIn.get(instance);
  if (names === undefined) {
    const [setting] = await rowsOf<{ on: boolean }>(db, sql`select current_setting('standard_conforming_strings') = 'on' as on`);
    names = setting?.on ? new Set() : null;
    preparedIn.set(instance, names);
  }
  return names;
}

/**
 * The rows of `query`, from a plan kept under a name made of `name` and the query's text (each
 * shape of a read is its own statement). On a PostgreSQL server, or where literals are not safe,
 * an ordinary query.
 */
export async function preparedRows<T>(db: Tx, name: string, query: SQL): Promise<T[]> {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`a prepared read's name is lower-case letters and _, not ${name}`);
  const instance = embeddedInstance(db);
  const names = instance && (await preparedFor(db, instance));
  if (!names) return rowsOf<T>(db, query);
  const { sql: text, params } = dialect.sqlToQuery(query);
  const statement = `circulo_${name}_${createHash('sha1').update(text).digest('hex').slice(0, 12)}`;
  if (!names.has(statement)) {
    // Two requests may both find it missing (PGlite runs one statement at a time, but requests
    // interleave between statements), and a failed PREPARE would abort the caller's transaction:
    // the second one is a no-op. A PREPARE outlives a rolled-back transaction (it is not
    // transactional), so it is marked once made.
    if (text.includes(SQL_QUOTE) || text.includes(DO_QUOTE)) throw new Error(`a prepared read cannot contain ${SQL_QUOTE} or ${DO_QUOTE}`);
    await rowsOf(
      db,
      sql.raw(`DO ${DO_QUOTE} BEGIN EXECUTE ${SQL_QUOTE}PREPARE ${statement} AS ${text}${SQL_QUOTE};
        EXCEPTION WHEN duplicate_prepared_statement THEN NULL; END ${DO_QUOTE}`),
    );
    names.add(statement);
  }
  const args = params.length > 0 ? `(${params.map(literal).join(', ')})` : '';
  return rowsOf<T>(db, sql.raw(`EXECUTE ${statement}${args}`));
}
