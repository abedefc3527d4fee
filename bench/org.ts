// `BENCH_MODE=org DATABASE_URL=postgres://…/circulo_bench npm run -s bench`: an organisation on one
// PostgreSQL. N heavy users (bench/generate.ts, each at BENCH_SCALE) loaded with COPY into a
// database this bench creates and drops, two server processes on it, and a load generator that
// spreads a realistic mix of screens (and writes) from every account over both servers' addresses
// at a fixed rate. Open loop: each request starts at its scheduled time whether or not earlier ones
// have answered, and its latency counts from that time, so a slow server cannot slow the load down
// and hide its own queue (coordinated omission). JSON on stdout, like the single-user bench.
//
// Env: DATABASE_URL (required; its database name must contain "bench", as it is dropped and
// created), BENCH_ORG_ACCOUNTS (default 20), BENCH_SCALE (default 0.25: 7,500 contacts and 75,000
// touches each), BENCH_ORG_RATE (requests a second, default 50), BENCH_ORG_SECONDS (default 60),
// BENCH_ORG_WARMUP_SECONDS (default 10, same traffic, not counted), BENCH_ORG_SERVERS (default 2),
// BENCH_ORG_LOAD_CONCURRENCY (accounts loaded at once, default 2), BENCH_KEEP=1 to keep the
// database, BENCH_OUTPUT (default bench-results.json).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { randomBytes } from 'node:crypto';
import { getTableColumns, getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { channels, directions, intents } from '#shared/enums.js';
import { openDatabase, redactUrl } from '../src/server/db/database.js';
import { contacts, followups, interactionContacts, interactions } from '../src/server/db/schema.js';
import { hashPassword, randomToken, sha256 } from '../src/server/features/auth/secrets.js';
import { API_TOKEN_PREFIX } from '../src/server/features/auth/sessions.js';
import { refreshContacts } from '../src/server/features/contacts/derived.js';
import { generate, scaled } from './generate.js';
import { machineFacts, processCpuMs, processMemory, progress, round, seconds, stats, type Stats } from './measure.js';
import { Rng } from './prng.js';
import { startChildServer, type ChildServer } from './server.js';
import { searchQueries } from './vocabulary.js';

const int = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`${name} must be a positive number, not ${process.env[name]}`);
  return value;
};

interface Account {
  accountId: string;
  token: string;
  contactIds: string[];
  /** The ten contacts with the most touches. */
  busiest: string[];
}

// --- loading with COPY ----------------------------------------------------------------------------

/** A value in COPY's text format. */
function copyValue(value: unknown): string {
  if (value === null || value === undefined) return '\\N';
  let text: string;
  if (value instanceof Date) text = value.toISOString();
  else if (Array.isArray(value)) text = `{${value.map((item) => `"${String(item).replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;
  else if (typeof value === 'boolean') text = value ? 't' : 'f';
  else if (typeof value === 'object') text = JSON.stringify(value);
  else text = String(value);
  return text.replace(/[\\\n\r\t]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c]!);
}

/** COPYs Drizzle insert objects into `table`: the columns are those the first rows carry. */
async function copyRows(client: pg.PoolClient, table: PgTable, rows: readonly Record<string, unknown>[]) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table) as Record<string, { name: string }>;
  const keys = [...new Set(rows.slice(0, 100).flatMap((row) => Object.keys(row)))].filter((key) => columns[key]);
  const names = keys.map((key) => `"${columns[key]!.name}"`).join(', ');
  function* chunks() {
    for (let i = 0; i < rows.length; i += 1_000) {
      let chunk = '';
      for (const row of rows.slice(i, i + 1_000)) chunk += `${keys.map((key) => copyValue(row[key])).join('\t')}\n`;
      yield chunk;
    }
  }
  await pipeline(Readable.from(chunks()), client.query(copyFrom(`COPY "${getTableName(table)}" (${names}) FROM STDIN`)));
}

