// Patch objects: a PATCH body names only the fields to change, and Zod leaves the others
// `undefined`. Written by hand (five lines) rather than taken from a library: es-toolkit's
// `omitBy(o, isUndefined)` (only here as a dependency of recharts) types its result as
// `Partial<T>`, keeping `| undefined` on every value, which is exactly what this removes.

/** `T` with every key optional and no value `undefined`: the columns a patch really sets. */
export type WithoutUndefined<T> = { [K in keyof T]?: Exclude<T[K], undefined> };

/** A copy of `object` without its `undefined` values (`null` stays: it clears a column). */
export function withoutUndefined<T extends object>(object: T): WithoutUndefined<T> {
  return Object.fromEntries(Object.entries(object).filter(([, value]) => value !== undefined)) as WithoutUndefined<T>;
}
