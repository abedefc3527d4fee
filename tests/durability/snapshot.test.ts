// A clean stop keeps only the WAL the cluster needs (the segment of its shutdown checkpoint), in
// the data directory and in the snapshot, and both still open with every committed row; more
// WAL written after that simply creates new segments. See pruneRecycledWal in embedded.ts.
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEmbedded } from '../../src/server/db/embedded.js';
import { tempDataDir } from './support.js';

const segments = (pgdata: string) => readdirSync(join(pgdata, 'pg_wal')).filter((name) => /^[0-9A-F]{24}$/.test(name));

/** The segment file of the last checkpoint, as pg_control records it (16 MiB segments, timeline 1). */
function checkpointSegment(pgdata: string): string {
  const lsn = readFileSync(join(pgdata, 'global', 'pg_control')).readBigUInt64LE(32);
  const number = lsn / (16n * 1024n * 1024n);
  return `00000001${(number / 256n).toString(16).padStart(8, '0')}${(number % 256n).toString(16).padStart(8, '0')}`.toUpperCase();
}

/** About 25 MiB of WAL per call, committed. */
const fill = (rows = 100_000) => `insert into filler select g, repeat(md5(g::text), 6) from generate_series(1, ${rows}) g`;

describe('the WAL after a clean stop', () => {
  const dataDir = tempDataDir('snapshot');
  const pgdata = join(dataDir, 'pgdata');
  const snapshot = join(dataDir, 'snapshots', 'last-good');
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('keeps only the checkpoint segment, and the cluster and its snapshot open with every row', async () => {
    const log: string[] = [];
    let db = await openEmbedded(dataDir, 'test', (m) => log.push(m));
    await db.client.exec('create table filler (n int, t text)');
    for (let i = 0; i < 3; i++) {
      await db.client.exec(fill());
      await db.client.exec('CHECKPOINT');
    }
    // PostgreSQL recycled the old segments under future names: there is something to remove.
    expect(segments(pgdata).length).toBeGreaterThan(1);
    await db.close();

    for (const dir of [pgdata, snapshot]) expect(segments(dir)).toEqual([checkpointSegment(dir)]);

    // Reopened: the rows are there, and more WAL than one segment holds is written fine.
    db = await openEmbedded(dataDir, 'test', (m) => log.push(m));
    expect((await db.client.query<{ n: number }>('select count(*)::int as n from filler')).rows[0]!.n).toBe(300_000);
    await db.client.exec(fill());
    await db.close();
    db = await openEmbedded(dataDir, 'test', (m) => log.push(m));
    expect((await db.client.query<{ n: number }>('select count(*)::int as n from filler')).rows[0]!.n).toBe(400_000);
    await db.close();
    expect(log.join('\n')).not.toMatch(/could not be opened|restoring/);

    // The pruned snapshot is a working database: with the data directory gone, it is restored.
    rmSync(pgdata, { recursive: true, force: true });
    db = await openEmbedded(dataDir, 'test', (m) => log.push(m));
    expect(log.join('\n')).toMatch(/restoring the last good snapshot/);
    expect((await db.client.query<{ n: number }>('select count(*)::int as n from filler')).rows[0]!.n).toBe(400_000);
    await db.close();
    expect(existsSync(join(pgdata, 'PG_VERSION'))).toBe(true);
  });
});
