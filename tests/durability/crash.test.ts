// kill -9 in the middle of writes, again and again: every write the server acknowledged (a 201
// the client received) must be there after the restart, and the database must open without
// falling back to the snapshot (which would silently drop everything since the last clean stop).
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  getStatus,
  hammer,
  listContactIds,
  setupOwnerToken,
  sleep,
  spawnServer,
  stop,
  tempDataDir,
  type Acknowledged,
} from './support.js';

const CYCLES = Number(process.env.CIRCULO_CRASH_CYCLES ?? 6);
const CONCURRENCY = 4;

describe('kill -9 during writes', () => {
  const dataDir = tempDataDir('crash');
  let token = '';

  beforeAll(async () => {
    const server = spawnServer(dataDir);
    token = await setupOwnerToken(await server.ready);
    // A clean stop, so a snapshot exists: the test then also proves it is not what saves us.
    expect(await stop(server, 'SIGTERM')).toEqual({ code: 0, signal: null });
    expect(existsSync(join(dataDir, 'snapshots', 'last-good', 'PG_VERSION'))).toBe(true);
  });

  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it(`keeps every acknowledged write over ${CYCLES} crashes`, async () => {
    const acknowledged: Acknowledged = { contacts: [], interactions: [] };
    const report: string[] = [];
    for (let cycle = 1; cycle <= CYCLES + 1; cycle++) {
      const started = performance.now();
      const server = spawnServer(dataDir);
      const url = await server.ready;
      const openMs = Math.round(performance.now() - started);

      expect(server.stderr(), 'the database had to be restored from the snapshot').not.toMatch(/could not be opened/);
      const ids = await listContactIds(url, token);
      const lost = acknowledged.contacts.filter((id) => !ids.has(id));
      expect(lost, `acknowledged contacts lost after crash ${cycle - 1}`).toEqual([]);
      for (const id of acknowledged.interactions) {
        expect(await getStatus(url, token, `/api/interactions/${id}`), `interaction ${id}`).toBe(200);
      }
      report.push(`open ${openMs} ms, ${acknowledged.contacts.length} contacts / ${acknowledged.interactions.length} interactions checked`);

      if (cycle > CYCLES) {
        expect(await stop(server, 'SIGTERM')).toEqual({ code: 0, signal: null });
        break;
      }
      const writes = hammer(url, token, CONCURRENCY, acknowledged);
      // A random point once writes flow (a loaded machine is slow to serve the first one).
      await writes.firstAck;
      await sleep(200 + Math.random() * 1800);
      await stop(server, 'SIGKILL');
      await writes.done;
    }
    console.log(`crash cycles: ${CYCLES}\n  ${report.join('\n  ')}`);
    expect(acknowledged.contacts.length).toBeGreaterThan(CYCLES); // the test did write something
    expect(readdirSync(dataDir).filter((name) => name.includes('.damaged-'))).toEqual([]);
    // ~40 s on 2 idle cores; a machine busy with other test runs can make each reopen take 10 s.
  }, 300_000);
});
