// How many records an import writes per statement, for every kind of record it writes
// (contacts, touches and their links, invitations).
//
// Each batch travels as ONE JSON parameter expanded by `jsonb_to_recordset` (never as a
// multi-row VALUES list): a 2,000-row batch is then one short statement text and one value
// instead of ~40,000 bind parameters, which costs neither the query builder's time per value
// nor PGlite's WebAssembly heap (it grows with the statement and never shrinks). Measured on the
// bench's 30,000 connections and 161,772 messages: see docs/architecture.md#measured-facts.
export const IMPORT_BATCH_ROWS = 2_000;

/**
 * A batch is also written early once it holds this many characters of photos, notes and messages: 2,000
 * photos of 700 KB would be a 1.4 GB statement.
 */
export const IMPORT_BATCH_CHARS = 16_000_000;

/** `{a,b,c}`: a list of uuids as one PostgreSQL array parameter (uuids need no quoting). */
export function uuidArray(ids: readonly string[]): string {
  return `{${ids.join(',')}}`;
}
