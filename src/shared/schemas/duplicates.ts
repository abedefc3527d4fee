// Possible duplicate contacts and merging them (docs/domain.md#duplicates-and-merging).
import { z } from 'zod';
import { Circle, ContactKind, ContactSource, Stage } from '../enums.js';
import { Id, IsoDateTime, PageQuery } from './common.js';

/**
 * Why two contacts look like one person, strongest first. `same_name` is the weak one: the same
 * full name with nothing that contradicts it (no two different e-mails, phones or LinkedIn
 * profiles) — typically one copy from LinkedIn with a company and one from the phone without.
 */
export const duplicateReasons = ['linkedin', 'email', 'phone', 'name', 'same_name'] as const;
export const DuplicateReason = z.enum(duplicateReasons);
export type DuplicateReason = z.infer<typeof DuplicateReason>;

/** One side of a pair: everything a merge keeps, so the screen can preview the result. */
export const DuplicateSide = z.object({
  id: Id,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  displayName: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  company: z.string().nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(z.string()),
  birthday: z.string().nullable(),
  /** Only whether there is one: photos are large. */
  hasPhoto: z.boolean(),
  notes: z.string().nullable(),
  circle: Circle,
  kind: ContactKind.nullable(),
  tags: z.array(z.string()),
  interests: z.array(z.string()),
  communities: z.array(z.string()),
  schools: z.array(z.string()),
  pastCompanies: z.array(z.string()),
  howMet: z.string().nullable(),
  metOn: z.string().nullable(),
  metAtEventId: z.string().nullable(),
  introducedById: z.string().nullable(),
  stage: Stage,
  cadenceDays: z.number().int().nullable(),
  source: ContactSource,
  createdAt: IsoDateTime,
  lastInteractionAt: IsoDateTime.nullable(),
  /** What the merge moves along with them. */
  counts: z.object({ interactions: z.number().int(), followups: z.number().int(), favors: z.number().int() }),
});
export type DuplicateSide = z.infer<typeof DuplicateSide>;

export const DuplicatePair = z.object({
  reasons: z.array(DuplicateReason).min(1),
  /** Ordered by name; either may be the one kept. */
  contacts: z.tuple([DuplicateSide, DuplicateSide]),
});
export type DuplicatePair = z.infer<typeof DuplicatePair>;

export const DuplicatesQuery = PageQuery.extend({ limit: z.coerce.number().int().min(1).max(100).default(20) });

export const DuplicatePage = z.object({
  items: z.array(DuplicatePair),
  nextCursor: z.string().nullable(),
  /** Pairs in the whole account, for the count on the contacts page. */
  total: z.number().int(),
});
export type DuplicatePage = z.infer<typeof DuplicatePage>;

export const MergeRequest = z.object({
  /** The contact merged into the one in the path, then deleted. */
  otherId: Id,
});
export type MergeRequest = z.infer<typeof MergeRequest>;
