// Bytes in, text out, chunk by chunk: imports read UTF-8 (the encoding of LinkedIn, Google,
// Apple and vCard 4.0 exports) or UTF-16 with a byte-order mark (Outlook's "Unicode" CSV), and
// refuse anything else with the line where it stops being text, instead of importing mojibake.
import { ImportError, asImportError } from './errors.js';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function startsWith(bytes: Uint8Array, prefix: number[]) {
  return prefix.every((b, i) => bytes[i] === b);
}

function countLines(text: string) {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

function pickDecoder(first: Uint8Array): { decoder: TextDecoder; bomLength: number } {
  if (startsWith(first, [0xff, 0xfe])) return { decoder: new TextDecoder('utf-16le', { fatal: true }), bomLength: 2 };
  if (startsWith(first, [0xfe, 0xff])) return { decoder: new TextDecoder('utf-16be', { fatal: true }), bomLength: 2 };
  return { decoder: new TextDecoder('utf-8', { fatal: true }), bomLength: startsWith(first, [0xef, 0xbb, 0xbf]) ? 3 : 0 };
}

/**
 * Decodes a byte stream, dropping a byte-order mark. Throws an ImportError for a zip or binary
 * file, or bytes that are not valid text, naming the line; a read error (a damaged zip entry)
 * becomes an ImportError too.
 */
export async function* decodeText(chunks: AsyncIterable<Uint8Array | string>, file: string): AsyncGenerator<string> {
  let decoder: TextDecoder | undefined;
  let utf16 = false;
  let linesBefore = 0;
  const iterator = chunks[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await iterator.next();
    } catch (error) {
      throw asImportError(error, file, { line: linesBefore + 1 });
    }
    if (next.done) break;
    const raw = next.value;
    if (typeof raw === 'string') {
      linesBefore += countLines(raw);
      yield raw;
      continue;
    }
    let bytes = raw;
    if (!decoder) {
      if (bytes.length === 0) continue;
      if (startsWith(bytes, ZIP_MAGIC)) throw new ImportError('wrong_format', 'this is a zip file, not a text file (a LinkedIn export zip goes to the LinkedIn import)', file);
      const picked = pickDecoder(bytes);
      decoder = picked.decoder;
      utf16 = decoder.encoding.startsWith('utf-16');
      bytes = bytes.subarray(picked.bomLength);
    }
    // A NUL byte never appears in UTF-8 text files; in UTF-16 it is every other byte.
    if (!utf16) {
      const nul = bytes.indexOf(0);
      if (nul !== -1) {
        const line = linesBefore + countLines(Buffer.from(bytes.subarray(0, nul)).toString('latin1')) + 1;
        throw new ImportError('binary', 'this looks like a binary file, not text', file, { line });
      }
    }
    let text: string;
    try {
      text = decoder.decode(bytes, { stream: true });
    } catch {
      // Find the line by decoding leniently: the first replacement character is the bad byte.
      const lenient = new TextDecoder(decoder.encoding).decode(bytes);
      const bad = lenient.indexOf('\uFFFD');
      const line = linesBefore + countLines(lenient.slice(0, bad === -1 ? lenient.length : bad)) + 1;
      throw new ImportError('encoding', `the text is not valid ${decoder.encoding.toUpperCase()}: save the file as UTF-8 and try again`, file, { line });
    }
    linesBefore += countLines(text);
    if (text) yield text;
  }
  if (!decoder) return;
  try {
    const rest = decoder.decode();
    if (rest) yield rest;
  } catch {
    throw new ImportError('encoding', 'the file ends in the middle of a character (truncated?)', file, { line: linesBefore + 1 });
  }
}

/**
 * A line longer than this is not an address book's: a photo, the longest thing a card holds, is
 * refused past 1 MB anyway, and exporters fold long lines.
 */
export const MAX_LINE_CHARS = 2_000_000;

/** Splits decoded text into lines (CRLF, LF or CR), numbered from 1; refuses a line over `maxLine` characters. */
export async function* textLines(text: AsyncIterable<string>, file = 'upload', maxLine = MAX_LINE_CHARS): AsyncGenerator<{ line: number; text: string }> {
  let pending = '';
  let line = 0;
  let lastWasCr = false;
  const tooLong = () => new ImportError('too_large', `a line is longer than ${maxLine.toLocaleString('en')} characters: this is not a vCard file`, file, { line: line + 1 });
  for await (const chunk of text) {
    let start = 0;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === 10 && lastWasCr && i === start && pending === '') {
        // The LF of a CRLF split across chunks.
        start = i + 1;
        lastWasCr = false;
        continue;
      }
      lastWasCr = false;
      if (c === 10 || c === 13) {
        if (pending.length + i - start > maxLine) throw tooLong();
        yield { line: ++line, text: pending + chunk.slice(start, i) };
        pending = '';
        if (c === 13 && chunk.charCodeAt(i + 1) === 10) i++;
        else if (c === 13) lastWasCr = true;
        start = i + 1;
      }
    }
    pending += chunk.slice(start);
    if (pending.length > maxLine) throw tooLong();
  }
  if (pending !== '') yield { line: ++line, text: pending };
}
