// GET /api/intros: who can introduce the user to a contact, to someone at a company, or to
// someone matching a text (docs/domain.md#warm-introductions). The database gives the ties
// (typed and derived, two levels out from the targets) and the user's strength with each
// person; the rule (src/shared/rules/intro-paths.ts) weighs and ranks the paths.
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { RelationshipKind } from '#shared/enums.js';
import { strengthUpperBound } from '#shared/rules/tie-strength.js';
import { askableStrength, introducerFlags, MAX_TIE_WEIGHT, onlySameCompany, pathScore, rankPaths, tieWeight, type TieBetween } from '#shared/rules/intro-paths.js';
import type { IntroPath, IntrosQuery as IntrosQuerySchema } from '#shared/schemas/intros.js';
import type { z } from 'zod';
import type { Tx } from '../../db/database.js';
import { contacts } from '../../db/schema.js';
import { notFound } from '../../http/problems.js';
import { pathWhy } from '../../i18n/intros.js';
import { askStatsOf } from '../contacts/ask-sql.js';
import type { UserContext } from '../settings/user-context.js';
import { derivedTies, type DerivedSource } from './derived-ties.js';
import { strengthsOf } from './strength.js';
import { uuidList } from '../../db/array-literal.js';
import { explicitTiesOf } from './ties.js';

/** Targets a company or a text can name; a few people are what an intro needs. */
const MAX_TARGETS = 10;
/**
 * People next to the targets whose own ties are read for paths with two people between: the
 * best evidenced, and never through a same-company tie alone (such a path scores at most 8).
 */
const MAX_MIDDLE = 50;
/** People next to each target who may be asked, the best evidenced first (a busy person has hundreds). */
const NEAR_PER_TARGET = 100;
/** Ties followed from each person in the middle, the best evidenced first. */
const FURTHER_PER_MIDDLE = 10;
/** People whose exact strength is read first (then twice as many each round, best bounds first). */
const FIRST_STRENGTH_BATCH = 4;

type IntrosQuery = z.infer<typeof IntrosQuerySchema>;
type Person = { id: string; displayName: string; company: string | null; title: string | null };

/** A complete order, so the same question names the same targets when more than MAX_TARGETS match. */
const targetOrder = [contacts.displayName, contacts.id] as const;

async function findTargets(db: Tx, user: UserContext, query: IntrosQuery): Promise<Person[]> {
  const columns = { id: contacts.id, displayName: contacts.displayName, company: contacts.company, title: contacts.title };
  if (query.contactId) {
    const rows = await db.select(columns).from(contacts).where(and(eq(contacts.accountId, user.accountId), eq(contacts.id, query.contactId)));
    if (rows.length === 0) throw notFound('Contact');
    return rows;
  }
  if (query.company) {
    return db
      .select(columns)
      .from(contacts)
      .where(and(eq(contacts.accountId, user.accountId), sql`circulo_normalize(${contacts.company}) = circulo_normalize(${query.company})`))
      .orderBy(...targetOrder)
      .limit(MAX_TARGETS);
  }
  const words = query.q!.split(/\s+/).filter(Boolean).slice(0, 8);
  return db
    .select(columns)
    .from(contacts)
    .where(
      and(
        eq(contacts.accountId, user.accountId),
        ...words.map((w) => sql`${contacts.searchText} like circulo_normalize(${`%${w.replace(/[\\%_]/g, (c) => `\\${c}`)}%`})`),
      ),
    )
    .orderBy(...targetOrder)
    .limit(MAX_TARGETS);
}

