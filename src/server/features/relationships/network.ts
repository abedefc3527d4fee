// GET /api/network: the contacts (filtered) with the user's strength, and the ties between them,
// for the Network screen. Same-company ties are left out: a company of 200 is 20,000 edges that
// say little (the intros still weigh them).
import { and, eq, sql } from 'drizzle-orm';
import { tieWeight } from '#shared/rules/intro-paths.js';
import { tieStrength } from '#shared/rules/tie-strength.js';
import type { Network, NetworkQuery as NetworkQuerySchema } from '#shared/schemas/network.js';
import type { z } from 'zod';
import { fromJsonChunks, inJsonChunks, queryRows, type Tx } from '../../db/database.js';
import { campaignMembers, contacts } from '../../db/schema.js';
import type { UserContext } from '../settings/user-context.js';
import { uuidList } from '../../db/array-literal.js';
import { derivedTies } from './derived-ties.js';
import { loadTieInputs } from './strength.js';
import { explicitTiesOf } from './ties.js';

type NetworkQuery = z.infer<typeof NetworkQuerySchema>;

/** One collator for the comparisons (localeCompare with a locale builds one per call). */
const byName = new Intl.Collator('es');

interface Ranked {
  id: string;
  displayName: string;
  strength: number;
}

/** Same name, same strength: the id decides, so namesakes at the limit do not take turns being drawn. */
const byNameThenId = (a: Ranked, b: Ranked) => byName.compare(a.displayName, b.displayName) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The first `limit` people by strength, strongest first, then by name, then by id (the rows come
 * in no particular order: inJsonChunks). Scores are whole numbers, so most comparisons of a whole
 * sort were ties that the collator had to break: sorting the heavy user's 30,000 people that way
 * took ~150 ms. Sorted by strength alone, only the groups of equal strength that reach the limit
 * are put in order by name.
 */
export function firstByStrength<T extends Ranked>(rows: T[], limit: number): T[] {
  const byStrength = [...rows].sort((a, b) => b.strength - a.strength);
  const first: T[] = [];
  for (let start = 0; start < byStrength.length && first.length < limit; ) {
    let end = start + 1;
    while (end < byStrength.length && byStrength[end]!.strength === byStrength[start]!.strength) end++;
    const group = byStrength.slice(start, end).sort(byNameThenId);
    first.push(...group.slice(0, limit - first.length));
    start = end;
  }
  return first;
}

export async function network(db: Tx, user: UserContext, query: NetworkQuery): Promise<Network> {
  // Everyone who matches, with what the ranking needs (the name breaks ties); the company and
  // circle only for those drawn (PGlite decodes each value: 60,000 fewer on the heavy user).
  // As JSON (inJsonChunks): the heavy user's 30,000 rows took 0.13–0.19 s of CPU as rows, 0.06–0.08 s.
  const rows = fromJsonChunks(
    await queryRows<{ rows: { id: string; displayName: string }[] }>(
      db,
      inJsonChunks(sql`select ${contacts.id} as id, ${contacts.displayName} as "displayName" from ${contacts} where ${and(
        eq(contacts.accountId, user.accountId),
        query.circle ? eq(contacts.circle, query.circle) : undefined,
        query.tag ? sql`${contacts.tags} @> array[${query.tag}]::text[]` : undefined,
        query.company ? sql`circulo_normalize(${contacts.company}) = circulo_normalize(${query.company})` : undefined,
        query.campaignId
          ? sql`${contacts.id} in (select contact_id from ${campaignMembers} where account_id = ${user.accountId} and campaign_id = ${query.campaignId})`
          : undefined,
      )}`),
    ),
  );
  // Unfiltered, every contact: one pass over the year's touches beats a list of 30,000 ids.
  const everyone = !query.circle && !query.tag && !query.company && !query.campaignId;
  // Only the score: no words and no time zone (the "why" counts calendar days in the user's
  // zone, which cost a date-fns conversion for each of 30,000 people; the score does not use it).
  const inputs = await loadTieInputs(db, user, everyone ? 'all' : rows.map((r) => r.id));
  const ranked = firstByStrength(
    rows.map((r) => {
      const input = inputs.get(r.id);
      return { ...r, strength: input ? tieStrength(input, user.now).score : 0 };
    }),
    query.limit,
  );
  const ids = ranked.map((r) => r.id);
  const shown = new Set(ids);
  const details = new Map(
    (await db
      .select({ id: contacts.id, company: contacts.company, circle: contacts.circle })
      .from(contacts)
      .where(and(eq(contacts.accountId, user.accountId), sql`${contacts.id} = any(${uuidList(ids)})`))).map((d) => [d.id, d]),
  );
  const [explicit, derived] = await Promise.all([explicitTiesOf(db, user.accountId, ids), derivedTies(db, user.accountId, ids, { sameCompany: false, betweenThem: true })]);
  const edges = new Map<string, { source: string; target: string; kind: (typeof explicit)[number]['tie']['kind'] | null; derived: (typeof derived)[number][] }>();
  const edge = (a: string, b: string) => {
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source}|${target}`;
    if (!edges.has(key)) edges.set(key, { source, target, kind: null, derived: [] });
    return edges.get(key)!;
  };
  for (const e of explicit) if (shown.has(e.otherId)) edge(e.fromId, e.otherId).kind = e.tie.kind;
  // Each pair once, both drawn (betweenThem); same-company ties were not read.
  for (const d of derived) edge(d.fromId, d.otherId).derived.push(d);
  return {
    nodes: ranked.map(({ id, displayName, strength }) => {
      const { company, circle } = details.get(id)!; // read above for every id ranked
      return { id, displayName, company, circle, strength };
    }),
    edges: [...edges.values()].map((e) => ({
      source: e.source,
      target: e.target,
      weight: Math.round(tieWeight({ explicitKind: e.kind, derived: e.derived }, user.now) * 100) / 100,
      sources: [...(e.kind ? (['explicit'] as const) : []), ...new Set(e.derived.map((d) => d.source))],
    })),
    omitted: rows.length - ranked.length,
  };
}
