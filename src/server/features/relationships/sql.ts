import { sql, type SQL } from 'drizzle-orm';

/** A list of ids as ONE `uuid[]` parameter (a long `in (…)` list costs a bind parameter each). */
export const uuidList = (ids: readonly string[]): SQL => sql`${`{${ids.join(',')}}`}::uuid[]`;
