// vCard 2.1 / 3.0 / 4.0 as Apple, Google, Android and Outlook write them → contact drafts.
// Cards are cut from the stream one by one (vcard-cards.ts), 2.1 lines are rewritten into 3.0
// form (vcard-legacy.ts), and ical.js parses each card.
import ICAL from 'ical.js';
import { ImportError } from '../errors.js';
import { cleanDraft, emptyDraft, guessCircle, hasIdentity, notADate, type ContactDraft } from '../contact-draft.js';
import { textLines } from '../text.js';
import { parseBirthday } from './dates.js';
import { foldText } from '#shared/rules/contact-keys.js';
import { fieldWarning, record, skip, type FieldWarning, type Parsed } from './parsed.js';
import { vcardBlocks } from './vcard-cards.js';
import { modernCardText } from './vcard-legacy.js';

/** A jCard property: [name, params, type, ...values]. */
type JProperty = [string, Record<string, unknown>, string, ...unknown[]];

/** Address-book groups that are not the user's own labels. */
const SYSTEM_GROUPS = new Set(['mycontacts']);

const asText = (value: unknown): string => (typeof value === 'string' ? value : Array.isArray(value) ? value.map(asText).join(' ') : value == null ? '' : String(value));

/** Google writes `https\://…`; ical.js leaves URI escapes in place. */
const unescapeUri = (uri: string) => uri.replace(/\\([\\:;,])/g, '$1');

/**
 * The components of N, ORG or ADR. ical.js splits them at unescaped `;` itself and gives a plain
 * string only when there is one component, already unescaped: splitting that again cut
 * `ORG:Smith\; Sons` (one company with a semicolon) into "Smith".
 */
function structured(prop: JProperty): string[] {
  const value = prop[3];
  if (Array.isArray(value)) return value.map(asText);
  return [asText(value)];
}

function paramList(value: unknown): string[] {
  return (Array.isArray(value) ? value : [value]).filter((v) => v != null).map((v) => String(v).toLowerCase());
}

const PHOTO_TYPES: Record<string, string> = { jpeg: 'jpeg', jpg: 'jpeg', png: 'png', gif: 'gif', webp: 'webp' };