async function loadAccount(pool: pg.Pool, index: number, scale: number, now: Date, passwordHash: string): Promise<Account> {
  const size = scaled(scale);
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    // Generated rows are consistent by construction: skip the foreign-key triggers while loading,
    // as pg_restore --disable-triggers does (superuser only; the local server trusts postgres).
    await client.query('SET LOCAL session_replication_role = replica');
    const account = await client.query<{ id: string }>('insert into accounts (name, created_at) values ($1, $2) returning id', [`Bench account ${index + 1}`, now]);
    const accountId = account.rows[0]!.id;
    const user = await client.query<{ id: string }>(
      `insert into users (account_id, email, name, password_hash, time_zone, language, created_at) values ($1, $2, $3, $4, 'Europe/Madrid', 'es', $5) returning id`,
      [accountId, `heavy.user.${index + 1}@example.com`, `Heavy User ${index + 1}`, passwordHash, now],
    );
    const token = `${API_TOKEN_PREFIX}${randomToken()}`;
    await client.query('insert into api_tokens (account_id, user_id, name, token_hash, created_at) values ($1, $2, $3, $4, $5)', [accountId, user.rows[0]!.id, 'bench', sha256(token), now]);

    // A different seed per account: different people, and ids that do not collide.
    const data = generate(accountId, size, now, 20_240_601 + index * 7_919);
    await copyRows(client, contacts, data.contacts);
    const touches: Record<string, unknown>[] = [];
    const links: Record<string, unknown>[] = [];
    for (const batch of data.interactionBatches(5_000)) {
      touches.push(...batch.interactions);
      links.push(...batch.links);
    }
    await copyRows(client, interactions, touches);
    await copyRows(client, interactionContacts, links);
    await copyRows(client, followups, data.followups);
    // What refreshLastInteraction keeps per contact, set for the whole account at once.
    await client.query(
      `update contacts c set last_interaction_at = m.last
       from (select contact_id, max(occurred_at) as last from interaction_contacts where account_id = $1 group by contact_id) m
       where c.account_id = $1 and m.contact_id = c.id`,
      [accountId],
    );
    await client.query('COMMIT');
    const order = [...data.touchCounts.keys()].sort((a, b) => data.touchCounts[b]! - data.touchCounts[a]!);
    return { accountId, token, contactIds: data.contacts.map((c) => c.id), busiest: order.slice(0, 10).map((i) => data.contacts[i]!.id) };
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

// --- traffic ----------------------------------------------------------------------------------------

/** The screens, with how often each is asked for: mostly reading people, some writing. */
const mix = [
  ['search', 30],
  ['contactPage', 25],
  ['contactPageBusiest', 3],
  ['listFirstPage', 12],
  ['today', 10],
  ['createInteraction', 15],
  ['baselineAuthMe', 5],
] as const;
type Screen = (typeof mix)[number][0];

interface Outcome {
  screen: Screen;
  ms: number;
  lagMs: number;
  error: string | null;
}

async function call(base: string, token: string, method: 'GET' | 'POST', path: string, body?: unknown) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text.slice(0, 300)}`);
}

function screenRequest(screen: Screen, base: string, account: Account, rng: Rng): () => Promise<void> {
  const token = account.token;
  const anyone = () => rng.pick(account.contactIds);
  switch (screen) {
    case 'search': {
      const q = rng.pick(searchQueries);
      return () => call(base, token, 'GET', `/api/contacts?q=${encodeURIComponent(q)}`);
    }
    case 'contactPage':
    case 'contactPageBusiest': {
      const id = screen === 'contactPage' ? anyone() : rng.pick(account.busiest);
      return async () => {
        await call(base, token, 'GET', `/api/contacts/${id}`);
        await call(base, token, 'GET', `/api/contacts/${id}/timeline`);
      };
    }
    case 'listFirstPage':
      return () => call(base, token, 'GET', '/api/contacts?limit=50');
    case 'today':
      return () => call(base, token, 'GET', '/api/today');
    case 'baselineAuthMe':
      return () => call(base, token, 'GET', '/api/auth/me');
    case 'createInteraction': {
      const people = rng.chance(0.8) ? [anyone()] : [anyone(), anyone()];
      const body = {
        contactIds: [...new Set(people)],
        occurredAt: new Date(Date.now() - rng.int(0, 7 * 24 * 60) * 60_000).toISOString(),
        channel: rng.pick(channels),
        direction: rng.pick(directions),
        intent: rng.pick(intents),
        summary: 'Benchmark: café para ponernos al día',
      };
      return () => call(base, token, 'POST', '/api/interactions', body);
    }
  }
}

/**
 * `rate` requests a second for `durationSeconds`, as a Poisson process (random gaps, the given mean
 * rate), each to the next server in turn, from a random account. Everything is drawn before the
 * first request, so drawing costs nothing on the clock.
 */
async function traffic(servers: ChildServer[], accountsList: Account[], rate: number, durationSeconds: number, rng: Rng): Promise<Outcome[]> {
  const planned: { at: number; screen: Screen; run: () => Promise<void> }[] = [];
  for (let at = 0, i = 0; ; i++) {
    at += (-Math.log(1 - rng.next()) * 1000) / rate;
    if (at >= durationSeconds * 1000) break;
    const screen = rng.weighted(mix);
    planned.push({ at, screen, run: screenRequest(screen, servers[i % servers.length]!.url, rng.pick(accountsList), rng) });
  }
  const start = performance.now() + 100;
  return Promise.all(
    planned.map(
      ({ at, screen, run }) =>
        new Promise<Outcome>((resolve) => {
          setTimeout(() => {
            const due = start + at;
            const lagMs = performance.now() - due;
            run().then(
              () => resolve({ screen, ms: performance.now() - due, lagMs, error: null }),
              (error: unknown) => resolve({ screen, ms: performance.now() - due, lagMs, error: error instanceof Error ? error.message : String(error) }),
            );
          }, Math.max(0, start + at - performance.now()));
        }),
    ),
  );
}

// --- the run ----------------------------------------------------------------------------------------

export async function runOrgBench(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('BENCH_MODE=org needs DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/circulo_bench');
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/bench/i.test(name)) throw new Error(`BENCH_MODE=org drops and creates the database of DATABASE_URL; its name must contain "bench", not "${name}"`);
  const accountCount = int('BENCH_ORG_ACCOUNTS', 20);
  const scale = int('BENCH_SCALE', 0.25);
  const rate = int('BENCH_ORG_RATE', 50);
  const durationSeconds = int('BENCH_ORG_SECONDS', 60);
  const warmupSeconds = Number(process.env.BENCH_ORG_WARMUP_SECONDS ?? 10);
  const serverCount = int('BENCH_ORG_SERVERS', 2);
  const loadConcurrency = int('BENCH_ORG_LOAD_CONCURRENCY', 2);
  const keep = process.env.BENCH_KEEP === '1';
  const resultFile = process.env.BENCH_OUTPUT ?? 'bench-results.json';
  const loadAverage1mAtStart = round(loadavg()[0] ?? NaN, 2);

  const admin = new URL(url);
  admin.pathname = '/postgres';
  const adminClient = new pg.Client({ connectionString: admin.toString() });
  await adminClient.connect();
  const quoted = `"${name.replaceAll('"', '""')}"`;
  const root = mkdtempSync(join(tmpdir(), 'circulo-bench-org-'));
  const servers: ChildServer[] = [];
  let exitCode = 0;
  try {
    await adminClient.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`);
    await adminClient.query(`CREATE DATABASE ${quoted}`);
    const size = scaled(scale);
    progress(`organisation: ${accountCount} accounts × (${size.contacts} contacts, ${size.interactions} touches, ${size.followups} follow-ups) in ${redactUrl(url)}`);

    // Migrations, by the app's own code.
    let t = performance.now();
    const database = await openDatabase({ databaseUrl: url, dataDir: root, command: 'bench' });
    await database.close();
    const migrateSeconds = seconds(t);

    t = performance.now();
    const now = new Date();
    const passwordHash = await hashPassword('bench-password-not-secret');
    const pool = new pg.Pool({ connectionString: url, max: loadConcurrency });
    const loaded: Account[] = new Array<Account>(accountCount);
    let next = 0;
    await Promise.all(
      Array.from({ length: loadConcurrency }, async () => {
        while (next < accountCount) {
          const index = next++;
          loaded[index] = await loadAccount(pool, index, scale, now, passwordHash);
          progress(`account ${index + 1}/${accountCount} loaded (${seconds(t)} s)`);
        }
      }),
    );
    // What every write keeps stored per contact (features/contacts/derived.ts: keep-in-touch dates,
    // matching keys), computed by the app's own code for each loaded account.
    const app = await openDatabase({ databaseUrl: url, dataDir: root, command: 'bench' });
    for (const account of loaded) await app.db.transaction((tx) => refreshContacts(tx, account.accountId, 'all'));
    await app.close();
    const copySeconds = seconds(t);
    t = performance.now();
    // A database in use has been vacuumed and analyzed by autovacuum; one just loaded has not.
    await pool.query('VACUUM ANALYZE');
    const vacuumSeconds = seconds(t);
    const loadSeconds = round(migrateSeconds + copySeconds + vacuumSeconds, 2);
    progress(`loaded in ${loadSeconds} s (COPY ${copySeconds} s, VACUUM ANALYZE ${vacuumSeconds} s)`);
    const sizes = async () => {
      const { rows: db } = await pool.query<{ bytes: string }>('select pg_database_size(current_database()) as bytes');
      return round(Number(db[0]!.bytes) / 2 ** 20);
    };
    const counts = (await pool.query<{ contacts: string; interactions: string; links: string; followups: string }>(
      `select (select count(*) from contacts) as contacts, (select count(*) from interactions) as interactions,
              (select count(*) from interaction_contacts) as links, (select count(*) from followups) as followups`,
    )).rows[0]!;
    const databaseMiBAfterLoad = await sizes();

    // Two app processes on the same database, as behind a load balancer.
    t = performance.now();
    const secret = randomBytes(32).toString('hex');
    servers.push(...(await Promise.all(Array.from({ length: serverCount }, (_, i) => startChildServer(join(root, `server-${i + 1}`), { databaseUrl: url, secret })))));
    const startupSeconds = seconds(t);
    progress(`${serverCount} servers up in ${startupSeconds} s: ${servers.map((s) => s.url).join(', ')}`);

    const rng = new Rng(11);
    if (warmupSeconds > 0) {
      const warm = await traffic(servers, loaded, rate, warmupSeconds, rng);
      progress(`warm-up: ${warm.length} requests, ${warm.filter((o) => o.error).length} errors`);
    }
    const cpuBefore = servers.map((s) => processCpuMs(s.pid));
    t = performance.now();
    const outcomes = await traffic(servers, loaded, rate, durationSeconds, rng);
    const wallSeconds = seconds(t);
    const cpuAfter = servers.map((s) => processCpuMs(s.pid));
    const errors = outcomes.filter((o) => o.error);
    progress(`traffic: ${outcomes.length} requests in ${wallSeconds} s, ${errors.length} errors`);

    const results: Record<string, Stats> = {};
    for (const [screen] of mix) {
      const ok = outcomes.filter((o) => o.screen === screen && !o.error);
      if (ok.length > 0) results[screen] = stats(ok.map((o) => o.ms));
    }
    results.all = stats(outcomes.filter((o) => !o.error).map((o) => o.ms));
    const lags = outcomes.map((o) => o.lagMs);
    const report = {
      mode: 'org',
      machine: {
        ...machineFacts(loadAverage1mAtStart),
        postgres: (await pool.query<{ v: string }>("select current_setting('server_version') as v")).rows[0]!.v,
      },
      dataset: {
        accounts: accountCount,
        scale,
        perAccount: size,
        contacts: Number(counts.contacts),
        interactions: Number(counts.interactions),
        interactionContacts: Number(counts.links),
        followups: Number(counts.followups),
      },
      loadSeconds,
      loadBreakdown: { migrateSeconds, copySeconds, vacuumAnalyzeSeconds: vacuumSeconds, loadConcurrency },
      servers: serverCount,
      startupSeconds,
      traffic: {
        ratePerSecond: rate,
        durationSeconds,
        warmupSeconds,
        requests: outcomes.length,
        achievedPerSecond: round(outcomes.length / wallSeconds),
        // How late the load generator started requests against their schedule (its own lag).
        startLagMs: stats(lags),
        serverCpuPercent: servers.map((_, i) => {
          const before = cpuBefore[i];
          const after = cpuAfter[i];
          return before == null || after == null ? null : round(((after - before) / (wallSeconds * 1000)) * 100);
        }),
      },
      results,
      errors: { count: errors.length, first: errors.slice(0, 5).map((o) => o.error) },
      memory: { servers: servers.map((s) => processMemory(s.pid)) },
      databaseMiBAfterLoad,
      databaseMiB: await sizes(),
    };
    await pool.end();
    const json = `${JSON.stringify(report, null, 2)}\n`;
    process.stdout.write(json);
    writeFileSync(resultFile, json);
    progress(`results written to ${resultFile}`);
    if (errors.length > 0) exitCode = 1;
  } catch (error) {
    progress(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    exitCode = 1;
  } finally {
    for (const server of servers) {
      const code = await server.stop().catch((e: unknown) => String(e));
      progress(`server ${server.pid} stopped (exit ${code})`);
    }
    if (keep) progress(`kept the database ${name}`);
    else await adminClient.query(`DROP DATABASE IF EXISTS ${quoted} WITH (FORCE)`).catch((e: unknown) => progress(`could not drop ${name}: ${String(e)}`));
    await adminClient.end();
    rmSync(root, { recursive: true, force: true });
  }
  return exitCode;
}
