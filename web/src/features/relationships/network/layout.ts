// Runs ForceAtlas2 on a drawn graph in layout.worker.ts and moves the people as it reports.
import type Graph from 'graphology';
import { EDGE_STRIDE, NODE_STRIDE, type LayoutReport, type LayoutRequest } from './layout-protocol';

/** The cap on a layout that keeps shimmering (a hairball of thousands of ties may never be still). */
const MAX_LAYOUT_MS = 8000;
const MAX_ITERATIONS = 3000;

export interface LayoutRun {
  stop: () => void;
}

/**
 * Lays `graph` out in a worker: positions are applied at most once a frame (the latest wins),
 * `onDone` says why it stopped. Nodes with `fixed` (the user) stay where they are.
 */
export function runLayout(graph: Graph, onDone: (report: LayoutReport) => void): LayoutRun {
  const ids = graph.nodes();
  const offset = new Map(ids.map((id, i) => [id, i * NODE_STRIDE]));
  const nodes = new Float32Array(ids.length * NODE_STRIDE);
  ids.forEach((id, i) => {
    const a = graph.getNodeAttributes(id);
    nodes.set([a.x as number, a.y as number, 0, 0, 0, 0, 1, 1, (a.size as number) || 1, a.fixed ? 1 : 0], i * NODE_STRIDE);
  });
  const edges = new Float32Array(graph.size * EDGE_STRIDE);
  let j = 0;
  graph.forEachEdge((_edge, attributes, source, target) => {
    const weight = (attributes.weight as number | undefined) ?? 1;
    const s = offset.get(source)!;
    const t = offset.get(target)!;
    // A node's mass is its weighted degree, as graphology's ForceAtlas2 counts it.
    nodes[s + 6]! += weight;
    nodes[t + 6]! += weight;
    edges.set([s, t, weight], j);
    j += EDGE_STRIDE;
  });
  const request: LayoutRequest = {
    nodes,
    edges,
    settings: {
      linLogMode: false,
      outboundAttractionDistribution: false,
      adjustSizes: false,
      edgeWeightInfluence: 1,
      scalingRatio: 10,
      strongGravityMode: false,
      gravity: 1,
      slowDown: 2,
      barnesHutOptimize: ids.length > 1000,
      barnesHutTheta: 0.5,
    },
    maxMs: MAX_LAYOUT_MS,
    maxIterations: MAX_ITERATIONS,
  };

  const worker = new Worker(new URL('./layout.worker.ts', import.meta.url), { type: 'module' });
  let latest: LayoutReport | null = null;
  let frame = 0;
  const apply = () => {
    frame = 0;
    const report = latest;
    if (!report) return;
    latest = null;
    let i = 0;
    const { positions } = report;
    graph.updateEachNodeAttributes(
      (_node, attributes) => {
        attributes.x = positions[2 * i];
        attributes.y = positions[2 * i + 1];
        i++;
        return attributes;
      },
      { attributes: ['x', 'y'] },
    );
    if (report.done) {
      worker.terminate();
      onDone(report);
    }
  };
  worker.onmessage = (event: MessageEvent<LayoutReport>) => {
    latest = event.data;
    if (!frame) frame = requestAnimationFrame(apply);
  };
  worker.postMessage(request, [nodes.buffer, edges.buffer]);
  return {
    stop: () => {
      cancelAnimationFrame(frame);
      worker.terminate();
    },
  };
}
