// How many records an import writes per statement, for every kind of record it writes
// (contacts, touches and their links, invitations).
//
// Each batch travels as ONE JSON parameter expanded by `jsonb_to_recordset` (never as a
// multi-row VALUES list): a 1,000-row batch is then one short statement text and one value
// instead of ~20,000 bind parameters, which cost the query builder more CPU than the database
// spent on the rows. Measured on the bench's 161,772 messages: 2,000-row batches took the same
// CPU time as 1,000-row ones and 45 MiB more peak memory (docs/architecture.md#measured-facts).
export const IMPORT_BATCH_ROWS = 1_000;

/**
 * A batch is also written early once it holds this many characters of photos, notes and messages: 1,000
 * photos of 700 KB would be a 700 MB statement.
 */
export const IMPORT_BATCH_CHARS = 16_000_000;

/** `{a,b,c}`: a list of uuids as one PostgreSQL array parameter (uuids need no quoting). */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
