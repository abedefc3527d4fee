// The picture: sigma draws a graphology graph with WebGL (made for tens of thousands of nodes).
// The renderer is made as the screen opens, while the network is still on its way (making it
// compiles WebGL programs: a second or more in software WebGL), and kept across filters. The
// people are drawn the user's closest first, a slice at a time (network/chunks.ts), so the first
// picture comes early and no single task freezes the page; then ForceAtlas2 lays them out in a
// worker until they settle (network/layout.ts). The user is the centre; contacts are coloured by
// circle and sized by strength.
import { Text } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Graph from 'graphology';
import Sigma from 'sigma';
import { EdgeRectangleProgram } from 'sigma/rendering';
import type { Network } from '@shared/schemas/index.js';
import { intlLocaleFor } from '../../i18n/format';
import { toLanguage } from '../../i18n';
import { drawingSlices, type Slice } from './network/chunks';
import { runLayout, type LayoutRun } from './network/layout';

const CIRCLE_HEX = { personal: '#9c36b5', professional: '#1c7ed6', opportunity: '#e8590c' } as const;
export const ME = 'me';
/** Wait at most this long for sigma to draw a slice before adding the next (a hidden tab draws nothing). */
const SLICE_WAIT_MS = 250;

interface NetworkGraphProps {
  /** Null while it loads: the renderer gets ready meanwhile. */
  network: Network | null;
  meLabel: string;
  /** A person to centre on. */
  focusId: string | null;
  /** The people of a path to light up, the user first. */
  path: string[];
  onSelect: (id: string) => void;
  /** WebGL missing (an old browser, a locked-down machine): the list stays the way in. */
  onUnavailable: () => void;
}

type Progress = { stage: 'loading' } | { stage: 'drawing'; drawn: number; total: number } | { stage: 'arranging'; total: number } | { stage: 'settled' };

