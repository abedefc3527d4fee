// CSV records as a stream, each with the line it starts on, parsed by Papa Parse's core parser
// (quotes, quoted newlines and commas, CRLF). The delimiter is found in the header line: Excel in
// a Spanish locale saves `;`, some tools tabs.
//
// Why Papa Parse, and its core parser: csv-parse, used before, compares the input byte by byte
// through its options and took ~3–4 s of a 50 MB LinkedIn messages.csv; Papa Parse's parser finds
// the next quote, delimiter and line break with indexOf and reads the same file in ~0.55 s
// (docs/performance.md). Its streaming front end guesses the line break from the first chunk and
// has no line numbers, so the few lines below feed it chunks and count lines themselves.
import Papa, { type ParseError, type ParseResult } from 'papaparse';
import { ImportError } from './errors.js';

export interface CsvRow {
  /** 1-based line where the record starts. */
  line: number;
  cells: string[];
}

const CANDIDATES = [',', ';', '\t'] as const;

/** A record longer than this (a quote never closed swallows the rest of the file) is refused. */
const MAX_RECORD_CHARS = 5_000_000;

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

/**
 * Reads ahead until the first line break is known (a CR at the end of a chunk may be the start of
 * a CRLF), to sniff the delimiter and the line break, then yields everything, a BOM removed.
 */
async function peekFirstLine(text: AsyncIterable<string>): Promise<{ firstLine: string; newline: '\n' | '\r\n' | '\r'; all: AsyncIterable<string> }> {
  const iterator = text[Symbol.asyncIterator]();
  const buffered: string[] = [];
  let head = '';
  while (!/\n|\r[^\n]/.test(head) && head.length < 1_000_000) {
    const next = await iterator.next();
    if (next.done) break;
    buffered.push(next.value);
    head += next.value;
  }
  if (buffered[0]?.startsWith('\uFEFF')) buffered[0] = buffered[0].slice(1);
  const lineBreak = /\r\n|\n|\r/.exec(head)?.[0] ?? '\n';
  async function* all() {
    yield* buffered;
    for (;;) {
      const next = await iterator.next();
      if (next.done) return;
      yield next.value;
    }
  }
  return { firstLine: head.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/)[0] ?? '', newline: lineBreak as '\n' | '\r\n' | '\r', all: all() };
}

/**
 * A copy of a cell that does not keep the chunk it was cut from alive. V8 makes a substring of 13
 * characters or more a view of its parent, so one remembered cell (the importer remembers the
 * profile URLs it has folded) kept its whole chunk of the file: ~55 MiB of the bench's 50 MB
 * messages.csv stayed in memory through the import. Concatenating flattens into a new string; the
 * slice is then a view of that copy alone.
 */
function detached(cell: string): string {
  return cell.length < 13 ? cell : (' ' + cell).slice(1);
}

/** Line breaks in text[from, to): LF, CRLF and a lone CR each count once, as an editor shows them. */
function lineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) count++;
  }
  return count;
}

function csvProblem(error: ParseError): string {
  return error.code === 'MissingQuotes'
    ? 'a quoted field is never closed (the file may be truncated)'
    : 'a quote inside a field is not doubled, or a field has text after its closing quote';
}

/**
 * Every record of a CSV, empty lines skipped. A record may have more or fewer fields than the
 * header (exports disagree); the callers map cells by header name. A quote inside an unquoted
 * field is kept as text; a quoted field never closed, or with text after its closing quote, is
 * refused naming the line the record starts on.
 */
export async function* csvRows(text: AsyncIterable<string>, file: string, onDelimiter?: (delimiter: string) => void): AsyncGenerator<CsvRow> {
  const { firstLine, newline, all } = await peekFirstLine(text);
  const delimiter = sniffDelimiter(firstLine);
  onDelimiter?.(delimiter);

  let pending = ''; // text not yet made into records: the start of a record still incomplete
  let line = 1; // the line `pending` starts on
  let rows: CsvRow[] = [];
  let rowStart = 0; // where the next record starts in `pending`
  let counted = 0; // how far into `pending` line breaks were counted into `line`
  let failure = null as { error: ParseError; line: number } | null;
  const parser = new Papa.Parser({
    delimiter,
    newline,
    step: (result: ParseResult<string[]>) => {
      line += lineBreaks(pending, counted, rowStart);
      counted = rowStart;
      const cells = result.data[0]!;
      for (let i = 0; i < cells.length; i++) cells[i] = detached(cells[i]!);
      const error = result.errors[0];
      if (error && !failure) failure = { error, line };
      if (!(cells.length === 1 && cells[0] === '')) rows.push({ line, cells });
      rowStart = result.meta.cursor;
    },
  });
  const refuse = (problem: { error: ParseError; line: number }) => new ImportError('malformed', csvProblem(problem.error), file, { line: problem.line });
  /** Runs the parser over `pending` from its start (the steps count lines from `line`). */
  const scan = (final: boolean) => {
    rowStart = 0;
    counted = 0;
    return parser.parse(pending, 0, !final) as ParseResult<string[]>;
  };
  /** Parses `pending`, all of it at the end, else up to its last complete record. */
  const parse = (final: boolean) => {
    const result = scan(final);
    if (failure) throw refuse(failure);
    const consumed = final ? pending.length : result.meta.cursor;
    line += lineBreaks(pending, counted, consumed);
    pending = pending.slice(consumed);
  };
  for await (const chunk of all) {
    pending += chunk;
    parse(false);
    if (pending.length > MAX_RECORD_CHARS) {
      // A quote that is never closed would read the rest of the file into one record; it may also
      // close later, so only a quote already wrong is named.
      const recordLine = line;
      scan(true);
      if (failure?.error.code === 'InvalidQuotes') throw refuse(failure);
      throw new ImportError('malformed', 'a record is longer than 5 MB (a quoted field may never be closed)', file, { line: recordLine });
    }
    yield* rows;
    rows = [];
  }
  parse(true);
  yield* rows;
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
