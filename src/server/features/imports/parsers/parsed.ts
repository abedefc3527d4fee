// What every parser yields: a record (with warnings about fields it had to leave out) or a
// skipped line/card with the reason. A file that cannot be read at all throws an ImportError.
import type { SkipCode } from '#shared/schemas/imports.js';
import type { Position } from '../errors.js';

export type Parsed<T> =
  | { kind: 'record'; at: Position; value: T; warnings: string[] }
  | { kind: 'skip'; at: Position; code: SkipCode; reason: string };

export const record = <T>(at: Position, value: T, warnings: string[] = []): Parsed<T> => ({ kind: 'record', at, value, warnings });
export const skip = <T>(at: Position, code: SkipCode, reason: string): Parsed<T> => ({ kind: 'skip', at, code, reason });