/** The image type from the parameters, else from the first bytes of the data. */
function photoType(declared: string[], base64: string): string | null {
  for (const t of declared) {
    const known = PHOTO_TYPES[t.replace(/^image\//, '')];
    if (known) return known;
  }
  if (base64.startsWith('/9j/')) return 'jpeg';
  if (base64.startsWith('iVBOR')) return 'png';
  if (base64.startsWith('R0lG')) return 'gif';
  if (base64.startsWith('UklG')) return 'webp';
  return null;
}

function photoOf(prop: JProperty, warnings: FieldWarning[]): string | null {
  const value = asText(prop[3]).trim();
  if (value.startsWith('data:')) return value.replace(/\s+/g, '');
  if (/^https?:/i.test(value)) {
    warnings.push(fieldWarning('photo_url', {}, 'a photo given as a web address is not downloaded; left out'));
    return null;
  }
  const base64 = value.replace(/\s+/g, '');
  const type = photoType(paramList(prop[1].type), base64);
  if (!type || !base64) return null;
  return `data:image/${type};base64,${base64}`;
}

/** `--08-23`, `1985-04-15`; Apple marks an unknown year with X-APPLE-OMIT-YEAR. */
function birthdayOf(prop: JProperty): string | null {
  const text = asText(prop[3]).trim();
  const omitYear = prop[1]['x-apple-omit-year'];
  if (omitYear && text.startsWith(String(omitYear))) return parseBirthday(`--${text.slice(5, 10)}`);
  return parseBirthday(text);
}

/** A card's properties → a draft (pure; exported for the round-trip tests). */
/** Of several N lines, the one that agrees with FN, else the first; the others are warned about. */
function chooseName<N extends { firstName: string | null; lastName: string | null }>(
  names: N[],
  fn: string | null,
  repeated: (property: string, shown: string) => void,
): Partial<N> {
  if (names.length === 0) return {};
  const full = (n: N) => [n.firstName, n.lastName].filter(Boolean).join(' ');
  const agrees = fn ? names.find((n) => foldText(full(n)) === foldText(fn)) : undefined;
  const chosen = agrees ?? names[0]!;
  for (const other of names) if (other !== chosen) repeated('N', full(other));
  return chosen;
}

export function draftFromJcard(props: JProperty[]): { draft: ContactDraft; warnings: FieldWarning[] } {
  const draft = emptyDraft('vcard', 'personal');
  const warnings: FieldWarning[] = [];
  const notes: string[] = [];
  const names: { firstName: string | null; lastName: string | null }[] = [];
  // FN, N and BDAY say one thing each: a repeat (some address books write one per source they
  // merged) is left out with a warning rather than silently winning.
  const repeated = (property: string, shown: string) =>
    warnings.push(
      fieldWarning('repeated_property', { property, value: shown.slice(0, 40) }, `a second ${property} ("${shown.slice(0, 40)}") is left out; the card's first one is kept`),
    );
  for (const prop of props) {
    const name = prop[0].toLowerCase();
    const value = prop[3];
    switch (name) {
      case 'fn':
        if (draft.displayName === null) draft.displayName = asText(value);
        else repeated('FN', asText(value));
        break;
      case 'n': {
        const [family = '', given = '', additional = ''] = structured(prop);
        names.push({
          lastName: family.trim() || null,
          firstName: [given, additional].map((s) => s.trim()).filter(Boolean).join(' ') || null,
        });
        break;
      }
      case 'email':
        draft.emails.push(asText(value));
        break;
      case 'tel':
        draft.phones.push(asText(value).replace(/^tel:/i, ''));
        break;
      case 'org':
        draft.company ??= structured(prop)[0]?.trim() || null;
        break;
      case 'title':
        draft.title ??= asText(value);
        break;
      case 'url':
      case 'x-socialprofile':
        draft.links.push(unescapeUri(asText(value)));
        break;
      case 'adr': {
        const [, , , locality = '', region = '', , country = ''] = structured(prop);
        draft.location ??= [locality, region, country].map((s) => s.trim()).filter(Boolean).join(', ') || null;
        break;
      }
      case 'bday': {
        const birthday = birthdayOf(prop);
        if (!birthday) warnings.push(notADate('birthday', asText(value)));
        else if (draft.birthday === null) draft.birthday = birthday;
        else repeated('BDAY', birthday);
        break;
      }
      case 'note':
        notes.push(asText(value));
        break;
      case 'photo':
        draft.photo ??= photoOf(prop, warnings);
        break;
      case 'categories':
        // ical.js already splits the values at unescaped commas.
        for (const tag of prop.slice(3).map(asText)) {
          if (!SYSTEM_GROUPS.has(tag.trim().toLowerCase())) draft.tags.push(tag);
        }
        break;
    }
  }
  Object.assign(draft, chooseName(names, draft.displayName, repeated));
  draft.notes = notes.join('\n\n') || null;
  // FN is kept only when it says more than the names do.
  const fromNames = [draft.firstName, draft.lastName].filter(Boolean).join(' ');
  if (draft.displayName && draft.displayName.trim() === fromNames) draft.displayName = null;
  const cleaned = cleanDraft(draft);
  cleaned.draft.circle = guessCircle(cleaned.draft);
  return { draft: cleaned.draft, warnings: [...warnings, ...cleaned.warnings] };
}

/**
 * ical.js reads `N:Smith\\;Ana` (a name ending in a backslash, then the next component) as one
 * escaped semicolon. An escaped backslash is hidden from it behind a noncharacter (never found in
 * text) and put back, unescaped, once parsed.
 */
const BACKSLASH = '\uFDD0';
const restoreBackslashes = (value: unknown): unknown =>
  typeof value === 'string' ? value.replaceAll(BACKSLASH, '\\') : Array.isArray(value) ? value.map(restoreBackslashes) : value;

/** One card's text → its jCard properties (ical.js); throws when it cannot be read. */
export function parseCard(text: string): JProperty[] {
  const parsed = restoreBackslashes(ICAL.parse(text.replaceAll('\\\\', BACKSLASH))) as unknown;
  // One card gives ['vcard', props, []]; ical.js wraps several in a list.
  const card = Array.isArray(parsed) && parsed[0] === 'vcard' ? parsed : Array.isArray(parsed) ? parsed[0] : null;
  if (!Array.isArray(card) || card[0] !== 'vcard' || !Array.isArray(card[1])) throw new Error('not a vCard');
  return card[1] as JProperty[];
}

export async function* parseVcards(text: AsyncIterable<string>, file = 'contacts.vcf'): AsyncGenerator<Parsed<ContactDraft>> {
  for await (const block of vcardBlocks(textLines(text, file), file)) {
    const at = { card: block.card, line: block.line };
    let props: JProperty[];
    try {
      props = parseCard(modernCardText(block.lines));
    } catch (error) {
      // ical.js throws on lines it cannot read: the card (and so the file) is malformed.
      const why = error instanceof Error ? error.message : String(error);
      throw new ImportError('malformed', `this card cannot be read (${why.slice(0, 200)})`, file, at);
    }
    const { draft, warnings } = draftFromJcard(props);
    if (!hasIdentity(draft)) {
      yield skip(at, 'no_name', 'a card with no name, e-mail or phone');
      continue;
    }
    yield record(at, draft, warnings);
  }
}