/** Every tie of each of `ids`, keyed `from|other`. */
async function tiesAround(db: Tx, accountId: string, ids: string[], options: Parameters<typeof derivedTies>[3]): Promise<Map<string, TieBetween>> {
  const [explicit, derived] = await Promise.all([explicitTiesOf(db, accountId, ids), derivedTies(db, accountId, ids, options)]);
  const ties = new Map<string, { explicitKind: RelationshipKind | null; derived: { source: DerivedSource; count: number; lastAt: Date | null }[] }>();
  const entry = (from: string, other: string) => {
    const key = `${from}|${other}`;
    if (!ties.has(key)) ties.set(key, { explicitKind: null, derived: [] });
    return ties.get(key)!;
  };
  for (const e of explicit) entry(e.fromId, e.otherId).explicitKind = e.tie.kind;
  for (const d of derived) entry(d.fromId, d.otherId).derived.push({ source: d.source, count: d.count, lastAt: d.lastAt });
  return ties;
}

/** Who each person is tied to, built once per map of ties. */
const adjacency = new WeakMap<Map<string, TieBetween>, Map<string, string[]>>();
function neighbours(ties: Map<string, TieBetween>, from: string): string[] {
  let byPerson = adjacency.get(ties);
  if (!byPerson) {
    byPerson = new Map();
    for (const key of ties.keys()) {
      const [a, b] = key.split('|') as [string, string];
      const list = byPerson.get(a);
      if (list) list.push(b);
      else byPerson.set(a, [b]);
    }
    adjacency.set(ties, byPerson);
  }
  return byPerson.get(from) ?? [];
}

/** Who `from` is tied to, the best-evidenced ties first, at most `count` of them. */
function bestTied(ties: Map<string, TieBetween>, from: string, count: number, now: Date): string[] {
  return neighbours(ties, from)
    .map((other) => ({ other, w: tieWeight(ties.get(`${from}|${other}`)!, now) }))
    .sort((x, y) => y.w - x.w)
    .slice(0, count)
    .map((x) => x.other);
}

async function askOnlyOf(db: Tx, user: UserContext, ids: string[]): Promise<Set<string>> {
  const stats = await askStatsOf(db, user.accountId, user.now, ids);
  return new Set([...stats].filter(([, ask]) => ask.askOnly).map(([id]) => id));
}

interface Candidate {
  target: Person;
  chain: string[]; // the people between, the one asked first
  weights: number[];
  ties: TieBetween[];
  score: number;
}

export async function introPaths(db: Tx, user: UserContext, query: IntrosQuery): Promise<{ items: IntroPath[] }> {
  return { items: await pathsTo(db, user, await findTargets(db, user, query), query.limit) };
}

/** The best path to each of the campaign's members, where one exists (docs/domain.md#campaigns). */
export async function bestPathToEach(db: Tx, user: UserContext, targetIds: string[]): Promise<Map<string, IntroPath>> {
  if (targetIds.length === 0) return new Map();
  const targets = await db
    .select({ id: contacts.id, displayName: contacts.displayName, company: contacts.company, title: contacts.title })
    .from(contacts)
    .where(and(eq(contacts.accountId, user.accountId), inArray(contacts.id, targetIds)));
  const best = new Map<string, IntroPath>();
  for (const path of await pathsTo(db, user, targets, Infinity)) if (!best.has(path.target.contactId)) best.set(path.target.contactId, path);
  return best;
}

