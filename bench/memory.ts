// `node [--expose-gc] --import tsx bench/memory.ts DATA_DIR`: where the server's memory goes.
// Starts the real server in process on a kept bench database (BENCH_KEEP=1; it stores an API token
// there), sends the bench's kinds of requests one kind at a time and prints after each: VmRSS,
// Node's heap and ArrayBuffers, PGlite's WebAssembly memory, the resident memory by kind of
// mapping, and the garbage collections' pauses. With --expose-gc it also collects before reading
// what survives. In process through tsx: ~85 MiB more than the bundle the bench runs.
// Env: MEMORY_ONLY=network,networkMax (kinds to send), MEMORY_NETWORK_ROUNDS, MEMORY_IDLE_SECONDS
// (keep reading while idle: V8 gives memory back only after a while).
import { readFileSync } from 'node:fs';
import { constants, PerformanceObserver } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { PGlite } from '@electric-sql/pglite';
import { startServer } from '../src/server/server.js';
import { loadConfig } from '../src/server/config.js';
import { apiTokens, users } from '../src/server/db/schema.js';
import { randomToken, sha256 } from '../src/server/features/auth/secrets.js';
import { API_TOKEN_PREFIX } from '../src/server/features/auth/sessions.js';
import { queryRows } from '../src/server/db/database.js';
import { searchQueries } from './vocabulary.js';

const dataDir = process.argv[2];
if (!dataDir) throw new Error('usage: tsx bench/memory.ts DATA_DIR');
const MiB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;

const server = await startServer(loadConfig({ ...process.env, CIRCULO_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOG_FORMAT: 'json' }));
const db = server.database.db;
const pg = (db as unknown as { $client: PGlite & { mod?: { HEAPU8?: Uint8Array; wasmMemory?: WebAssembly.Memory } } }).$client;
// PGlite's Emscripten module (protected in its types): its memory only grows.
const wasmBuffer = () => (pg.mod?.wasmMemory?.buffer ?? pg.mod?.HEAPU8?.buffer) as ArrayBuffer | undefined;

/** Resident MiB by kind of mapping: files, anonymous executable (compiled code), [heap] (malloc), other anonymous. */
function residentByKind(): Record<string, number> {
  const kinds: Record<string, number> = {};
  let kind = '';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const header = /^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \d+\s*(.*)$/.exec(line);
    if (header) {
      const [, perms, name] = header;
      kind = name === '[heap]' ? 'brk' : name && !name.startsWith('[') ? 'file' : perms!.includes('x') ? 'exec' : 'anon';
    }
    const rss = /^Rss:\s+(\d+) kB/.exec(line);
    if (rss) kinds[kind] = (kinds[kind] ?? 0) + Number(rss[1]) / 1024;
  }
  return Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, Math.round(v)]));
}

function vm(field: string): number {
  const status = readFileSync('/proc/self/status', 'utf8');
  return Math.round(Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN) / 1024);
}

// Garbage collection pauses on the main thread since the last snapshot (their price in latency).
let gcMs = 0;
let majorGcs = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gcMs += entry.duration;
    if ((entry as unknown as { detail?: { kind?: number } }).detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) majorGcs++;
  }
}).observe({ entryTypes: ['gc'] });

const rows: Record<string, unknown>[] = [];
function snapshot(label: string) {
  const gc = (globalThis as { gc?: () => void }).gc;
  const before = process.memoryUsage();
  const [pauses, majors] = [gcMs, majorGcs];
  gc?.();
  [gcMs, majorGcs] = [pauses, majors];
  const m = process.memoryUsage();
  const row = {
    label,
    rss: vm('VmRSS'),
    hwm: vm('VmHWM'),
    heapUsed: MiB(before.heapUsed),
    heapUsedAfterGc: gc ? MiB(m.heapUsed) : null,
    heapTotal: MiB(m.heapTotal),
    external: MiB(m.external),
    arrayBuffers: MiB(m.arrayBuffers),
    wasm: MiB(wasmBuffer()?.byteLength ?? NaN),
    rssAfterGc: vm('VmRSS'),
    ...residentByKind(),
    gcMs: Math.round(gcMs),
    majorGcs,
  };
  gcMs = 0;
  majorGcs = 0;
  rows.push(row);
  console.error(JSON.stringify(row));
}

