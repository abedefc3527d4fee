// What every parser yields: a record (with warnings about fields it had to leave out) or a
// skipped line/card with the reason. A file that cannot be read at all throws an ImportError.
import type { SkipCode, WarningCode } from '#shared/schemas/imports.js';
import type { Position } from '../errors.js';

/** Something a record lost on the way in: a code and values for translation, and the English. */
export interface FieldWarning {
  code: WarningCode;
  values: Record<string, string | number>;
  message: string;
}

export const fieldWarning = (code: WarningCode, values: Record<string, string | number>, message: string): FieldWarning => ({ code, values, message });

export type Parsed<T> =
  | { kind: 'record'; at: Position; value: T; warnings: FieldWarning[] }
  | { kind: 'skip'; at: Position; code: SkipCode; reason: string };

export const record = <T>(at: Position, value: T, warnings: FieldWarning[] = []): Parsed<T> => ({ kind: 'record', at, value, warnings });
export const skip = <T>(at: Position, code: SkipCode, reason: string): Parsed<T> => ({ kind: 'skip', at, code, reason });
