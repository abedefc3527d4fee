// The one way an import refuses a file: an ImportError says which file, and where in it, so the
// user can find the problem; the import it interrupts changes nothing (one transaction).

/** Where in a file: a 1-based line (CSV, vCard) and, for vCards, the card's position. */
export interface Position {
  line?: number;
  card?: number;
}

export type ImportErrorCode =
  | 'binary'
  | 'encoding'
  | 'malformed'
  | 'wrong_format'
  | 'mapping_required'
  | 'bad_mapping'
  | 'empty'
  | 'zip'
  | 'no_owner'
  | 'too_large'
  | 'unsafe_name';

export class ImportError extends Error {
  override readonly name = 'ImportError';

  constructor(
    readonly code: ImportErrorCode,
    /** What is wrong, without the place: `where` says that. */
    readonly reason: string,
    readonly file?: string,
    readonly at: Position = {},
  ) {
    super(describe(reason, file, at));
  }
}

function describe(reason: string, file: string | undefined, at: Position): string {
  const place = [file, at.card !== undefined ? `card ${at.card}` : undefined, at.line !== undefined ? `line ${at.line}` : undefined]
    .filter(Boolean)
    .join(', ');
  return place ? `${place}: ${reason}` : reason;
}

/** Errors thrown by libraries while reading a file become an ImportError naming the file. */
export function asImportError(error: unknown, file: string, at: Position = {}): ImportError {
  if (error instanceof ImportError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new ImportError('malformed', message, file, at);
}
