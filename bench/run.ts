// `npm run bench`: builds the heavy user of docs/domain.md#scale in a throwaway embedded database, starts the
// real server on it and measures the screens a user waits for, over HTTP, one request at a time.
// Prints one JSON document on stdout; progress goes to stderr.
//
// Env: BENCH_SCALE (default 1; 0.1 for a quick run), BENCH_ANALYZE=1 to VACUUM ANALYZE after
// loading (by default the loader only refreshes the planner statistics, as an import of that
// size does), BENCH_KEEP=1 to keep the data directory (its path is printed),
// BENCH_PART=screens|imports to run one half (default: both), BENCH_OUTPUT=file for where the
// JSON is also written (default bench-results.json; `npm run -s bench` keeps stdout pure JSON).
// BENCH_MODE=org measures an organisation on PostgreSQL instead (bench/org.ts).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import type { ContactPage } from '#shared/schemas/contacts.js';
import { channels, directions, intents } from '#shared/enums.js';
import { scaled } from './generate.js';
import { measureImports } from './imports.js';
import { loadDataset } from './load.js';
import { ApiClient, diskUsageMiB, machineFacts, processCpuMs, processMemory, progress, round, Series, seconds, type Stats } from './measure.js';
import { Rng } from './prng.js';
import { startChildServer, type ChildServer } from './server.js';
import { searchQueries } from './vocabulary.js';
import { buildServerBundle, freshServerBundle } from '../scripts/server-bundle.mjs';

// The servers and CLI commands measured run as `npm start` runs them: from the prebuilt bundle.
if (!freshServerBundle()) {
  progress('building the server bundle (scripts/server-bundle.mjs)');
  await buildServerBundle();
}

if (process.env.BENCH_MODE === 'org') {
  const { runOrgBench } = await import('./org.js');
  process.exit(await runOrgBench());
}

const scale = Number(process.env.BENCH_SCALE ?? '1');
if (!Number.isFinite(scale) || scale <= 0) throw new Error(`BENCH_SCALE must be a positive number, not ${process.env.BENCH_SCALE}`);
const analyze = process.env.BENCH_ANALYZE === '1';
const keep = process.env.BENCH_KEEP === '1';
const part = process.env.BENCH_PART ?? 'all';
const resultFile = process.env.BENCH_OUTPUT ?? 'bench-results.json';
if (!['all', 'screens', 'imports'].includes(part)) throw new Error(`BENCH_PART must be screens or imports, not ${part}`);

const root = mkdtempSync(join(tmpdir(), 'circulo-bench-'));
const dataDir = join(root, 'data');
let server: ChildServer | undefined;
let cleaned = false;

async function cleanup() {
  if (cleaned) return;
  cleaned = true;
  if (server) {
    const code = await server.stop().catch((e: unknown) => String(e));
    progress(`server stopped (exit ${code})`);
  }
  if (keep) progress(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    progress(`${signal}: cleaning up`);
    void cleanup().finally(() => process.exit(130));
  });
}

const cpuSecondsOf = (pid: number) => {
  const ms = processCpuMs(pid);
  return ms === null ? null : round(ms / 1000, 2);
};

