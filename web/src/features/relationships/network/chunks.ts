// The order the Network screen draws people in: the user's closest first, so the first picture
// is the one that matters, then the rest a slice at a time (each slice one short task: the page
// keeps answering while a big network fills in).
import type { Network } from '@shared/schemas/index.js';

type Person = Network['nodes'][number];
type Tie = Network['edges'][number];

/** Drawn at once: the strongest ties, enough to read the picture by. */
export const FIRST_SLICE = 250;
/** Then this many people (and their ties to those already drawn) per slice. */
export const NEXT_SLICE = 400;

export interface Slice {
  people: Person[];
  /** Ties whose other end is in this slice or an earlier one. */
  ties: Tie[];
}

/** People strongest first, cut into slices; each tie lands in the slice of its later end. */
export function drawingSlices(network: Network, first = FIRST_SLICE, next = NEXT_SLICE): Slice[] {
  const people = [...network.nodes].sort((a, b) => b.strength - a.strength); // stable: the server's order breaks ties
  const sliceOf = new Map<string, number>();
  const slices: Slice[] = [];
  for (let start = 0, size = first; start < people.length; start += size, size = next) {
    const slice = { people: people.slice(start, start + size), ties: [] as Tie[] };
    for (const p of slice.people) sliceOf.set(p.id, slices.length);
    slices.push(slice);
  }
  for (const tie of network.edges) {
    const a = sliceOf.get(tie.source);
    const b = sliceOf.get(tie.target);
    if (a === undefined || b === undefined || tie.source === tie.target) continue;
    slices[Math.max(a, b)]!.ties.push(tie);
  }
  return slices;
}
