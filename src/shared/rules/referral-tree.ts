// The referral tree of a campaign (docs/domain.md#campaigns): who led to whom. Each person has at most
// one introducer, so the people form a forest; its roots are the people nobody in it introduced.
// Data can still hold a loop (A introduced B, B introduced A, typed by hand): the first person of
// a loop, in input order, is then taken as a root, so every person appears exactly once.

export interface ReferralPerson {
  id: string;
  introducedById: string | null;
}

export type PlacedPerson<T> = T & {
  /** 1 for the roots, 2 for the people they introduced, and so on. */
  generation: number;
  /** Whom they came from in the tree; null for a root. */
  parentId: string | null;
};

export interface ReferralTree<T> {
  nodes: PlacedPerson<T>[];
  edges: { from: string; to: string }[];
  generations: { generation: number; count: number }[];
  /** Number of generations (0 for an empty tree). */
  depth: number;
  /** The largest generation. */
  width: number;
}

export function referralTree<T extends ReferralPerson>(people: readonly T[]): ReferralTree<T> {
  const ids = new Set(people.map((p) => p.id));
  const parentOf = (p: T) => (p.introducedById && p.introducedById !== p.id && ids.has(p.introducedById) ? p.introducedById : null);
  const children = new Map<string, T[]>();
  for (const person of people) {
    const parent = parentOf(person);
    if (parent) children.set(parent, [...(children.get(parent) ?? []), person]);
  }

  const placed = new Map<string, PlacedPerson<T>>();
  const walkFrom = (root: T) => {
    let frontier: PlacedPerson<T>[] = [{ ...root, generation: 1, parentId: null }];
    placed.set(root.id, frontier[0]!);
    while (frontier.length) {
      const next: PlacedPerson<T>[] = [];
      for (const parent of frontier) {
        for (const child of children.get(parent.id) ?? []) {
          if (placed.has(child.id)) continue;
          const node = { ...child, generation: parent.generation + 1, parentId: parent.id };
          placed.set(child.id, node);
          next.push(node);
        }
      }
      frontier = next;
    }
  };
  for (const person of people) if (!parentOf(person) && !placed.has(person.id)) walkFrom(person);
  // Whoever is left sits on a loop (or below one): open each loop at its first person.
  for (const person of people) if (!placed.has(person.id)) walkFrom(person);

  const nodes = people.map((p) => placed.get(p.id)!);
  const counts = new Map<number, number>();
  for (const node of nodes) counts.set(node.generation, (counts.get(node.generation) ?? 0) + 1);
  const generations = [...counts.entries()].sort(([a], [b]) => a - b).map(([generation, count]) => ({ generation, count }));
  return {
    nodes,
    edges: nodes.flatMap((n) => (n.parentId ? [{ from: n.parentId, to: n.id }] : [])),
    generations,
    depth: generations.length,
    width: Math.max(0, ...generations.map((g) => g.count)),
  };
}