async function measure(): Promise<Record<string, unknown>> {
  const loadAverage1mAtStart = round(loadavg()[0] ?? NaN, 2);
  const size = scaled(scale);
  const now = new Date();
  progress(`heavy user × ${scale}: ${size.contacts} contacts, ${size.interactions} interactions, ${size.followups} follow-ups in ${root}`);

  let t = performance.now();
  const loaded = await loadDataset(dataDir, size, now, { analyze });
  const loadSeconds = seconds(t);
  progress(`loaded in ${loadSeconds} s (${JSON.stringify(loaded.timings)})`);
  const loaderPeakRssMiB = round(process.resourceUsage().maxRSS / 1024);
  const diskAfterLoadMiB = diskUsageMiB(dataDir);

  t = performance.now();
  server = await startChildServer(dataDir);
  const startupSeconds = seconds(t);
  // The CPU the start took (its time on a busy machine is mostly waiting for a core).
  const startupCpuSeconds = cpuSecondsOf(server.pid);
  progress(`server pid ${server.pid} at ${server.url}, up in ${startupSeconds} s (${startupCpuSeconds} s of CPU)`);
  // A first start after a load VACUUMs and ANALYZEs once it answers (docs/architecture.md#database):
  // the measurements start when that is done, or they would time it too.
  const maintained = await server.lineMatching(/(Refreshed the planner statistics|Vacuumed) .* in ([\d.]+) s\./, 120_000);
  const maintenanceAfterStartSeconds = maintained ? Number(/in ([\d.]+) s\./.exec(maintained)![1]) : null;
  progress(maintained ? `maintenance after the start took ${maintenanceAfterStartSeconds} s` : 'no maintenance after the start was reported');
  const memoryAfterStartup = processMemory(server.pid);
  const api = new ApiClient(server.url, loaded.token, server.pid);
  const rng = new Rng(7);
  const randomContact = () => loaded.contactIds[rng.int(0, loaded.contactIds.length - 1)]!;

  // --- warm-up: JIT, plan caches, the database's buffers ---------------------------------------
  for (let i = 0; i < 5; i++) {
    await api.get(`/api/contacts?q=${encodeURIComponent(['maria', 'smith', 'acme', 'madrid', 'ventas'][i]!)}`);
    const id = randomContact();
    await api.get(`/api/contacts/${id}`);
    await api.get(`/api/contacts/${id}/timeline`);
    await api.get('/api/today');
    await api.get('/api/contacts?limit=50');
  }
  const memoryAfterWarmup = processMemory(server.pid);
  progress('warm-up done');

  // --- the floor: authentication (a token UPDATE) and one lookup by primary key -----------------
  const baseline = new Series();
  for (let i = 0; i < 30; i++) baseline.addTimed(await api.get('/api/auth/me'));
  progress(`baseline /api/auth/me: ${JSON.stringify(baseline.stats())}`);

  // --- search -----------------------------------------------------------------------------------
  const search = new Series();
  const perQuery: { q: string; ms: number; results: number }[] = [];
  for (let round = 0; round < 2; round++) {
    for (const q of searchQueries) {
      const r = await api.get<ContactPage>(`/api/contacts?q=${encodeURIComponent(q)}`);
      search.addTimed(r);
      if (round === 1) perQuery.push({ q, ms: Math.round(r.ms * 10) / 10, results: r.body.items.length });
    }
  }
  progress(`search: ${JSON.stringify(search.stats())}`);

  // --- contact page: the contact and the first page of their timeline ---------------------------
  const contactGet = new Series();
  const contactTimeline = new Series();
  const contactPage = new Series();
  const openContact = async (id: string, into: { get: Series; timeline: Series; page: Series }) => {
    const a = await api.get(`/api/contacts/${id}`);
    const b = await api.get(`/api/contacts/${id}/timeline`);
    into.get.addTimed(a);
    into.timeline.addTimed(b);
    into.page.add(a.ms + b.ms, a.bytes + b.bytes, a.cpuMs === null || b.cpuMs === null ? null : a.cpuMs + b.cpuMs);
  };
  for (let i = 0; i < 100; i++) await openContact(randomContact(), { get: contactGet, timeline: contactTimeline, page: contactPage });
  progress(`contact page: ${JSON.stringify(contactPage.stats())}`);
  // The worst case: the people with the most touches.
  const busiest = [...loaded.touchCounts.keys()].sort((a, b) => loaded.touchCounts[b]! - loaded.touchCounts[a]!).slice(0, 10);
  const busyGet = new Series();
  const busyTimeline = new Series();
  const busyPage = new Series();
  for (const index of busiest) await openContact(loaded.contactIds[index]!, { get: busyGet, timeline: busyTimeline, page: busyPage });
  // Every touch, newest first (the API's list), and one person's as the "ask first" hint reads them.
  const touchesList = new Series();
  for (let i = 0; i < 10; i++) touchesList.addTimed(await api.get('/api/interactions?limit=50'));
  const touchesOfBusiest = new Series();
  for (const index of busiest) touchesOfBusiest.addTimed(await api.get(`/api/interactions?contactId=${loaded.contactIds[index]!}&limit=500`));
  progress(`touches: list ${JSON.stringify(touchesList.stats())}, the busiest's ${JSON.stringify(touchesOfBusiest.stats())}`);

  // --- Today ------------------------------------------------------------------------------------
  const today = new Series();
  let todayCounts: Record<string, number> = {};
  for (let i = 0; i < 30; i++) {
    const r = await api.get<{ overdue: unknown[]; dueToday: unknown[]; keepInTouch: unknown[] }>('/api/today');
    today.addTimed(r);
    todayCounts = { overdue: r.body.overdue.length, dueToday: r.body.dueToday.length, keepInTouch: r.body.keepInTouch.length };
  }
  progress(`today: ${JSON.stringify(today.stats())}`);

  // --- warm introductions (docs/domain.md#warm-introductions): to a contact, to a company -------
  // `intros` is every request of the three kinds (the p95); each kind has its own figure too.
  const intros = new Series();
  const introsContact = new Series();
  const introsCompany = new Series();
  const introsText = new Series();
  const introsOf = async (path: string, into: Series) => {
    const r = await api.get(path);
    intros.addTimed(r);
    into.addTimed(r);
  };
  for (let i = 0; i < 30; i++) await introsOf(`/api/intros?contactId=${randomContact()}`, introsContact);
  for (const company of ['telefonica', 'Cabify', 'Glovo', 'IESE', 'Academia Ñ']) await introsOf(`/api/intros?company=${encodeURIComponent(company)}`, introsCompany);
  for (const q of ['ingeniera', 'madrid', 'ventas', 'product manager', 'fintech']) await introsOf(`/api/intros?q=${encodeURIComponent(q)}`, introsText);
  progress(`intros: ${JSON.stringify(intros.stats())}`);

  // --- the Network screen's data: GET /api/network (default limit 1,500; and the 5,000 maximum) --
  const network = new Series();
  const networkMax = new Series();
  let networkCounts: Record<string, number> = {};
  for (let i = 0; i < 5; i++) {
    const r = await api.get<{ nodes: unknown[]; edges: unknown[]; omitted: number }>('/api/network');
    network.addTimed(r);
    networkCounts = { nodes: r.body.nodes.length, edges: r.body.edges.length, omitted: r.body.omitted };
  }
  for (let i = 0; i < 3; i++) networkMax.addTimed(await api.get('/api/network?limit=5000'));
  progress(`network: ${JSON.stringify(network.stats())}, ${JSON.stringify(networkCounts)}`);

  // --- possible duplicates: the first page the web app asks for (limit 20), then the next -------
  const duplicates = new Series();
  const duplicatesNext = new Series();
  let duplicateCounts: Record<string, number> = {};
  for (let i = 0; i < 20; i++) {
    const r = await api.get<{ items: unknown[]; nextCursor: string | null; total: number }>('/api/contacts/duplicates?limit=20');
    duplicates.addTimed(r);
    duplicateCounts = { total: r.body.total, firstPage: r.body.items.length };
    if (r.body.nextCursor && i < 10) duplicatesNext.addTimed(await api.get(`/api/contacts/duplicates?limit=20&cursor=${encodeURIComponent(r.body.nextCursor)}`));
  }
  progress(`duplicates: ${JSON.stringify(duplicates.stats())}, ${JSON.stringify(duplicateCounts)}`);

  // --- the contact list -------------------------------------------------------------------------
  // Every row carries the user's tie strength (issue 14): `listRowsWithStrength` says so.
  const listFirst = new Series();
  let listRowsWithStrength = 0;
  for (let i = 0; i < 20; i++) {
    const r = await api.get<ContactPage>('/api/contacts?limit=50');
    listFirst.addTimed(r);
    listRowsWithStrength = r.body.items.filter((row) => 'strength' in row).length;
  }
  const listNext = new Series();
  let cursor = (await api.get<ContactPage>('/api/contacts?limit=50')).body.nextCursor;
  for (let page = 0; page < 50 && cursor; page++) {
    const r = await api.get<ContactPage>(`/api/contacts?limit=50&cursor=${encodeURIComponent(cursor)}`);
    listNext.addTimed(r);
    cursor = r.body.nextCursor;
  }
  const listFiltered = new Series();
  for (let i = 0; i < 10; i++) {
    const r = await api.get<ContactPage>('/api/contacts?limit=50&circle=personal&stage=trusted');
    listFiltered.addTimed(r);
  }
  const listFilteredNext = new Series();
  cursor = (await api.get<ContactPage>('/api/contacts?limit=50&circle=personal&stage=trusted')).body.nextCursor;
  for (let page = 0; page < 20 && cursor; page++) {
    const r = await api.get<ContactPage>(`/api/contacts?limit=50&circle=personal&stage=trusted&cursor=${encodeURIComponent(cursor)}`);
    listFilteredNext.addTimed(r);
    cursor = r.body.nextCursor;
  }
  progress(`list: first ${JSON.stringify(listFirst.stats())}, next ${JSON.stringify(listNext.stats())}, filtered ${JSON.stringify(listFiltered.stats())}`);

  // --- logging a touch (last: it changes the data) ----------------------------------------------
  const create = new Series();
  for (let i = 0; i < 50; i++) {
    const people = rng.chance(0.8) ? [randomContact()] : [randomContact(), randomContact()];
    const r = await api.post('/api/interactions', {
      contactIds: people,
      occurredAt: new Date(Date.now() - rng.int(0, 7 * 24 * 60) * 60_000).toISOString(),
      channel: rng.pick(channels),
      direction: rng.pick(directions),
      intent: rng.pick(intents),
      summary: 'Benchmark: café para ponernos al día',
    });
    create.addTimed(r);
  }
  progress(`create interaction: ${JSON.stringify(create.stats())}`);

  const memoryAfterMeasurements = processMemory(server.pid);
  const diskMiB = diskUsageMiB(dataDir);
  // A clean stop runs CHECKPOINT and copies the database to snapshots/last-good.
  t = performance.now();
  const exitCode = await server.stop();
  const stopSeconds = seconds(t);
  server = undefined;
  if (exitCode !== 0) throw new Error(`the server exited with code ${exitCode} on SIGTERM`);
  const diskAfterStopMiB = diskUsageMiB(dataDir);
  const diskAfterStop = { pgdataMiB: diskUsageMiB(join(dataDir, 'pgdata')), snapshotMiB: diskUsageMiB(join(dataDir, 'snapshots')) };

  // The everyday start: the same database again, after that clean stop.
  t = performance.now();
  server = await startChildServer(dataDir);
  const restartSeconds = seconds(t);
  const restartCpuSeconds = cpuSecondsOf(server.pid);
  const memoryAfterRestart = processMemory(server.pid);
  progress(`restarted in ${restartSeconds} s (${restartCpuSeconds} s of CPU)`);
  const restartExitCode = await server.stop();
  server = undefined;
  if (restartExitCode !== 0) throw new Error(`the restarted server exited with code ${restartExitCode} on SIGTERM`);

  const series: Record<string, Series> = {
    baselineAuthMe: baseline,
    search,
    contactGet,
    contactTimeline,
    contactPage,
    contactGetBusiest: busyGet,
    contactTimelineBusiest: busyTimeline,
    contactPageBusiest: busyPage,
    touchesList,
    touchesOfBusiest,
    today,
    intros,
    introsContact,
    introsCompany,
    introsText,
    network,
    networkMax,
    duplicates,
    duplicatesNextPage: duplicatesNext,
    listFirstPage: listFirst,
    listNextPages: listNext,
    listFiltered,
    listFilteredNextPages: listFilteredNext,
    createInteraction: create,
  };
  const results: Record<string, Stats> = {};
  for (const [name, s] of Object.entries(series)) if (s.ms.length > 0) results[name] = s.stats();
  return {
    machine: {
      ...machineFacts(loadAverage1mAtStart),
    },
    dataset: {
      ...size,
      interactionContacts: loaded.touchCounts.reduce((a, b) => a + b, 0),
      untouchedContacts: loaded.touchCounts.filter((c) => c === 0).length,
      busiestContactTouches: loaded.touchCounts[busiest[0]!] ?? 0,
      scale,
      analyzed: loaded.analyzed,
    },
    loadSeconds,
    loadBreakdown: { ...loaded.timings, loaderPeakRssMiB },
    startupSeconds,
    startupCpuSeconds,
    maintenanceAfterStartSeconds,
    restartSeconds,
    restartCpuSeconds,
    stopSeconds,
    results,
    details: {
      todayCounts,
      duplicateCounts,
      networkCounts,
      listRowsWithStrength,
      slowestSearches: [...perQuery].sort((a, b) => b.ms - a.ms).slice(0, 8),
    },
    memory: {
      server: { afterStartup: memoryAfterStartup, afterWarmup: memoryAfterWarmup, afterMeasurements: memoryAfterMeasurements, afterRestart: memoryAfterRestart },
    },
    diskMiB,
    diskAfterLoadMiB,
    diskAfterStopMiB,
    diskAfterStop,
  };
}

let exitCode = 0;
try {
  const machine = { node: process.version, cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', totalMemGiB: round(totalmem() / 1024 ** 3) };
  const report: Record<string, unknown> = part === 'imports' ? { machine, scale } : await measure();
  if (part !== 'screens') report.imports = await measureImports(root, scale);
  await cleanup();
  const json = `${JSON.stringify(report, null, 2)}\n`;
  process.stdout.write(json);
  // npm prints its own banner on stdout; the file holds only the JSON.
  writeFileSync(resultFile, json);
  progress(`results written to ${resultFile}`);
} catch (error) {
  progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  exitCode = 1;
} finally {
  await cleanup();
}
process.exit(exitCode);
