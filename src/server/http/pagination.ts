// Opaque keyset cursors: the sort key of the last row of a page, base64url JSON.
import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { z } from 'zod';
import { Id, IsoDate, IsoDateTime } from '#shared/schemas/common.js';
import { HttpProblem } from './problems.js';

export function encodeCursor(key: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify(key)).toString('base64url');
}

/** What each element of a cursor must be, in the SQL type it is cast to. */
export type CursorPart = 'text' | 'date' | 'timestamptz' | 'uuid';

/** PostgreSQL has no year 0 (ISO 8601 does): refused here rather than by a failed cast. */
const notYearZero = (value: string) => !value.startsWith('0000');

const cursorParts: Record<CursorPart, z.ZodType<string>> = {
  // PostgreSQL text cannot hold a NUL character.
  text: z.string().refine((value) => !value.includes('\u0000')),
  date: IsoDate.refine(notYearZero),
  timestamptz: IsoDateTime.refine(notYearZero),
  uuid: Id,
};

/**
 * The sort key a cursor carries, checked element by element against `parts` (a cursor is the
 * caller's text: a forged one must be a 400, never a failed SQL cast and a 500).
 */
export function decodeCursor(cursor: string | undefined, parts: readonly CursorPart[]): string[] | null {
  if (!cursor) return null;
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(key) && key.length === parts.length && parts.every((part, i) => cursorParts[part].safeParse(key[i]).success)) {
      return key as string[];
    }
  } catch {
    // fall through
  }
  throw new HttpProblem(400, 'Validation failed', 'cursor: not a cursor from this list', [
    { field: 'cursor', message: 'not a cursor from this list', code: 'invalid_cursor' },
  ]);
}

/** Fetch `limit + 1` rows; this trims the extra one and builds the next cursor from the last kept. */
export function pageFrom<Row, Item>(
  rows: Row[],
  limit: number,
  keyOf: (row: Row) => (string | number | null)[],
  toItem: (row: Row) => Item,
): { items: Item[]; nextCursor: string | null } {
  const hasMore = rows.length > limit;
  const kept = hasMore ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return {
    items: kept.map(toItem),
    nextCursor: hasMore && last ? encodeCursor(keyOf(last)) : null,
  };
}

/**
 * The keyset condition "after the cursor" for a list ordered by (key, id) in one direction,
 * as a row comparison PostgreSQL can answer from an index on (key, id).
 */
export function afterCursor(
  cursor: (string | number | null)[] | null,
  order: 'asc' | 'desc',
  key: SQLWrapper,
  id: SQLWrapper,
  keyType: 'text' | 'date' | 'timestamptz',
): SQL | undefined {
  if (!cursor) return undefined;
  const op = sql.raw(order === 'asc' ? '>' : '<');
  return sql`(${key}, ${id}) ${op} (${String(cursor[0])}::${sql.raw(keyType)}, ${String(cursor[1])}::uuid)`;
}
