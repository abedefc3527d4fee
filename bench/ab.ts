// A/B of the screens a change touches, on a loaded machine: `tsx bench/ab.ts <dataDir> <otherRepo>`
// runs this checkout's server (B) and another checkout's (A, e.g. `git archive <commit>` with its
// server bundle built) each on its own copy of a database kept by `BENCH_KEEP=1 npm run bench`,
// and sends each request to both, alternating which goes first, so both see the same load.
// Prints JSON: each endpoint's stats for A and B and B/A ratios of p50 and p95.
//
// Env: AB_ROUNDS (default 3): passes over the endpoints.
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { drizzle } from 'drizzle-orm/pglite';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/server/db/database.js';
import { openEmbedded } from '../src/server/db/embedded.js';
import * as schema from '../src/server/db/schema.js';
import { randomToken, sha256 } from '../src/server/features/auth/secrets.js';
import { API_TOKEN_PREFIX } from '../src/server/features/auth/sessions.js';
import { ApiClient, progress, round, Series } from './measure.js';
import { startChildServer, type ChildServer } from './server.js';
import { searchQueries } from './vocabulary.js';
import { buildServerBundle, freshServerBundle } from '../scripts/server-bundle.mjs';

// This checkout's server runs from its bundle, as `npm start` does: a stale one would fall back to
// tsx's loader (1.2–1.5× the server CPU per request in two runs on 2026-11-30), and the A/B would compare loaders, not code.
// The other checkout's bundle is its own to build (scripts/server-bundle.mjs there).
if (!freshServerBundle()) {
  progress('building the server bundle (scripts/server-bundle.mjs)');
  await buildServerBundle();
}

const [source, otherRepo] = process.argv.slice(2);
if (!source || !otherRepo) {
  console.error('usage: tsx bench/ab.ts <dataDir kept by BENCH_KEEP=1> <other checkout>');
  process.exit(2);
}
const rounds = Number(process.env.AB_ROUNDS ?? '3');

// A token both servers accept: the copies are made after it is stored.
const token = `${API_TOKEN_PREFIX}${randomToken()}`;
const embedded = await openEmbedded(source, 'bench ab', (m) => progress(m), { snapshots: false });
const db = drizzle(embedded.client, { schema }) as unknown as Db;
const [user] = await queryRows<{ id: string; account_id: string }>(db, sql`select id, account_id from users order by created_at limit 1`);
await db.insert(schema.apiTokens).values({ accountId: user!.account_id, userId: user!.id, name: 'ab', tokenHash: sha256(token), createdAt: new Date() });
const ids = (await queryRows<{ id: string }>(db, sql`select id from contacts order by id`)).map((r) => r.id);
// The contact page a heavy user waits longest for: the ten with the most touches, as bench/run.ts.
const busiest = (await queryRows<{ id: string }>(
  db,
  sql`select contact_id as id from interaction_contacts group by 1 order by count(*) desc, 1 limit 10`,
)).map((r) => r.id);
await embedded.close();

const root = mkdtempSync(join(tmpdir(), 'circulo-ab-'));
const servers: ChildServer[] = [];
try {
  cpSync(source, join(root, 'a'), { recursive: true });
  cpSync(source, join(root, 'b'), { recursive: true });
  const a = await startChildServer(join(root, 'a'), { repoRoot: resolve(otherRepo) });
  servers.push(a);
  const b = await startChildServer(join(root, 'b'));
  servers.push(b);
  const clients = { a: new ApiClient(a.url, token, a.pid), b: new ApiClient(b.url, token, b.pid) };
  const load = [loadavg()[0]];

  const endpoints: [string, string[]][] = [
    ['search', searchQueries.map((q) => `/api/contacts?q=${encodeURIComponent(q)}`)],
    ['listFirstPage', Array.from({ length: 10 }, () => '/api/contacts?limit=50')],
    ['listFiltered', Array.from({ length: 5 }, () => '/api/contacts?limit=50&circle=personal&stage=trusted')],
    ['contactGet', ids.filter((_, i) => i % Math.ceil(ids.length / 30) === 7).map((id) => `/api/contacts/${id}`)],
    ['contactGetBusiest', busiest.map((id) => `/api/contacts/${id}`)],
    ['contactTimelineBusiest', busiest.map((id) => `/api/contacts/${id}/timeline`)],
    ['today', Array.from({ length: 5 }, () => '/api/today')],
    // The three kinds of introduction request bench/run.ts sends.
    ['intros', [
      ...ids.filter((_, i) => i % Math.ceil(ids.length / 10) === 3).map((id) => `/api/intros?contactId=${id}`),
      ...['telefonica', 'Cabify', 'IESE'].map((c) => `/api/intros?company=${encodeURIComponent(c)}`),
      ...['ingeniera', 'madrid', 'fintech'].map((q) => `/api/intros?q=${encodeURIComponent(q)}`),
    ]],
  ];
  const series = new Map(endpoints.map(([name]) => [name, { a: new Series(), b: new Series() }]));
  // Warm-up: both servers' JIT and buffers.
  for (const [, paths] of endpoints) for (const path of paths.slice(0, 3)) for (const c of Object.values(clients)) await c.get(path);
  let flip = false;
  for (let r = 0; r < rounds; r++) {
    for (const [name, paths] of endpoints) {
      for (const path of paths) {
        flip = !flip;
        for (const side of flip ? (['a', 'b'] as const) : (['b', 'a'] as const)) series.get(name)![side].addTimed(await clients[side].get(path));
      }
    }
    load.push(loadavg()[0]);
  }
  const results: Record<string, unknown> = {};
  for (const [name, { a: sa, b: sb }] of series) {
    const [x, y] = [sa.stats(), sb.stats()];
    results[name] = { a: x, b: y, ratioP50: round(y.p50 / x.p50, 2), ratioP95: round(y.p95 / x.p95, 2) };
  }
  process.stdout.write(`${JSON.stringify({ a: resolve(otherRepo), b: 'this checkout', rounds, loadAverage1m: load.map((l) => round(l ?? NaN, 2)), results }, null, 2)}\n`);
} finally {
  for (const s of servers) await s.stop();
  rmSync(root, { recursive: true, force: true });
}
