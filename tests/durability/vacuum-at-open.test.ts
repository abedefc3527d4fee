// PGlite has no autovacuum, and an import only ANALYZEs (refreshStatistics): the server's open
// VACUUMs a table whose pages are mostly not all-visible, or index-only scans keep reading the
// table (src/server/db/database.ts, tuneEmbedded).
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
});
