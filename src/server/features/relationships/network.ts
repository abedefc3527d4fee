// GET /api/network: the contacts (filtered) with the user's strength, and the ties between them,
// for the Network screen. Same-company ties are left out: a company of 200 is 20,000 edges that
// say little (the intros still weigh them).
import { and, eq, sql } from 'drizzle-orm';
import { tieWeight } from '#shared/rules/intro-paths.js';
import type { Network, NetworkQuery as NetworkQuerySchema } from '#shared/schemas/network.js';
import type { z } from 'zod';
import type { Tx } from '../../db/database.js';
import { campaignMembers, contacts } from '../../db/schema.js';
import type { UserContext } from '../settings/user-context.js';
import { derivedTies } from './derived-ties.js';
import { strengthsOf } from './strength.js';
import { explicitTiesOf } from './ties.js';

type NetworkQuery = z.infer<typeof NetworkQuerySchema>;

export async function network(db: Tx, user: UserContext, query: NetworkQuery): Promise<Network> {
  const rows = await db
    .select({ id: contacts.id, displayName: contacts.displayName, company: contacts.company, circle: contacts.circle })
    .from(contacts)
    .where(
      and(
        eq(contacts.accountId, user.accountId),
        query.circle ? eq(contacts.circle, query.circle) : undefined,
        query.tag ? sql`${contacts.tags} @> array[${query.tag}]::text[]` : undefined,
        query.company ? sql`circulo_normalize(${contacts.company}) = circulo_normalize(${query.company})` : undefined,
        query.campaignId
          ? sql`${contacts.id} in (select contact_id from ${campaignMembers} where account_id = ${user.accountId} and campaign_id = ${query.campaignId})`
          : undefined,
      ),
    );
  // Unfiltered, every contact: one pass over the year's touches beats a list of 30,000 ids.
  const everyone = !query.circle && !query.tag && !query.company && !query.campaignId;
  const strengths = await strengthsOf(db, user, everyone ? 'all' : rows.map((r) => r.id));
  const ranked = rows
    .map((r) => ({ ...r, strength: strengths.get(r.id)?.score ?? 0 }))
    .sort((a, b) => b.strength - a.strength || a.displayName.localeCompare(b.displayName, 'es'))
    .slice(0, query.limit);
  const ids = ranked.map((r) => r.id);
  const shown = new Set(ids);
  const [explicit, derived] = await Promise.all([explicitTiesOf(db, user.accountId, ids), derivedTies(db, user.accountId, ids, { sameCompany: false })]);
  const edges = new Map<string, { source: string; target: string; kind: (typeof explicit)[number]['tie']['kind'] | null; derived: (typeof derived)[number][] }>();
  const edge = (a: string, b: string) => {
    const [source, target] = a < b ? [a, b] : [b, a];
    const key = `${source}|${target}`;
    if (!edges.has(key)) edges.set(key, { source, target, kind: null, derived: [] });
    return edges.get(key)!;
  };
  for (const e of explicit) if (shown.has(e.otherId)) edge(e.fromId, e.otherId).kind = e.tie.kind;
  for (const d of derived) {
    if (!shown.has(d.otherId) || d.fromId > d.otherId) continue; // each pair once (same-company ties were not read)
    edge(d.fromId, d.otherId).derived.push(d);
  }
  return {
    nodes: ranked,
    edges: [...edges.values()].map((e) => ({
      source: e.source,
      target: e.target,
      weight: Math.round(tieWeight({ explicitKind: e.kind, derived: e.derived }, user.now) * 100) / 100,
      sources: [...(e.kind ? (['explicit'] as const) : []), ...new Set(e.derived.map((d) => d.source))],
    })),
    omitted: rows.length - ranked.length,
  };
}
