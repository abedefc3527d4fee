// In-process A/B of /api/intros and /api/network's code: `tsx bench/cpu-ab.ts <dataDir> <otherCheckout> [intros|network|strengths] [rounds]`
// calls this checkout's and another checkout's functions on ONE database, interleaved, with the
// same `now`, and prints each side's CPU time per call (process.cpuUsage) and whether the answers
// are equal. Both share the load of the moment, so the ratio holds on a busy machine.
import { sql } from 'drizzle-orm';
import { realpathSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';
import { openDatabase, queryRows } from '../src/server/db/database.js';
import { loadUserContext } from '../src/server/features/settings/user-context.js';
import { IntrosQuery } from '../src/shared/schemas/intros.js';
import { NetworkQuery } from '../src/shared/schemas/network.js';

const [dataDir, other, which = 'intros', roundsArg = '3'] = process.argv.slice(2);
if (!dataDir || !other) throw new Error('usage: tsx bench/cpu-ab.ts <dataDir> <otherCheckout> [intros|network|strengths] [rounds]');
// Both sides must load the same packages: with a copy of node_modules (even hard-linked), the other
// side's PGlite class is another class, db/prepared.ts does not recognise the instance, and that
// side runs every prepared read unprepared (an A/A run then measured x0.73, not x1).
if (realpathSync(resolve(other, 'node_modules')) !== realpathSync(resolve(import.meta.dirname, '..', 'node_modules'))) {
  throw new Error(`${other}/node_modules must be a symlink to this checkout's node_modules`);
}
const database = await openDatabase({ dataDir, command: 'bench cpu-ab', snapshots: false });
const db = database.db;
const [u] = await queryRows<{ id: string; account_id: string }>(db, sql`select id, account_id from users order by created_at limit 1`);
const user = await loadUserContext(db, { accountId: u!.account_id, userId: u!.id, via: 'token', csrfToken: null }, new Date());
const rel = 'src/server/features/relationships';
type Side = { name: string; run: (args: unknown) => Promise<unknown> };
const load = async (root: string, name: string): Promise<Side> => {
  const file = { intros: 'intros.ts', network: 'network.ts', strengths: 'strength.ts' }[which];
  const mod = await import(`${root}/${rel}/${file}`);
  if (which === 'strengths') return { name, run: async (args) => Object.fromEntries([...(await mod.strengthsOf(db, user, args))].sort(([x], [y]) => (x < y ? -1 : 1))) };
  return { name, run: (args) => (which === 'intros' ? mod.introPaths(db, user, args) : mod.network(db, user, args)) };
};
const sides = [await load(resolve(other), 'a (other)'), await load(resolve(import.meta.dirname, '..'), 'b (this)')];
const ids = (await queryRows<{ id: string }>(db, sql`select id from contacts order by id`)).map((r) => r.id);
const calls: unknown[] =
  which === 'intros'
    ? [
        ...ids.filter((_, i) => i % Math.ceil(ids.length / 30) === 3).map((contactId) => IntrosQuery.parse({ contactId })),
        ...['telefonica', 'Cabify', 'IESE', 'Google', 'BBVA'].map((company) => IntrosQuery.parse({ company })),
        ...['ingeniera', 'madrid', 'fintech', 'ventas', 'marketing'].map((q) => IntrosQuery.parse({ q })),
      ]
    : which === 'strengths'
      ? // A list page's rows: 50 people, spread over the account.
        Array.from({ length: 20 }, (_, page) => ids.filter((_, i) => i % 20 === page).slice(0, 50))
      : [NetworkQuery.parse({})];
const cpu: Record<string, number[]> = { 'a (other)': [], 'b (this)': [] };
let differ = 0;
const loads = [loadavg()[0]];
for (let r = 0; r < Number(roundsArg) + 1; r++) {
  for (const [i, args] of calls.entries()) {
    const answers: string[] = [];
    for (const side of (r + i) % 2 ? [...sides].reverse() : sides) {
      const c0 = process.cpuUsage();
      const result = (await side.run(args)) as { edges?: { source: string; target: string }[] };
      // The network's edges in one order: it is not part of the answer (the SQL's order).
      result.edges?.sort((x, y) => (x.source + x.target < y.source + y.target ? -1 : 1));
      const answer = JSON.stringify(result);
      const c = process.cpuUsage(c0);
      if (r > 0) cpu[side.name]!.push((c.user + c.system) / 1000); // round 0 warms up
      answers.push(answer);
    }
    if (r === 0 && answers[0] !== answers[1]) {
      differ++;
      if (process.env.AB_SHOW_DIFF) console.log(JSON.stringify(args), '\n  ', answers[0]!.slice(0, 600), '\n  ', answers[1]!.slice(0, 600));
    }
  }
  loads.push(loadavg()[0]);
}
const stats = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const at = (f: number) => Math.round(s[Math.min(s.length - 1, Math.floor(f * s.length))]! * 10) / 10;
  return { n: s.length, p50: at(0.5), p95: at(0.95), mean: Math.round((s.reduce((x, y) => x + y, 0) / s.length) * 10) / 10 };
};
const [a, b] = [stats(cpu['a (other)']!), stats(cpu['b (this)']!)];
console.log(JSON.stringify({ which, load: loads.map((l) => Math.round((l ?? 0) * 100) / 100), differentAnswers: differ, a, b, ratioP50: Math.round((b.p50 / a.p50) * 100) / 100, ratioP95: Math.round((b.p95 / a.p95) * 100) / 100, ratioMean: Math.round((b.mean / a.mean) * 100) / 100 }));
await database.close();
