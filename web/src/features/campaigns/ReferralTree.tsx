import { Badge, Box, Group, Skeleton, Stack, Text } from '@mantine/core';
import { hierarchy, tree as treeLayout } from 'd3-hierarchy';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ReferralTree as Tree } from '@shared/schemas/index.js';
import { LoadError } from '../../ui/LoadError';
import { useReferralTree } from './api';
import { flagColor, stageColor } from './stageStyle';
import classes from './ReferralTree.module.css';

type TreeNode = Tree['nodes'][number];
interface Datum {
  node: TreeNode | null; // null: "you", the root every first generation hangs from
  children: Datum[];
}

// Sizes in CSS pixels: the drawing is never scaled down, so names stay readable on a phone
// (the box scrolls sideways instead).
const NODE_W = 190;
const NODE_H = 46;
const ROOT_R = 24;
const GAP_X = 44;
const GAP_Y = 12;
const PAD = 8;
/** What fits a box: names in 13 px bold, details in 11 px. */
const NAME_CHARS = 23;
const DETAIL_CHARS = 31;
/** Wider than this, a phone has to scroll the drawing sideways. */
const PHONE_WIDTH = 320;

const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
/** Left edge of a generation's column; generation 0 is "you". */
const columnX = (depth: number) => (depth === 0 ? 0 : ROOT_R * 2 + GAP_X + (depth - 1) * (NODE_W + GAP_X));

/** The nested shape d3 lays out, from the flat list the server sends (each node names its parent). */
function nest(nodes: TreeNode[]): Datum {
  const byId = new Map(nodes.map((n) => [n.contactId, { node: n, children: [] as Datum[] }]));
  const root: Datum = { node: null, children: [] };
  for (const datum of byId.values()) {
    const parent = datum.node.parentId ? byId.get(datum.node.parentId) : undefined;
    (parent ?? root).children.push(datum);
  }
  return root;
}

/** Who led to whom, drawn left to right: you, the people you started with, the names they gave. */
export function ReferralTree({ campaignId, campaignName }: { campaignId: string; campaignName: string }) {
  const { t } = useTranslation();
  const tree = useReferralTree(campaignId);
  if (tree.isPending) return <Skeleton h={180} />;
  if (tree.isError) return <LoadError error={tree.error} onRetry={() => void tree.refetch()} />;
  if (tree.data.nodes.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('referralTree.empty')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <TreeStats tree={tree.data} />
      <TreeDrawing tree={tree.data} label={t('referralTree.label', { name: campaignName })} />
    </Stack>
  );
}

function TreeStats({ tree }: { tree: Tree }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs" wrap="wrap" data-testid="tree-stats">
      <Badge variant="light" color="gray" size="lg" data-testid="tree-depth">
        {t('referralTree.depth')}: {tree.depth}
      </Badge>
      <Badge variant="light" color="gray" size="lg" data-testid="tree-width">
        {t('referralTree.width')}: {tree.width}
      </Badge>
      <Group component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {tree.generations.map((g) => (
          <li key={g.generation}>
            <Badge variant="outline" size="lg" data-testid={`generation-${g.generation}`}>
              {t('referralTree.generation', { n: g.generation })}: {t('referralTree.generationCount', { count: g.count })}
            </Badge>
          </li>
        ))}
      </Group>
    </Group>
  );
}

function TreeDrawing({ tree, label }: { tree: Tree; label: string }) {
  const { t } = useTranslation();
  const layout = useMemo(() => {
    const root = treeLayout<Datum>().nodeSize([NODE_H + GAP_Y, 1]).separation((a, b) => (a.parent === b.parent ? 1 : 1.3))(hierarchy(nest(tree.nodes)));
    const all = root.descendants();
    const top = Math.min(...all.map((d) => d.x)) - NODE_H / 2;
    const bottom = Math.max(...all.map((d) => d.x)) + NODE_H / 2;
    const maxDepth = Math.max(...all.map((d) => d.depth));
    return {
      root,
      offsetY: PAD - top,
      width: columnX(maxDepth) + (maxDepth === 0 ? ROOT_R * 2 : NODE_W) + PAD * 2,
      height: bottom - top + PAD * 2,
    };
  }, [tree.nodes]);
  const { root, offsetY, width, height } = layout;
  const y = (x: number) => x + offsetY;

  return (
    <>
      <Box className={classes.scroller} data-testid="referral-tree">
        <svg width={width} height={height} role="group" aria-label={label} className={classes.svg}>
          <g transform={`translate(${PAD},0)`}>
            {root.links().map((link) => {
              const x1 = link.source.depth === 0 ? ROOT_R * 2 : columnX(link.source.depth) + NODE_W;
              const x2 = columnX(link.target.depth);
              const mid = (x1 + x2) / 2;
              return (
                <path
                  key={link.target.data.node!.contactId}
                  d={`M${x1},${y(link.source.x)} C${mid},${y(link.source.x)} ${mid},${y(link.target.x)} ${x2},${y(link.target.x)}`}
                  className={classes.edge}
                />
              );
            })}
            <g transform={`translate(${ROOT_R},${y(root.x)})`} aria-hidden>
              <circle r={ROOT_R} className={classes.root} />
              <text textAnchor="middle" dy="0.35em" className={classes.rootText}>
                {t('referralTree.you')}
              </text>
            </g>
            {root.descendants().slice(1).map((d) => (
              <PersonNode key={d.data.node!.contactId} node={d.data.node!} x={columnX(d.depth)} y={y(d.x) - NODE_H / 2} />
            ))}
          </g>
        </svg>
      </Box>
      {width > PHONE_WIDTH && (
        <Text size="xs" c="dimmed" hiddenFrom="sm">
          {t('referralTree.scrollHint')}
        </Text>
      )}
    </>
  );
}

function PersonNode({ node, x, y }: { node: TreeNode; x: number; y: number }) {
  const { t } = useTranslation();
  const status = node.stage ? t(`campaignStage.${node.stage}`) : t('referralTree.notMember');
  const second = node.company ? `${node.company} · ${status}` : status;
  const color = node.stage ? `var(--mantine-color-${stageColor[node.stage]}-6)` : 'var(--mantine-color-gray-4)';
  const label = [t('referralTree.node', { name: node.displayName, stage: status }), node.flagged ? t('referralTree.flagged') : null]
    .filter(Boolean)
    .join(', ');
  return (
    <Link to={`/contacts/${node.contactId}`} aria-label={label} className={classes.node} data-testid="tree-node" data-generation={node.generation}>
      <g transform={`translate(${x},${y})`}>
        <title>{label}</title>
        <rect width={NODE_W} height={NODE_H} rx={8} className={node.member ? classes.box : `${classes.box} ${classes.outsider}`} />
        <rect width={5} height={NODE_H - 12} x={6} y={6} rx={2.5} fill={color} />
        <text x={18} y={19} className={classes.name}>
          {clip(node.displayName, NAME_CHARS)}
        </text>
        <text x={18} y={35} className={classes.detail}>
          {clip(second, DETAIL_CHARS)}
        </text>
        {node.flagged && (
          <g transform={`translate(${NODE_W - 12},12)`}>
            <circle r={7} fill={`var(--mantine-color-${flagColor}-6)`} />
            <text textAnchor="middle" dy="0.35em" className={classes.flagMark}>
              !
            </text>
          </g>
        )}
      </g>
    </Link>
  );
}
