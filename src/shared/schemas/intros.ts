// Warm-introduction paths (docs/domain.md#warm-introductions).
import { z } from 'zod';
import { RelationshipKind, TieSource } from '../enums.js';
import { Id } from './common.js';
import { TieStrength } from './relationships.js';

export const IntrosQuery = z
  .object({
    /** Someone in Círculo. */
    contactId: Id.optional(),
    /** Anyone at this company. */
    company: z.string().trim().min(1).max(200).optional(),
    /** Free text matched against names, company, title, tags and notes. */
    q: z.string().trim().min(1).max(200).optional(),
    limit: z.coerce.number().int().min(1).max(50).default(10),
  })
  .refine((v) => [v.contactId, v.company, v.q].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of contactId, company or q',
    path: ['contactId'],
  });
export type IntrosQuery = z.input<typeof IntrosQuery>;

export const IntroducerFlag = z.enum(['give_before_you_ask', 'cold']);

export const PathStep = z.object({
  contactId: Id,
  displayName: z.string(),
  /** The user's own tie with this person. */
  strength: TieStrength,
  /** What ties this person to the next one on the path (the last: to the target). */
  tie: z.object({
    kind: RelationshipKind.nullable(),
    sources: z.array(TieSource),
    /** 0–1: how likely the two really know each other. */
    weight: z.number(),
  }),
  /** Only on the first person, the one the user asks. */
  flags: z.array(IntroducerFlag),
});
export type PathStep = z.infer<typeof PathStep>;

export const IntroPath = z.object({
  target: z.object({ contactId: Id, displayName: z.string(), company: z.string().nullable(), title: z.string().nullable() }),
  /** The people between the user and the target, the one to ask first (one or two). */
  via: z.array(PathStep),
  score: z.number().int().min(0).max(100),
  why: z.string(),
});
export type IntroPath = z.infer<typeof IntroPath>;

export const IntroPaths = z.object({ items: z.array(IntroPath) });
export type IntroPaths = z.infer<typeof IntroPaths>;

export const IntroRequest = z.object({
  introducerId: Id,
  targetId: Id,
  /** The message as sent (rendered from the `intro_request` template), kept as the touch's notes. */
  message: z.string().max(10_000).optional(),
});
export type IntroRequest = z.input<typeof IntroRequest>;

export const IntroRequested = z.object({ interactionId: Id, followupId: Id });
export type IntroRequested = z.infer<typeof IntroRequested>;
