// Ties between contacts and the strength of the user's own tie with each (docs/domain.md#ties-between-contacts,
// docs/domain.md#tie-strength).
import { z } from 'zod';
import { RelationshipKind, TieSource } from '../enums.js';
import { Id, IsoDateTime, optionalText } from './common.js';

const Depth = z.enum(['message', 'call', 'video', 'in_person']);
/** The reasons of tieStrength() (src/shared/rules/tie-strength.ts), for a client to word itself. */
export const StrengthReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('lastTouch'), depth: Depth, days: z.number().int() }),
  z.object({ kind: z.literal('neverTouched') }),
  z.object({ kind: z.literal('touches'), count: z.number().int() }),
  z.object({ kind: z.literal('twoWay'), inboundShare: z.number() }),
  z.object({ kind: z.literal('oneWay') }),
  z.object({ kind: z.literal('helpedYou'), count: z.number().int() }),
  z.object({ kind: z.literal('youHelped'), count: z.number().int() }),
]);

/** How strong the user's tie with a contact is: 0–100, and why in words (the profile's language). */
export const TieStrength = z.object({
  score: z.number().int().min(0).max(100),
  why: z.string(),
  /** The same reasons as data: the web app words them in the language on screen. */
  reasons: z.array(StrengthReason).optional(),
});
export type TieStrength = z.infer<typeof TieStrength>;

export const RelationshipCreate = z.object({
  otherId: Id,
  kind: RelationshipKind,
  note: optionalText(500),
});
export type RelationshipCreate = z.input<typeof RelationshipCreate>;

export const RelationshipParams = z.object({
  id: Id,
  /** The other contact of the tie (or the tie's own id). */
  otherId: Id,
});

/** One piece of evidence of a tie Círculo read from other records (never stored twice). */
export const DerivedTie = z.object({
  source: TieSource.exclude(['explicit']),
  /** How many records say so: shared touches, events together… */
  count: z.number().int(),
  /** The newest of them, when it has a time. */
  lastAt: IsoDateTime.nullable(),
  /** A name to show: the event's. */
  label: z.string().nullable(),
});
export type DerivedTie = z.infer<typeof DerivedTie>;

/** Everything that ties a contact to one other person. */
export const Tie = z.object({
  other: z.object({ id: Id, displayName: z.string(), company: z.string().nullable() }),
  /** The tie the user typed, if any. */
  explicit: z.object({ id: Id, kind: RelationshipKind, note: z.string().nullable(), createdAt: IsoDateTime }).nullable(),
  derived: z.array(DerivedTie),
});
export type Tie = z.infer<typeof Tie>;

export const TieList = z.object({
  /** Typed ties first, then by the weight of the evidence; at most 200. */
  items: z.array(Tie),
});
export type TieList = z.infer<typeof TieList>;
