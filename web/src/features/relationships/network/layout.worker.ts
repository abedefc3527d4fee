// ForceAtlas2 for the Network screen, in a worker, run until the picture stops moving (with a
// cap) instead of for a fixed time. Positions go back a few times a second, not every step:
// each one makes the main thread redraw everything, so fewer, larger steps keep the page free.
import iterate from 'graphology-layout-forceatlas2/iterate.js';
import { layoutSettled, NODE_STRIDE, type LayoutReport, type LayoutRequest } from './layout-protocol';

/** Work done between two reports of positions. */
const SLICE_MS = 200;

const scope = self as unknown as { postMessage(message: LayoutReport, transfer: Transferable[]): void; onmessage: ((event: MessageEvent<LayoutRequest>) => void) | null };

let run = 0;

scope.onmessage = (event) => {
  const { nodes, edges, settings, maxMs, maxIterations } = event.data;
  const current = ++run;
  const started = performance.now();
  const count = nodes.length / NODE_STRIDE;
  const before = new Float32Array(count * 2);
  let iterations = 0;
  let calm = 0;
  const slice = () => {
    if (current !== run) return; // a newer network replaced this one
    for (let i = 0; i < count; i++) {
      before[2 * i] = nodes[i * NODE_STRIDE]!;
      before[2 * i + 1] = nodes[i * NODE_STRIDE + 1]!;
    }
    const sliceStart = performance.now();
    let steps = 0;
    do {
      iterate(settings, nodes, edges);
      steps++;
    } while (performance.now() - sliceStart < SLICE_MS && iterations + steps < maxIterations);
    iterations += steps;
    const positions = new Float32Array(count * 2);
    let moved = 0;
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let i = 0; i < count; i++) {
      const x = nodes[i * NODE_STRIDE]!;
      const y = nodes[i * NODE_STRIDE + 1]!;
      positions[2 * i] = x;
      positions[2 * i + 1] = y;
      moved += Math.hypot(x - before[2 * i]!, y - before[2 * i + 1]!);
      minX = Math.min(minX, x); maxX = Math.max(maxX, x); minY = Math.min(minY, y); maxY = Math.max(maxY, y);
    }
    // How far the average person moved in one step, as a share of the picture's size.
    const movement = count === 0 ? 0 : moved / count / steps / Math.max(maxX - minX, maxY - minY, 1e-9);
    calm = layoutSettled(movement) ? calm + 1 : 0;
    const elapsed = performance.now() - started;
    const done = calm >= 2 ? 'converged' : elapsed >= maxMs || iterations >= maxIterations ? 'capped' : null;
    scope.postMessage({ positions, iterations, movement, elapsedMs: elapsed, done }, [positions.buffer]);
    if (!done) setTimeout(slice, 0);
  };
  slice();
};