snapshot('started');
const [user] = await db.select({ id: users.id, accountId: users.accountId }).from(users).limit(1);
const token = `${API_TOKEN_PREFIX}${randomToken()}`;
await db.insert(apiTokens).values({ accountId: user!.accountId, userId: user!.id, name: 'memory probe', tokenHash: sha256(token), createdAt: new Date() });
const ids = (await queryRows<{ id: string }>(db, sql`select id from contacts order by id`)).map((r) => r.id);
const busiest = (await queryRows<{ id: string }>(db, sql`select contact_id as id from interaction_contacts group by 1 order by count(*) desc limit 10`)).map((r) => r.id);
let seed = 7;
const randomContact = () => ids[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % ids.length]!;

const timings: Record<string, number[]> = {};
async function get(path: string, kind: string) {
  const t = performance.now();
  const response = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${token}` } });
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  (timings[kind] ??= []).push(performance.now() - t);
}

for (let i = 0; i < 5; i++) {
  await get(`/api/contacts?q=${encodeURIComponent(['maria', 'smith', 'acme', 'madrid', 'ventas'][i]!)}`, 'warmup');
  const id = randomContact();
  await get(`/api/contacts/${id}`, 'warmup');
  await get(`/api/contacts/${id}/timeline`, 'warmup');
  await get('/api/today', 'warmup');
  await get('/api/contacts?limit=50', 'warmup');
}
snapshot('warm-up');
const only = process.env.MEMORY_ONLY?.split(',');
const phase = async (name: string, run: () => Promise<void>) => {
  if (only && !only.includes(name)) return;
  await run();
  snapshot(name);
};
await phase('me', async () => { for (let i = 0; i < 30; i++) await get('/api/auth/me', 'me'); });
await phase('search', async () => { for (let r = 0; r < 2; r++) for (const q of searchQueries) await get(`/api/contacts?q=${encodeURIComponent(q)}`, 'search'); });
await phase('contacts', async () => {
  for (let i = 0; i < 100; i++) { const id = randomContact(); await get(`/api/contacts/${id}`, 'contact'); await get(`/api/contacts/${id}/timeline`, 'timeline'); }
  for (const id of busiest) { await get(`/api/contacts/${id}`, 'contact'); await get(`/api/contacts/${id}/timeline`, 'timeline'); }
});
await phase('today', async () => { for (let i = 0; i < 30; i++) await get('/api/today', 'today'); });
await phase('intros', async () => {
  for (let i = 0; i < 30; i++) await get(`/api/intros?contactId=${randomContact()}`, 'intros');
  for (const c of ['telefonica', 'Cabify', 'Glovo', 'IESE', 'Academia Ñ']) await get(`/api/intros?company=${encodeURIComponent(c)}`, 'intros');
  for (const q of ['ingeniera', 'madrid', 'ventas', 'product manager', 'fintech']) await get(`/api/intros?q=${encodeURIComponent(q)}`, 'intros');
});
await phase('network', async () => { for (let i = 0; i < Number(process.env.MEMORY_NETWORK_ROUNDS ?? 5); i++) await get('/api/network', 'network'); });
await phase('networkMax', async () => { for (let i = 0; i < 3; i++) await get('/api/network?limit=5000', 'networkMax'); });
await phase('duplicates', async () => { for (let i = 0; i < 20; i++) await get('/api/contacts/duplicates?limit=20', 'duplicates'); });
await phase('list', async () => { for (let i = 0; i < 20; i++) await get('/api/contacts?limit=50', 'list'); });

// Idle: does the server give memory back on its own (V8's memory reducer runs when allocation stops)?
for (let s = 0; s < Number(process.env.MEMORY_IDLE_SECONDS ?? 0); s += 5) {
  await new Promise((r) => setTimeout(r, 5_000));
  snapshot(`idle ${s + 5} s`);
}
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpu = process.cpuUsage();
console.log(JSON.stringify({ rows, p50: Object.fromEntries(Object.entries(timings).map(([k, v]) => [k, Math.round(p50(v) * 10) / 10])), cpuSeconds: (cpu.user + cpu.system) / 1e6 }, null, 1));
await server.stop();
