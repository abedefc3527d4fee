// vCard 2.1 (still written by Android and Outlook) differs from 3.0/4.0 in ways ical.js does not
// read: bare parameters (`TEL;CELL:`), QUOTED-PRINTABLE values in any CHARSET whose soft line
// breaks (`=` at the end of a line) continue on the next line without indentation, and
// `ENCODING=BASE64`. This small pre-pass rewrites such lines into 3.0 form and leaves every
// other line exactly as it was, so ical.js does the real parsing.
import { isUtf8 } from 'node:buffer';
import iconv from 'iconv-lite';

export interface LogicalLine {
  line: number;
  text: string;
}

interface SplitLine {
  name: string;
  params: string[];
  value: string;
}

/** `item1.TEL;TYPE="a,b":tel:+1` → name, params, value (colons inside quotes do not split). */
export function splitProperty(text: string): SplitLine | null {
  let quoted = false;
  const params: string[] = [];
  let start = 0;
  let name: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === ';' || c === ':')) {
      const piece = text.slice(start, i);
      if (name === null) name = piece;
      else params.push(piece);
      start = i + 1;
      if (c === ':') return { name, params, value: text.slice(i + 1) };
    }
  }
  return null;
}

const isQuotedPrintable = (params: string[]) => params.some((p) => /^(encoding=)?quoted-printable$/i.test(p.trim()));

/**
 * Joins folded lines (a line starting with a space or tab continues the previous one) and the
 * soft line breaks of QUOTED-PRINTABLE values.
 */
export function unfold(lines: LogicalLine[]): LogicalLine[] {
  const out: LogicalLine[] = [];
  for (const { line, text } of lines) {
    const last = out[out.length - 1];
    // A soft break first: its next line is the value's own text, a leading space included
    // (a raw `=` cannot end a quoted-printable value otherwise: `=` itself is written `=3D`).
    if (last && last.text.endsWith('=') && isQuotedPrintable(splitProperty(last.text)?.params ?? [])) {
      last.text = last.text.slice(0, -1) + text;
      continue;
    }
    if (last && /^[ \t]/.test(text)) {
      last.text += text.slice(1);
      continue;
    }
    // A blank line ends a 2.1 BASE64 value; it carries nothing.
    if (text.trim() === '') continue;
    out.push({ line, text });
  }
  return out;
}

/**
 * Decodes `=C3=B1` bytes (soft breaks already joined) in the given charset. With none given, the
 * bytes are UTF-8 when they read as UTF-8, else Windows-1252: what old 2.1 exports (Outlook, older
 * phones) meant by bytes without a CHARSET.
 */
export function decodeQuotedPrintable(value: string, charset: string | null): string {
  const bytes: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    const hex = value.slice(i + 1, i + 3);
    if (c === '=' && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      for (const b of Buffer.from(c, 'utf8')) bytes.push(b);
    }
  }
  const buffer = Buffer.from(bytes);
  if (charset === null) return isUtf8(buffer) ? buffer.toString('utf8') : iconv.decode(buffer, 'windows-1252');
  const encoding = iconv.encodingExists(charset) ? charset : 'utf-8';
  return iconv.decode(buffer, encoding);
}

/** Escapes what a decoded value may now contain but a vCard line cannot: line breaks. */
const escapeBreaks = (text: string) => text.replace(/\r\n|\r|\n/g, '\\n');

function needsRewrite(params: string[]): boolean {
  return params.some((p) => !p.includes('=') || /^(encoding|charset)=/i.test(p.trim()));
}

/** One logical line in 3.0 form. */
export function modernise(text: string): string {
  const parsed = splitProperty(text);
  if (!parsed || !needsRewrite(parsed.params)) return text;
  let charset: string | null = null;
  let encoding: 'qp' | 'b' | null = null;
  const kept: string[] = [];
  for (const raw of parsed.params) {
    const param = raw.trim();
    const eq = param.indexOf('=');
    const key = eq === -1 ? '' : param.slice(0, eq).toLowerCase();
    const value = eq === -1 ? param : param.slice(eq + 1);
    if (key === 'charset') charset = value.replace(/"/g, '');
    else if ((key === 'encoding' || key === '') && /^quoted-printable$/i.test(value)) encoding = 'qp';
    else if ((key === 'encoding' || key === '') && /^(base64|b)$/i.test(value)) encoding = 'b';
    else if ((key === 'encoding' || key === '') && /^(7bit|8bit)$/i.test(value)) continue;
    else if (key === '') kept.push(`TYPE=${value}`);
    else kept.push(param);
  }
  let value = parsed.value;
  if (encoding === 'qp') value = escapeBreaks(decodeQuotedPrintable(value, charset));
  if (encoding === 'b') {
    kept.push('ENCODING=b');
    value = value.replace(/\s+/g, '');
  }
  return [parsed.name, ...kept].join(';') + ':' + value;
}

/** The card's lines as ical.js can read them. */
export function modernCardText(lines: LogicalLine[]): string {
  return unfold(lines.map((l) => ({ ...l })))
    .map((l) => modernise(l.text))
    .join('\r\n');
}
