// The network as a picture (docs/domain.md#the-network): the user's contacts and the ties between them.
import { z } from 'zod';
import { Circle, TieSource } from '../enums.js';
import { Id } from './common.js';

export const NetworkQuery = z.object({
  circle: Circle.optional(),
  tag: z.string().trim().max(60).optional(),
  company: z.string().trim().max(200).optional(),
  campaignId: Id.optional(),
  /** The strongest ties first, at most this many people. */
  limit: z.coerce.number().int().min(1).max(5000).default(1500),
});
export type NetworkQuery = z.input<typeof NetworkQuery>;

export const NetworkNode = z.object({
  id: Id,
  displayName: z.string(),
  company: z.string().nullable(),
  circle: Circle,
  /** The user's tie strength, 0–100. */
  strength: z.number().int(),
});
export const NetworkEdge = z.object({
  source: Id,
  target: Id,
  /** 0–1: how likely the two know each other (intro-paths.ts tieWeight). */
  weight: z.number(),
  sources: z.array(TieSource),
});
export const Network = z.object({
  nodes: z.array(NetworkNode),
  /** Ties between two of the nodes (the user's own tie with each is the node's strength). */
  edges: z.array(NetworkEdge),
  /** People left out by `limit`. */
  omitted: z.number().int(),
});
export type Network = z.infer<typeof Network>;