/** Ranked paths to any of `targets`: the best through each first person to each target. */
async function pathsTo(db: Tx, user: UserContext, targets: Person[], limit: number): Promise<IntroPath[]> {
  if (targets.length === 0) return [];
  const targetIds = targets.map((t) => t.id);
  const near = await tiesAround(db, user.accountId, targetIds, { sameCompany: true });
  const introducersOf = new Map(targetIds.map((t) => [t, bestTied(near, t, NEAR_PER_TARGET, user.now)]));
  // Those next to a target, the best evidenced first: their own ties give the longer paths.
  const middleRanked = [...new Set(targetIds.flatMap((t) => neighbours(near, t)))]
    .filter((id) => targetIds.some((t) => near.has(`${t}|${id}`) && !onlySameCompany(near.get(`${t}|${id}`)!)))
    .map((id) => ({ id, w: Math.max(...targetIds.map((t) => (near.has(`${t}|${id}`) ? tieWeight(near.get(`${t}|${id}`)!, user.now) : 0))) }))
    .sort((a, b) => b.w - a.w)
    .slice(0, MAX_MIDDLE);

  const known = new Map<string, { displayName: string; newestTouchAt: Date | null }>();
  const know = async (ids: string[]) => {
    const missing = [...new Set(ids)].filter((id) => !known.has(id));
    if (missing.length === 0) return;
    const rows = await db
      .select({ id: contacts.id, displayName: contacts.displayName, newestTouchAt: contacts.lastInteractionAt })
      .from(contacts)
      .where(and(eq(contacts.accountId, user.accountId), sql`${contacts.id} = any(${uuidList(missing)})`));
    for (const r of rows) known.set(r.id, r);
  };
  const name = (id: string) => known.get(id)?.displayName ?? '';

  // Every path, first with a bound of its score instead of the score: the user's strength with
  // the person asked is at most strengthUpperBound() of their stored newest touch. `order` is
  // where the path stood when every strength was read: equal paths still rank as they did.
  const candidates: (Candidate & { bound: number; order: number })[] = [];
  const boundOf = (id: string, weights: number[]) => {
    const newest = known.get(id)?.newestTouchAt ?? null;
    return pathScore(askableStrength(strengthUpperBound(newest, user.now), newest !== null), weights);
  };
  const targetIndex = new Map(targets.map((t, i) => [t.id, i]));
  const orderOf = (target: string, bIndex: number, aIndex: number) => targetIndex.get(target)! * 1e6 + bIndex * 100 + aIndex + 1;

  // Exact strengths are read best bound first, a batch at a time (reading them is what costs),
  // until the paths found beat every bound left: the result is the one reading all would give.
  const strengths = new Map<string, Awaited<ReturnType<typeof strengthsOf>> extends Map<string, infer S> ? S : never>();
  const strength = (id: string) => {
    const found = strengths.get(id);
    return found ? askableStrength(found.score, found.inputs.lastTouch !== null) : 0;
  };
  const read = new Set<string>();
  const readStrengths = async (ids: string[]) => {
    for (const [id, s] of await strengthsOf(db, user, ids)) strengths.set(id, s);
    for (const id of ids) read.add(id);
  };
  const choose = (): Candidate[] => {
    const scored = candidates
      .filter((c) => read.has(c.chain[0]!))
      .sort((x, y) => x.order - y.order)
      .map((c) => ({ ...c, score: pathScore(strength(c.chain[0]!), c.weights) }))
      .filter((c) => c.score > 0);
    const ranked = rankPaths(scored.map((c) => ({ ...c, via: c.chain.map((id) => ({ displayName: name(id) })) })));
    // The best path through each first person to each target, then the overall best.
    const seen = new Set<string>();
    return ranked
      .filter((c) => {
        const key = `${c.target.id}|${c.chain[0]}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, limit);
  };
  const best = async (): Promise<Candidate[]> => {
    candidates.sort((x, y) => y.bound - x.bound);
    for (let batch = FIRST_STRENGTH_BATCH; ; batch *= 2) {
      const chosen = choose();
      const pending = candidates.filter((c) => !read.has(c.chain[0]!)); // still best bound first
      const bestLeft = pending[0]?.bound ?? 0;
      if (bestLeft === 0 || (chosen.length >= limit && chosen[chosen.length - 1]!.score > bestLeft)) return chosen;
      const ids: string[] = [];
      for (const c of pending) {
        if (ids.length >= batch) break;
        if (!ids.includes(c.chain[0]!)) ids.push(c.chain[0]!);
      }
      await readStrengths(ids);
    }
  };

  // First the paths with one person between.
  await know([...introducersOf.values()].flat());
  for (const target of targets) {
    (introducersOf.get(target.id) ?? []).forEach((b, bIndex) => {
      // Ties are symmetric: near holds target → b, the same tie as b → target.
      const bt = near.get(`${target.id}|${b}`)!;
      const wbt = tieWeight(bt, user.now);
      candidates.push({ target, chain: [b], weights: [wbt], ties: [bt], score: 0, bound: boundOf(b, [wbt]), order: orderOf(target.id, bIndex, -1) });
    });
  }
  let chosen = await best();

  // Then two people between, only through those whose tie to the target could still make a path
  // that ranks (a tie weighs at most MAX_TIE_WEIGHT, a strength at most 100).
  const floor = chosen.length >= limit ? chosen[chosen.length - 1]!.score : 0;
  const middle = middleRanked.filter((m) => pathScore(100, [MAX_TIE_WEIGHT, m.w]) >= floor).map((m) => m.id);
  if (middle.length > 0) {
    // Only each one's FURTHER_PER_MIDDLE best-evidenced ties are followed: their other shared
    // touches (hundreds for a busy person) are left in the database.
    const far = await tiesAround(db, user.accountId, middle, { sameCompany: false, strongestShared: FURTHER_PER_MIDDLE });
    // For each person in the middle, only their best-evidenced ties lead further.
    const further = new Map(middle.map((b) => [b, bestTied(far, b, FURTHER_PER_MIDDLE, user.now)]));
    await know([...further.values()].flat());
    for (const target of targets) {
      (introducersOf.get(target.id) ?? []).forEach((b, bIndex) => {
        const bt = near.get(`${target.id}|${b}`)!;
        const wbt = tieWeight(bt, user.now);
        (further.get(b) ?? []).forEach((a, aIndex) => {
          if (a === target.id || a === b) return;
          const ab = far.get(`${b}|${a}`)!;
          const wab = tieWeight(ab, user.now);
          candidates.push({ target, chain: [a, b], weights: [wab, wbt], ties: [ab, bt], score: 0, bound: boundOf(a, [wab, wbt]), order: orderOf(target.id, bIndex, aIndex) });
        });
      });
    }
    chosen = await best();
  }
  const names = new Map([...known].map(([id, p]) => [id, p.displayName]));
  // The second person of a two-person path shows their strength too.
  const unread = [...new Set(chosen.flatMap((c) => c.chain))].filter((id) => !read.has(id));
  if (unread.length > 0) await readStrengths(unread);

  const introducers = [...new Set(chosen.map((c) => c.chain[0]!))];
  const askOnly = await askOnlyOf(db, user, introducers);
  return chosen.map((c) => {
    const steps = c.chain.map((id, i) => ({ id, next: c.chain[i + 1] ? names.get(c.chain[i + 1]!) ?? '' : c.target.displayName, tie: c.ties[i]!, weight: c.weights[i]! }));
    return {
      target: { contactId: c.target.id, displayName: c.target.displayName, company: c.target.company, title: c.target.title },
      via: steps.map((s, i) => {
        const st = strengths.get(s.id);
        const lastTouchAt = st?.inputs.lastTouch?.at ?? null;
        return {
          contactId: s.id,
          displayName: names.get(s.id) ?? '',
          strength: { score: st?.score ?? 0, why: st?.why ?? '' },
          tie: {
            kind: s.tie.explicitKind,
            sources: [...(s.tie.explicitKind ? (['explicit'] as const) : []), ...s.tie.derived.map((d) => d.source)],
            weight: Math.round(s.weight * 100) / 100,
          },
          flags: i === 0 ? introducerFlags({ askOnly: askOnly.has(s.id), lastTouchAt }, user.now) : [],
        };
      }),
      score: c.score,
      why: pathWhy(
        user.language,
        strength(c.chain[0]!),
        steps.map((s) => ({ from: names.get(s.id) ?? '', to: s.next, kind: s.tie.explicitKind, sources: s.tie.derived.map((d) => d.source) })),
      ),
    };
  });
}

