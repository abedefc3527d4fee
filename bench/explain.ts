// Where does a screen's time go? `tsx bench/explain.ts <dataDir>` (a directory kept with
// BENCH_KEEP=1, the server stopped): builds the app in-process on that database with a query
// logger, calls each measured endpoint through the HTTP layer (`app.inject`), then re-runs every
// SELECT it issued under EXPLAIN (ANALYZE, BUFFERS) with the same parameters.
// Prints, per endpoint, each query's execution time and the plans of the slow ones (stdout).
//
// Env: EXPLAIN_MIN_MS (default 5): print the plans of queries slower than this;
// EXPLAIN_ANALYZE_FIRST=1: run ANALYZE first, to compare with the statistics-less plans;
// EXPLAIN_ONLY=text: only the endpoints whose name contains it (e.g. `intros`).
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { sql } from 'drizzle-orm';
import { queryRows, type Db } from '../src/server/db/database.js';
import { openEmbedded } from '../src/server/db/embedded.js';
import * as schema from '../src/server/db/schema.js';
import { randomToken, sha256 } from '../src/server/features/auth/secrets.js';
import { API_TOKEN_PREFIX } from '../src/server/features/auth/sessions.js';
import { buildApp } from '../src/server/http/app.js';

const dataDir = process.argv[2];
if (!dataDir) {
  console.error('usage: tsx bench/explain.ts <dataDir kept by BENCH_KEEP=1>');
  process.exit(2);
}
const minMs = Number(process.env.EXPLAIN_MIN_MS ?? '5');

interface Logged {
  query: string;
  params: unknown[];
}
let capture: Logged[] | null = null;

const embedded = await openEmbedded(dataDir, 'bench explain', (m) => console.error(m), { snapshots: false });
try {
  const db = drizzle(embedded.client, {
    schema,
    logger: { logQuery: (query, params) => capture?.push({ query, params }) },
  }) as unknown as Db;
  // The working tree may have moved on since the bench loaded this directory.
  await migrate(db as never, { migrationsFolder: fileURLToPath(new URL('../migrations', import.meta.url)) });

  const analyzed = await queryRows<{ relname: string; n_live_tup: number; last_analyze: string | null; last_autoanalyze: string | null }>(
    db,
    sql`select relname, n_live_tup::int, last_analyze, last_autoanalyze from pg_stat_user_tables
        where relname in ('contacts', 'interactions', 'interaction_contacts', 'followups') order by relname`,
  );
  console.log(`statistics before: ${JSON.stringify(analyzed)}`);
  if (process.env.EXPLAIN_ANALYZE_FIRST === '1') {
    await db.execute(sql`analyze`);
    console.log('ran ANALYZE');
  }

  const [user] = await queryRows<{ id: string; account_id: string }>(db, sql`select id, account_id from users order by created_at limit 1`);
  if (!user) throw new Error('no user in this database');
  const token = `${API_TOKEN_PREFIX}${randomToken()}`;
  await db.insert(schema.apiTokens).values({ accountId: user.account_id, userId: user.id, name: 'explain', tokenHash: sha256(token), createdAt: new Date() });
  const busiest = await queryRows<{ contact_id: string; n: number }>(
    db,
    sql`select contact_id, count(*)::int as n from interaction_contacts group by 1 order by 2 desc limit 1`,
  );
  const [someone] = await queryRows<{ id: string }>(db, sql`select id from contacts where last_interaction_at is not null order by id limit 1 offset 1234`);

  const app = await buildApp({
    ctx: { db, secureCookies: false, now: () => new Date() },
    secret: 'bench-explain-secret-bench-explain',
    logLevel: 'error',
    webRoot: null,
  });
  await app.ready();

  const firstPage = await app.inject({ method: 'GET', url: '/api/contacts?limit=50', headers: { authorization: `Bearer ${token}` } });
  const cursor = (JSON.parse(firstPage.body) as { nextCursor: string | null }).nextCursor ?? '';
  const endpoints: [string, string][] = [
    ['today', '/api/today'],
    ['search "jose munoz"', `/api/contacts?q=${encodeURIComponent('jose munoz')}`],
    ['search "ingeniera"', '/api/contacts?q=ingeniera'],
    ['search "zzzz" (no match)', '/api/contacts?q=zzzz'],
    ['search "jo" (2 letters)', '/api/contacts?q=jo'],
    ['list first page', '/api/contacts?limit=50'],
    ['list second page (cursor)', `/api/contacts?limit=50&cursor=${encodeURIComponent(cursor)}`],
    ['list personal+trusted', '/api/contacts?limit=50&circle=personal&stage=trusted'],
    ['contact (typical)', `/api/contacts/${someone!.id}`],
    ['timeline (typical)', `/api/contacts/${someone!.id}/timeline`],
    [`contact (busiest, ${busiest[0]!.n} touches)`, `/api/contacts/${busiest[0]!.contact_id}`],
    ['timeline (busiest)', `/api/contacts/${busiest[0]!.contact_id}/timeline`],
    ['intros to a contact (typical)', `/api/intros?contactId=${someone!.id}`],
    ['intros to a contact (busiest)', `/api/intros?contactId=${busiest[0]!.contact_id}`],
    ['intros to a company', `/api/intros?company=${encodeURIComponent('Telefónica')}`],
    ['intros to a text', `/api/intros?q=${encodeURIComponent('ingeniera')}`],
    ['network', '/api/network'],
    ['possible duplicates, first page', '/api/contacts/duplicates?limit=20'],
  ];

  const only = process.env.EXPLAIN_ONLY;
  for (const [name, url] of endpoints.filter(([n]) => !only || n.includes(only))) {
    const call = () => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    for (let i = 0; i < 3; i++) await call(); // warm-up
    capture = [];
    const started = performance.now();
    const response = await call();
    const totalMs = performance.now() - started;
    const logged = capture;
    capture = null;
    if (response.statusCode !== 200) throw new Error(`${url} → ${response.statusCode}: ${response.body.slice(0, 300)}`);
    console.log(`\n=== ${name}: ${url}\n    in-process ${totalMs.toFixed(1)} ms, ${logged.length} queries, ${(response.body.length / 1024).toFixed(1)} KiB`);
    for (const { query, params } of logged) {
      const oneLine = query.replace(/\s+/g, ' ').trim();
      if (!/^(select|with)\b/i.test(oneLine) && !/^\(?select/i.test(oneLine)) {
        console.log(`  -      ${oneLine.slice(0, 140)}`);
        continue;
      }
      const result = await embedded.client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${query}`, params);
      const plan = result.rows.map((r) => r['QUERY PLAN']);
      const exec = Number(/Execution Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
      const planning = Number(/Planning Time: ([\d.]+)/.exec(plan.join('\n'))?.[1] ?? NaN);
      console.log(`  ${exec.toFixed(1).padStart(6)} ms (plan ${planning.toFixed(1)}) ${oneLine.slice(0, 140)}`);
      if (exec + planning >= minMs) {
        console.log(`    query: ${oneLine}`);
        console.log(`    params: ${JSON.stringify(params)}`);
        for (const line of plan) console.log(`    | ${line}`);
      }
    }
  }
  await app.close();
} finally {
  await embedded.close();
}
