// A .vcf holds many cards: this cuts the line stream into cards (BEGIN:VCARD … END:VCARD), so
// each is parsed on its own and a problem can name its card and line, and a file of thousands
// of cards with photos never sits in memory whole.
import { ImportError } from '../errors.js';

export interface VcardBlock {
  /** 1-based position of the card in the file. */
  card: number;
  /** Line of its BEGIN:VCARD. */
  line: number;
  lines: { line: number; text: string }[];
}

const BEGIN = /^begin:vcard\s*$/i;
const END = /^end:vcard\s*$/i;
/** A card bigger than this is not an address book entry (photos are well under 1 MB). */
const MAX_CARD_CHARS = 5_000_000;

export async function* vcardBlocks(lines: AsyncIterable<{ line: number; text: string }>, file: string): AsyncGenerator<VcardBlock> {
  let current: VcardBlock | null = null;
  let size = 0;
  let count = 0;
  for await (const { line, text } of lines) {
    if (!current) {
      if (text.trim() === '') continue;
      if (!BEGIN.test(text)) {
        const what = count === 0 ? 'this is not a vCard file: it should start with BEGIN:VCARD' : 'text outside a card (expected BEGIN:VCARD)';
        throw new ImportError(count === 0 ? 'wrong_format' : 'malformed', what, file, { line });
      }
      count++;
      current = { card: count, line, lines: [{ line, text }] };
      size = text.length;
      continue;
    }
    if (BEGIN.test(text)) {
      throw new ImportError('malformed', 'a new card begins before this one ends (END:VCARD is missing)', file, { card: current.card, line });
    }
    size += text.length;
    if (size > MAX_CARD_CHARS) throw new ImportError('too_large', 'the card is too large (over 5 MB)', file, { card: current.card, line: current.line });
    current.lines.push({ line, text });
    if (END.test(text)) {
      yield current;
      current = null;
    }
  }
  if (current) throw new ImportError('malformed', 'the file ends inside a card (END:VCARD is missing: truncated?)', file, { card: current.card, line: current.line });
  if (count === 0) throw new ImportError('empty', 'there is no card in this file', file);
}
