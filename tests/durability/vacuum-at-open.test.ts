// PGlite has no autovacuum, and an import only ANALYZEs (refreshStatistics): the server's open
// VACUUMs a table whose pages are mostly not all-visible, or index-only scans keep reading the
// table (src/server/db/database.ts, tuneEmbedded). The server defers it until it listens, and
// looks again every hour while it runs.
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase, queryRows } from '../../src/server/db/database.js';
import { sql } from 'drizzle-orm';
import { tempDataDir } from './support.js';

const visibility = (db: Parameters<typeof queryRows>[0]) =>
  queryRows<{ relpages: number; relallvisible: number }>(db, sql`select relpages, relallvisible from pg_class where relname = 'bulk_rows'`);

describe('opening the embedded database', () => {
  const dataDir = tempDataDir('vacuum');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('vacuums a table written in bulk and only analyzed since', async () => {
    const first = await openDatabase({ dataDir, command: 'test', snapshots: false, log: () => {} });
    // ~2.5 MiB: over the 1 MiB below which reading the table costs little.
    await first.db.execute(sql`create table bulk_rows (id int primary key, filler text)`);
    await first.db.execute(sql`insert into bulk_rows select g, repeat('x', 80) from generate_series(1, 20000) g`);
    await first.db.execute(sql`analyze bulk_rows`);
    const [before] = await visibility(first.db);
    expect(before!.relpages).toBeGreaterThan(128);
    expect(before!.relallvisible).toBe(0);
    await first.close();

    const second = await openDatabase({ dataDir, command: 'test', snapshots: false, log: () => {} });
    try {
      const [after] = await visibility(second.db);
      expect(after!.relallvisible).toBe(after!.relpages);
    } finally {
      await second.close();
    }
  });

  it('leaves it to maintain() when deferred (the server), answering queries meanwhile', async () => {
    const deferredDir = tempDataDir('vacuum-deferred');
    try {
      const first = await openDatabase({ dataDir: deferredDir, command: 'test', snapshots: false, log: () => {} });
      await first.db.execute(sql`create table bulk_rows (id int primary key, filler text)`);
      await first.db.execute(sql`insert into bulk_rows select g, repeat('x', 80) from generate_series(1, 20000) g`);
      await first.db.execute(sql`analyze bulk_rows`);
      await first.close();

      const second = await openDatabase({ dataDir: deferredDir, command: 'test', snapshots: false, log: () => {}, maintenance: 'deferred' });
      try {
        const [opened] = await visibility(second.db);
        expect(opened!.relallvisible).toBe(0);
        const maintained = second.maintain();
        // A call while it runs shares it.
        expect(second.maintain()).toBe(maintained);
        // A read while it runs is queued between its statements and answers right.
        const [count] = await queryRows<{ n: number }>(second.db, sql`select count(*)::int as n from bulk_rows`);
        expect(count!.n).toBe(20000);
        await maintained;
        const [after] = await visibility(second.db);
        expect(after!.relallvisible).toBe(after!.relpages);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(deferredDir, { recursive: true, force: true });
    }
  });

  it('looks again at each later maintain() while it stays open, as autovacuum would (the server: hourly)', async () => {
    const runningDir = tempDataDir('vacuum-running');
    const logged: string[] = [];
    const database = await openDatabase({ dataDir: runningDir, command: 'test', snapshots: false, log: (m) => logged.push(m), maintenance: 'deferred' });
    try {
      await database.maintain();
      // Written while open, never analyzed nor vacuumed: stale statistics, no page all-visible.
      await database.db.execute(sql`create table bulk_rows (id int primary key, filler text)`);
      await database.db.execute(sql`insert into bulk_rows select g, repeat('x', 80) from generate_series(1, 20000) g`);
      const stats = () => queryRows<{ reltuples: number; relpages: number; relallvisible: number }>(database.db, sql`select reltuples, relpages, relallvisible from pg_class where relname = 'bulk_rows'`);
      expect((await stats())[0]!.reltuples).toBe(-1);
      await database.maintain();
      const [after] = await stats();
      expect(after!.reltuples).toBe(20000);
      expect(after!.relallvisible).toBe(after!.relpages);
      expect(logged.at(-1)).toMatch(/^Refreshed the planner statistics and vacuumed in [\d.]+ s\.$/);
      // Nothing due: nothing done, nothing said.
      const lines = logged.length;
      await database.maintain();
      expect(logged).toHaveLength(lines);
    } finally {
      await database.close();
      rmSync(runningDir, { recursive: true, force: true });
    }
  });

  it('stops cleanly while the deferred maintenance runs', async () => {
    const stopDir = tempDataDir('vacuum-stop');
    try {
      const first = await openDatabase({ dataDir: stopDir, command: 'test', snapshots: false, log: () => {} });
      for (const name of ['bulk_a', 'bulk_b', 'bulk_c']) {
        await first.db.execute(sql.raw(`create table ${name} (id int primary key, filler text)`));
        await first.db.execute(sql.raw(`insert into ${name} select g, repeat('x', 80) from generate_series(1, 20000) g`));
        await first.db.execute(sql.raw(`analyze ${name}`));
      }
      await first.close();

      const second = await openDatabase({ dataDir: stopDir, command: 'test', snapshots: false, log: () => {}, maintenance: 'deferred' });
      const maintained = second.maintain();
      // Wait for its first table (the reads queue between its statements), then stop.
      const vacuumed = () =>
        queryRows<{ n: number }>(second.db, sql`select count(*)::int as n from pg_class where relname like 'bulk_%' and relallvisible > 0`);
      while ((await vacuumed())[0]!.n === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      await second.close();
      await maintained;
      // Closed cleanly: it opens again, and the tables it had not reached are vacuumed then.
      const third = await openDatabase({ dataDir: stopDir, command: 'test', snapshots: false, log: () => {} });
      try {
        const rows = await queryRows<{ relpages: number; relallvisible: number }>(
          third.db,
          sql`select relpages, relallvisible from pg_class where relname in ('bulk_a', 'bulk_b', 'bulk_c')`,
        );
        expect(rows).toHaveLength(3);
        for (const row of rows) expect(row.relallvisible).toBe(row.relpages);
      } finally {
        await third.close();
      }
    } finally {
      rmSync(stopDir, { recursive: true, force: true });
    }
  });
});
