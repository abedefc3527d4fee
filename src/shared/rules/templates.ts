// Template rendering (docs/domain.md#templates): `{{placeholder}}`s are filled from the values given; a
// placeholder with no value stays visible in the text and is listed in `missing`, never silently
// blank. The output is plain text: the UI shows it as text, so a value cannot inject markup.

export const PLACEHOLDERS = [
  'firstName',
  'lastName',
  'fullName',
  'company',
  'title',
  'commonPoints',
  'introducedBy',
  'howMet',
  'eventName',
  'favor',
  'outcome',
  'target',
  'reason',
  'myName',
  'myFirstName',
  'myPitch',
  'myPitchLong',
  'myGoals',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PATTERN = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

export interface Rendered {
  subject: string;
  body: string;
  /** Known placeholders that had no value (left as `{{name}}` in the text). */
  missing: string[];
  /** Placeholders this app does not know (probably a typo), also left in the text. */
  unknown: string[];
}

export type Values = Partial<Record<Placeholder, string | null | undefined>>;

function fill(text: string, values: Values, missing: Set<string>, unknown: Set<string>): string {
  return text.replace(PATTERN, (whole, name: string) => {
    if (!(PLACEHOLDERS as readonly string[]).includes(name)) {
      unknown.add(name);
      return whole;
    }
    const value = values[name as Placeholder]?.trim();
    if (!value) {
      missing.add(name);
      return `{{${name}}}`;
    }
    return value;
  });
}

export function renderTemplate(template: { subject: string | null; body: string }, values: Values): Rendered {
  const missing = new Set<string>();
  const unknown = new Set<string>();
  const subject = fill(template.subject ?? '', values, missing, unknown);
  const body = fill(template.body, values, missing, unknown);
  return { subject, body, missing: [...missing], unknown: [...unknown] };
}

/** Splits rendered text into plain parts and left-over placeholders, for highlighting. */
export function placeholderSegments(text: string): { text: string; placeholder: boolean }[] {
  const segments: { text: string; placeholder: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(PATTERN)) {
    if (match.index > last) segments.push({ text: text.slice(last, match.index), placeholder: false });
    segments.push({ text: match[0], placeholder: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) segments.push({ text: text.slice(last), placeholder: false });
  return segments;
}

/** "the Universidad de Valparaíso, PyData Madrid and climbing" — a readable list in the language. */
export function joinList(items: string[], language: 'es' | 'en'): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'es' ? ' y ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items.at(-1)}`;
}
