// CSV records as a stream, each with the line it starts on, parsed by csv-parse (quotes, quoted
// newlines and commas, CRLF). The delimiter is found in the header line: Excel in a Spanish
// locale saves `;`, some tools tabs.
import { Readable, pipeline } from 'node:stream';
import { parse, CsvError, type InfoRecord, type Options } from 'csv-parse';
import { ImportError } from './errors.js';

export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

const CANDIDATES = [',', ';', '\t'] as const;

/** What on_record makes of each record: its cells and csv-parse's line counts when it ended. */
interface ParsedRecord {
  cells: string[];
  lines: number;
  emptyLines: number;
}

/** The delimiter that splits the first line into the most fields (outside quotes). */
export function sniffDelimiter(firstLine: string): string {
  const counts = new Map<string, number>(CANDIDATES.map((d) => [d, 0]));
  let quoted = false;
  for (const c of firstLine) {
    if (c === '"') quoted = !quoted;
    else if (!quoted && counts.has(c)) counts.set(c, counts.get(c)! + 1);
  }
  let best = ',';
  for (const d of CANDIDATES) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Reads ahead until the first line is complete, to sniff the delimiter, then yields everything. */
async function peekFirstLine(text: AsyncIterable<string>): Promise<{ firstLine: string; all: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let head = '';
  while (!/[\r\n]/.test(head) && head.length < 1_000_000) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
    head += next.value;
  }
  async function* all() {
    yield* buffered;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { firstLine: head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)[0] ?? '', all: all() };
}

function csvProblem(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed (the file may be truncated)';
    case 'CSV_INVALID_CLOSING_QUOTE':
      return 'a quote inside a field is not doubled, or a field has text after its closing quote';
    default:
      return error.message.replace(/ at line \d+.*$/, '');
  }
}

/**
 * Every record of a CSV, empty lines skipped. A record may have more or fewer fields than the
 * header (exports disagree); the callers map cells by header name.
 */
export async function* csvRows(text: AsyncIterable<string>, file: string, onDelimiter?: (delimiter: string) => void): AsyncGenerator<CsvRow> {
  const { firstLine, all } = await peekFirstLine(text);
  const delimiter = sniffDelimiter(firstLine);
  onDelimiter?.(delimiter);
  // csv-parse builds a CsvError, stack trace included, for every record whose length differs
  // from the first record's, even with relax_column_count (it drops it afterwards). A LinkedIn
  // Connections.csv starts with a one-cell "Notes:" preamble, so each of its 30,000 records paid
  // for an error object (about a second of the import in the bench's CPU profile). Expecting
  // each record's length to be the previous one's makes that rare; csv-parse has no option for
  // it, so on_record sets its parser state, and only when that state has the expected field.
  // on_record also takes the line counts from the context csv-parse hands it: its `info` option
  // would build that context a second time for every record (~0.9 s of a 161,772-message import).
  const onRecord = (cells: string[], context: InfoRecord): ParsedRecord => {
    const state = (parser as unknown as { state?: { expectedRecordLength?: unknown } }).state;
    if (state && typeof state.expectedRecordLength === 'number') state.expectedRecordLength = cells.length;
    return { cells, lines: context.lines, emptyLines: context.empty_lines };
  };
  const parser = parse({
    // Its types want a record back in the shape it came; the loop below reads ParsedRecord.
    on_record: onRecord as unknown as Options['on_record'],
    bom: true,
    delimiter,
    relax_column_count: true,
    skip_empty_lines: true,
    max_record_size: 5_000_000,
  });
  // pipeline() (unlike pipe()) hands a read error of the source (bad encoding) to the parser,
  // so the loop below throws it instead of waiting forever.
  pipeline(Readable.from(all), parser, () => {});
  let previousEnd = 0;
  let previousEmpty = 0;
  // csv-parse counts a CRLF inside a quoted field as two lines (one for each character; a CRLF
  // between records counts once), so from the first such field on its counts run ahead of the file.
  let crlfInFields = 0;
  try {
    for await (const { cells, lines, emptyLines } of parser as AsyncIterable<ParsedRecord>) {
      for (const cell of cells) if (cell.includes('\r\n')) crlfInFields += cell.split('\r\n').length - 1;
      // csv-parse counts the line a record ends on; it starts after the previous record and the
      // empty lines skipped since.
      const line = previousEnd + 1 + (emptyLines - previousEmpty);
      previousEnd = lines - crlfInFields;
      previousEmpty = emptyLines;
      yield { line, cells };
    }
  } catch (error) {
    if (error instanceof CsvError) {
      const lines = (error as CsvError & { lines?: number }).lines;
      const line = lines ? lines - crlfInFields : undefined;
      throw new ImportError('malformed', csvProblem(error), file, line ? { line } : {});
    }
    throw error;
  }
}

/** Header names compared the way exports vary them: case, spaces, a BOM. */
export function headerKey(name: string): string {
  return name.replace(/^\uFEFF/, '').trim().toLowerCase().replace(/\s+/g, ' ');
}

/** Cell lookup by header name (parsers look up the same few names on every row: remembered). */
export function columnIndex(header: string[]): (name: string) => number {
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const key = headerKey(h);
    if (!index.has(key)) index.set(key, i);
  });
  const byName = new Map<string, number>();
  return (name) => {
    let found = byName.get(name);
    if (found === undefined) {
      found = index.get(headerKey(name)) ?? -1;
      byName.set(name, found);
    }
    return found;
  };
}
