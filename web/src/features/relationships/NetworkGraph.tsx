// The picture: sigma draws a graphology graph with WebGL (made for tens of thousands of nodes);
// ForceAtlas2 lays it out in a web worker (graphology-layout-forceatlas2/worker), so the page
// never freezes. The user is the centre; contacts are coloured by circle and sized by strength.
import { useEffect, useRef } from 'react';
import Graph from 'graphology';
import FA2Layout from 'graphology-layout-forceatlas2/worker';
import Sigma from 'sigma';
import type { Network } from '@shared/schemas/index.js';

const CIRCLE_HEX = { personal: '#9c36b5', professional: '#1c7ed6', opportunity: '#e8590c' } as const;
export const ME = 'me';
/** How long the layout runs before it is left as it is (it settles well before on most networks). */
const LAYOUT_MS = 4000;

interface NetworkGraphProps {
  network: Network;
  meLabel: string;
  /** A person to centre on. */
  focusId: string | null;
  /** The people of a path to light up, the user first. */
  path: string[];
  onSelect: (id: string) => void;
  /** WebGL missing (an old browser, a locked-down machine): the list stays the way in. */
  onUnavailable: () => void;
}

export function NetworkGraph({ network, meLabel, focusId, path, onSelect, onUnavailable }: NetworkGraphProps) {
  const container = useRef<HTMLDivElement>(null);
  const sigma = useRef<Sigma | null>(null);
  const highlight = useRef<{ focus: string | null; path: Set<string> }>({ focus: null, path: new Set() });

  useEffect(() => {
    if (!container.current) return;
    const graph = new Graph();
    graph.addNode(ME, { label: meLabel, x: 0, y: 0, size: 14, color: '#2b8a3e' });
    network.nodes.forEach((n, i) => {
      // Start on a spiral, stronger ties nearer the centre; ForceAtlas2 takes it from there.
      const angle = i * 2.39996;
      const radius = 10 + (100 - n.strength) + i * 0.05;
      graph.addNode(n.id, { label: n.displayName, x: Math.cos(angle) * radius, y: Math.sin(angle) * radius, size: 3 + n.strength / 10, color: CIRCLE_HEX[n.circle] });
      if (n.strength > 0) graph.addEdge(ME, n.id, { size: 0.5 + n.strength / 40, color: '#ced4da', weight: n.strength / 100 });
    });
    for (const e of network.edges) if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { size: 0.5 + e.weight * 2, color: '#dee2e6', weight: e.weight });

    let renderer: Sigma;
    try {
      renderer = new Sigma(graph, container.current, {
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 8,
        nodeReducer: (node, data) => {
          const { focus, path } = highlight.current;
          if (path.size > 0) return path.has(node) ? { ...data, highlighted: true, zIndex: 1 } : { ...data, color: '#e9ecef', label: '' };
          return node === focus ? { ...data, highlighted: true } : data;
        },
        edgeReducer: (edge, data) => {
          const { path } = highlight.current;
          if (path.size === 0) return data;
          const [s, t] = graph.extremities(edge);
          return path.has(s) && path.has(t) ? { ...data, color: '#2b8a3e', size: 3 } : { ...data, hidden: true };
        },
      });
    } catch {
      onUnavailable();
      return;
    }
    sigma.current = renderer;
    // State on the element, for bench/network-screen.ts to time the first picture and the settled layout.
    const element = container.current;
    element.dataset.layout = 'running';
    renderer.once('afterRender', () => (element.dataset.drawn = 'true'));
    renderer.on('clickNode', ({ node }) => node !== ME && onSelect(node));
    const layout = new FA2Layout(graph, { settings: { gravity: 1, scalingRatio: 10, barnesHutOptimize: graph.order > 1000, slowDown: 2 } });
    layout.start();
    const stop = setTimeout(() => {
      layout.stop();
      element.dataset.layout = 'settled';
      // Frame what the layout settled on.
      void renderer.getCamera().animatedReset({ duration: 300 });
    }, LAYOUT_MS);
    return () => {
      clearTimeout(stop);
      layout.kill();
      renderer.kill();
      sigma.current = null;
    };
  }, [network, meLabel, onSelect, onUnavailable]);

  useEffect(() => {
    highlight.current = { focus: focusId, path: new Set(path) };
    const renderer = sigma.current;
    if (!renderer) return;
    renderer.refresh();
    if (focusId && renderer.getGraph().hasNode(focusId)) {
      const position = renderer.getNodeDisplayData(focusId);
      if (position) void renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.3 }, { duration: 500 });
    }
  }, [focusId, path]);

  return <div ref={container} aria-hidden style={{ width: '100%', height: 480, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />;
}
