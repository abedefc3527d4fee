// Prepared reads (src/server/db/prepared.ts): on the embedded database a named statement keeps its
// plan; values reach it as literals, which must come back exactly as they went in. On PostgreSQL
// the same call is an ordinary query with the same answer.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../src/server/db/database.js';
import { literal, preparedRows } from '../../src/server/db/prepared.js';
import { startTestServer, type TestServer } from '../support/harness.js';

let server: TestServer;
const embedded = process.env.CIRCULO_TEST_DB !== 'postgres';

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const statements = async () =>
  (await queryRows<{ name: string }>(server.database.db, sql`select name from pg_prepared_statements where name like 'circulo_echo_%'`)).map((r) => r.name);

describe('prepared reads', () => {
  const awkward = ["it's", 'back\\slash', "''", '$1', "'); drop table contacts; --", 'ñandú 🦤', ''];

  it.each(awkward)('gives back the text %j exactly', async (text) => {
    const rows = await preparedRows<{ v: string; n: number }>(server.database.db, 'echo', sql`select ${text}::text as v, length(${text}::text)::int as n`);
    expect(rows).toEqual([{ v: text, n: [...text].length }]);
  });

  it('takes dates, numbers, booleans and null', async () => {
    const at = new Date('2026-11-30T10:11:12.345Z');
    const [row] = await preparedRows<{ at: string | Date; d: string; n: number; b: boolean; nothing: string | null }>(
      server.database.db,
      'echo',
      sql`select ${at}::timestamptz as at, ${'2026-02-28'}::date + 1 as d, ${41}::int + 1 as n, ${true}::boolean as b, ${null}::text as nothing`,
    );
    expect(new Date(row!.at).toISOString()).toBe(at.toISOString());
    expect(String(row!.d)).toMatch(/2026-03-01/);
    expect(row).toMatchObject({ n: 42, b: true, nothing: null });
    expect(() => literal({})).toThrow(TypeError);
    expect(() => literal(Number.NaN)).toThrow(TypeError);
  });

  it.runIf(embedded)('keeps one named statement per shape, in and out of transactions, and after a rollback', async () => {
    const db = server.database.db;
    const echo = (tx: typeof db, v: number) => preparedRows<{ v: number }>(tx, 'echo', sql`select ${v}::int * 2 as v`);
    expect(await echo(db, 1)).toEqual([{ v: 2 }]);
    const before = await statements();
    expect(before.length).toBeGreaterThan(0);
    await expect(
      db.transaction(async (tx) => {
        expect(await echo(tx as unknown as typeof db, 2)).toEqual([{ v: 4 }]);
        expect(await preparedRows(tx, 'echo', sql`select ${'new shape'}::text as v`)).toEqual([{ v: 'new shape' }]);
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    // The statement made inside the rolled-back transaction is still there, and used.
    expect(await preparedRows(db, 'echo', sql`select ${'again'}::text as v`)).toEqual([{ v: 'again' }]);
    expect((await statements()).length).toBe(before.length + 1);
  });

  it('answers requests that first need the same statement at once, one of them in a transaction', async () => {
    const db = server.database.db;
    const read = (tx: Parameters<typeof preparedRows>[0], v: number) => preparedRows<{ v: number }>(tx, 'echo', sql`select ${v}::int + 1000 as v`);
    const answers = await Promise.all([
      read(db, 1),
      read(db, 2),
      db.transaction(async (tx) => [await read(tx, 3), await read(tx, 4)]),
      read(db, 5),
    ]);
    expect(answers).toEqual([[{ v: 1001 }], [{ v: 1002 }], [[{ v: 1003 }], [{ v: 1004 }]], [{ v: 1005 }]]);
  });

  it.runIf(!embedded)('is an ordinary query on PostgreSQL', async () => {
    expect(await preparedRows(server.database.db, 'echo', sql`select ${7}::int as v`)).toEqual([{ v: 7 }]);
    expect(await statements()).toEqual([]);
  });

  it('refuses a name that is not a plain identifier', async () => {
    await expect(preparedRows(server.database.db, 'echo; drop', sql`select 1`)).rejects.toThrow(/lower-case/);
  });
});
