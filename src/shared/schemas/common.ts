import { z } from 'zod';

/** Calendar date without time, as the user sees it: `2026-11-23`. */
export const IsoDate = z.iso.date();
/** An instant, always sent and stored in UTC: `2026-11-23T09:30:00.000Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true });
export const Id = z.uuid();

export const IdParams = z.object({ id: Id });

/** Keyset pagination shared by every list endpoint. */
export const PageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  cursor: z.string().max(500).optional(),
});

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    /** Pass as `cursor` to get the next page; null on the last page. */
    nextCursor: z.string().nullable(),
  });
}

/** RFC 9457 problem details, with the bad fields of a validation error. */
export const Problem = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  errors: z
    .array(
      z.object({
        field: z.string(),
        message: z.string(),
        /** Machine-readable reason (Zod's issue code, e.g. `too_small`), for translated messages. */
        code: z.string().optional(),
        /** A refused import: the uploaded file, and the 1-based line or vCard card in it. */
        file: z.string().optional(),
        line: z.number().int().optional(),
        card: z.number().int().optional(),
      }),
    )
    .optional(),
});
export type Problem = z.infer<typeof Problem>;

/** Trimmed text; empty strings become null so "cleared" and "never set" look the same. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((v) => (v === '' ? null : v))
    .nullable()
    .optional();

/** A list of short strings: trimmed, empties dropped, duplicates removed. */
export const stringList = (maxItem: number, maxItems = 100) =>
  z
    .array(z.string().trim().max(maxItem))
    .max(maxItems)
    .transform((list) => [...new Set(list.filter((s) => s !== ''))]);
