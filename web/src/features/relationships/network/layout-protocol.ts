// What the Network screen and its layout worker (layout.worker.ts) say to each other.
import type { IterateSettings } from 'graphology-layout-forceatlas2/iterate.js';

/** Numbers per node in the ForceAtlas2 matrix: x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed. */
export const NODE_STRIDE = 10;
export const EDGE_STRIDE = 3;

/**
 * Settled: the average person moves less than this share of the picture's size per step (on
 * two reports in a row). Below it the motion is a shimmer nobody reads anything from.
 */
export const SETTLED_MOVEMENT = 0.0004;
export const layoutSettled = (movement: number) => movement < SETTLED_MOVEMENT;

export interface LayoutRequest {
  nodes: Float32Array;
  edges: Float32Array;
  settings: IterateSettings;
  /** The cap: a network that keeps shimmering is left as it is after this long or this many steps. */
  maxMs: number;
  maxIterations: number;
}

export interface LayoutReport {
  /** x, y of each node, in the request's order. */
  positions: Float32Array;
  iterations: number;
  movement: number;
  elapsedMs: number;
  /** Set on the last report: why the layout stopped. */
  done: 'converged' | 'capped' | null;
}