export function NetworkGraph({ network, meLabel, focusId, path, onSelect, onUnavailable }: NetworkGraphProps) {
  const { t, i18n } = useTranslation();
  const numbers = useMemo(() => new Intl.NumberFormat(intlLocaleFor(toLanguage(i18n.resolvedLanguage))), [i18n.resolvedLanguage]);
  const container = useRef<HTMLDivElement>(null);
  const [renderer, setRenderer] = useState<Sigma | null>(null);
  const highlight = useRef<{ focus: string | null; path: Set<string> }>({ focus: null, path: new Set() });
  const [progress, setProgress] = useState<Progress>({ stage: 'loading' });

  // The renderer, once per screen.
  useEffect(() => {
    if (!container.current) return;
    const graph = new Graph();
    let made: Sigma;
    try {
      made = new Sigma(graph, container.current, {
        renderEdgeLabels: false,
        labelRenderedSizeThreshold: 8,
        // No arrows are drawn: the arrow type gets the plain program (one fewer to compile).
        edgeProgramClasses: { arrow: EdgeRectangleProgram },
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
    setRenderer(made);
    return () => {
      made.kill();
      setRenderer(null);
    };
  }, [onUnavailable]);

  useEffect(() => {
    if (!renderer) return;
    const select = ({ node }: { node: string }) => node !== ME && onSelect(node);
    renderer.on('clickNode', select);
    return () => void renderer.off('clickNode', select);
  }, [renderer, onSelect]);

  // The people and their ties, each time the network (a filter) changes.
  useEffect(() => {
    const element = container.current;
    if (!network) setProgress({ stage: 'loading' });
    if (!renderer || !network || !element) return;
    element.dataset.dataAt = String(performance.now());
    const graph = renderer.getGraph();
    graph.clear();
    graph.addNode(ME, { label: meLabel, x: 0, y: 0, size: 14, color: '#2b8a3e', fixed: true });
    let placed = 0;
    const addSlice = (slice: Slice) => {
      for (const n of slice.people) {
        // Start on a spiral, stronger ties nearer the centre; ForceAtlas2 takes it from there.
        const i = placed++;
        const angle = i * 2.39996;
        const radius = 10 + (100 - n.strength) + i * 0.05;
        graph.addNode(n.id, { label: n.displayName, x: Math.cos(angle) * radius, y: Math.sin(angle) * radius, size: 3 + n.strength / 10, color: CIRCLE_HEX[n.circle] });
        if (n.strength > 0) graph.addEdge(ME, n.id, { size: 0.5 + n.strength / 40, color: '#ced4da', weight: n.strength / 100 });
      }
      for (const e of slice.ties) if (!graph.hasEdge(e.source, e.target)) graph.addEdge(e.source, e.target, { size: 0.5 + e.weight * 2, color: '#dee2e6', weight: e.weight });
    };
    const slices = drawingSlices(network);
    const total = network.nodes.length;
    if (slices[0]) addSlice(slices[0]);
    void renderer.getCamera().animatedReset({ duration: 0 });

    // State on the element, for bench/network-screen.ts to time the first picture and the settled layout.
    element.dataset.layout = 'running';
    delete element.dataset.drawn;
    const markDrawn = () => {
      element.dataset.drawnAt = String(performance.now());
      element.dataset.drawn = 'true';
    };
    renderer.once('afterRender', markDrawn);

    // The rest, a slice per task, each drawn before the next is added.
    let cancelled = false;
    let layout: LayoutRun | null = null;
    let wait = 0;
    let drawn = slices[0]?.people.length ?? 0;
    setProgress({ stage: 'drawing', drawn, total });
    const rest = slices.slice(1);
    const next = () => {
      window.clearTimeout(wait);
      renderer.off('afterRender', next);
      if (cancelled) return;
      const slice = rest.shift();
      if (!slice) return arrange();
      addSlice(slice);
      drawn += slice.people.length;
      setProgress({ stage: 'drawing', drawn, total });
      renderer.once('afterRender', next);
      wait = window.setTimeout(next, SLICE_WAIT_MS);
    };
    const arrange = () => {
      setProgress({ stage: 'arranging', total });
      layout = runLayout(graph, (report) => {
        element.dataset.settledAt = String(performance.now());
        element.dataset.layoutStop = report.done ?? '';
        element.dataset.layoutIterations = String(report.iterations);
        element.dataset.layoutMovement = report.movement.toExponential(2);
        element.dataset.layout = 'settled';
        setProgress({ stage: 'settled' });
        // Frame what the layout settled on.
        void renderer.getCamera().animatedReset({ duration: 300 });
      });
    };
    renderer.once('afterRender', next);
    wait = window.setTimeout(next, SLICE_WAIT_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(wait);
      renderer.off('afterRender', next);
      renderer.off('afterRender', markDrawn);
      layout?.stop();
    };
  }, [renderer, network, meLabel]);

  useEffect(() => {
    highlight.current = { focus: focusId, path: new Set(path) };
    if (!renderer) return;
    renderer.refresh();
    if (focusId && renderer.getGraph().hasNode(focusId)) {
      const position = renderer.getNodeDisplayData(focusId);
      if (position) void renderer.getCamera().animate({ x: position.x, y: position.y, ratio: 0.3 }, { duration: 500 });
    }
  }, [renderer, focusId, path]);

  return (
    <>
      <div ref={container} aria-hidden style={{ width: '100%', height: 480, border: '1px solid var(--mantine-color-gray-3)', borderRadius: 8 }} />
      <Text size="xs" c="dimmed" mt={4} role="status" data-testid="network-progress">
        {progress.stage === 'loading' && t('network.loading')}
        {progress.stage === 'drawing' && t('network.drawing', { drawn: numbers.format(progress.drawn), total: numbers.format(progress.total) })}
        {progress.stage === 'arranging' && t('network.arranging', { total: numbers.format(progress.total) })}
      </Text>
    </>
  );
}
