import { sql, type SQL } from 'drizzle-orm';

// A list of strings as ONE PostgreSQL array literal (`{"a","b\"c"}`), to be bound as a single
// parameter and cast (`::text[]`, `::uuid[]`): a long `in (…)` list would cost a bind parameter
// each. Every element is quoted, so commas, braces, quotes, backslashes and NULL-like words are data.
export const arrayLiteral = (values: readonly string[]): string => `{${values.map((v) => `"${v.replace(/[\\"]/g, (c) => `\\${c}`)}"`).join(',')}}`;

/** A list of ids as ONE `uuid[]` parameter. */
export const uuidList = (ids: readonly string[]): SQL => sql`${arrayLiteral(ids)}::uuid[]`;
