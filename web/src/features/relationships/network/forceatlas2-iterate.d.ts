// The one ForceAtlas2 step of graphology-layout-forceatlas2 (plain CommonJS, no types of its own):
// nodes as 10 numbers each (x, y, dx, dy, old dx, old dy, mass, convergence, size, fixed), edges
// as 3 (source offset, target offset, weight).
declare module 'graphology-layout-forceatlas2/iterate.js' {
  export interface IterateSettings {
    linLogMode: boolean;
    outboundAttractionDistribution: boolean;
    adjustSizes: boolean;
    edgeWeightInfluence: number;
    scalingRatio: number;
    strongGravityMode: boolean;
    gravity: number;
    slowDown: number;
    barnesHutOptimize: boolean;
    barnesHutTheta: number;
  }
  export default function iterate(settings: IterateSettings, nodes: Float32Array, edges: Float32Array): void;
}
