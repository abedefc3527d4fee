// A contact as an import file describes it, before it is matched and merged: every parser
// produces these, and `cleanDraft` holds them to the same limits as the API's ContactCreate, so
// nothing an import writes could not have been typed in.
import { z } from 'zod';
import type { Circle, ContactSource } from '#shared/enums.js';
import { Birthday, isSafeLink } from '#shared/schemas/contacts.js';
import type { WarnedField } from '#shared/schemas/imports.js';
import { fieldWarning, type FieldWarning } from './parsers/parsed.js';

export interface ContactDraft {
  firstName: string | null;
  lastName: string | null;
  /** Only when the file names the person differently from first + last (vCard FN). */
  displayName: string | null;
  emails: string[];
  phones: string[];
  links: string[];
  company: string | null;
  title: string | null;
  location: string | null;
  birthday: string | null;
  photo: string | null;
  notes: string | null;
  tags: string[];
  metOn: string | null;
  /** For a new contact only: an existing contact keeps its circle and source. */
  circle: Circle;
  source: ContactSource;
}

export function emptyDraft(source: ContactSource, circle: Circle = 'professional'): ContactDraft {
  return {
    firstName: null,
    lastName: null,
    displayName: null,
    emails: [],
    phones: [],
    links: [],
    company: null,
    title: null,
    location: null,
    birthday: null,
    photo: null,
    notes: null,
    tags: [],
    metOn: null,
    circle,
    source,
  };
}

// The keys live in the shared rules so the duplicates finder and the web compare alike.
import { foldText, normaliseEmail, normalisePhone } from '#shared/rules/contact-keys.js';

export { foldText, normaliseEmail, normalisePhone };

const EmailSchema = z.email();
const PHOTO = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/;

// The same limits as ContactCreate (src/shared/schemas/contacts.ts).
const LIMITS = { name: 120, displayName: 250, text: 200, notes: 20_000, email: 254, phone: 40, link: 500, tag: 60, photo: 1_000_000 };
export const LIST_LIMITS = { emails: 20, phones: 20, links: 20, tags: 50 };

/** The fields a warning names, in the English of `warnings` (the web app translates the key). */
const FIELD_LABELS = {
  firstName: 'first name',
  lastName: 'last name',
  displayName: 'name',
  company: 'company',
  title: 'title',
  location: 'location',
  notes: 'notes',
  emails: 'e-mails',
  phones: 'phones',
  links: 'links',
  tags: 'tags',
} as const satisfies Partial<Record<WarnedField, string>>;
type LabelledField = keyof typeof FIELD_LABELS;

function cleanText(value: string | null, max: number, field: LabelledField, warnings: FieldWarning[]): string | null {
  const trimmed = value?.replace(/\r\n?/g, '\n').trim() ?? '';
  if (!trimmed) return null;
  if (trimmed.length <= max) return trimmed;
  warnings.push(fieldWarning('text_cut', { field, max }, `${FIELD_LABELS[field]} cut to ${max} characters`));
  return trimmed.slice(0, max);
}

/** A link as typed: `www.x.com` gains its https://; only the schemes a contact's link may have (ContactLink). */
function cleanLink(link: string): string | null {
  const trimmed = link.trim();
  if (!trimmed) return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  return isSafeLink(withScheme) && withScheme.length <= LIMITS.link ? withScheme : null;
}

function uniqueBy(list: string[], key: (s: string) => string): string[] {
  const seen = new Set<string>();
  return list.filter((item) => {
    const k = key(item);
    if (!k || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function capList(list: string[], max: number, field: LabelledField, warnings: FieldWarning[]) {
  if (list.length <= max) return list;
  warnings.push(fieldWarning('list_cut', { field, max }, `only the first ${max} ${FIELD_LABELS[field]} kept`));
  return list.slice(0, max);
}

/** Trims, validates and deduplicates; what cannot be kept is named in `warnings`. */
export function cleanDraft(draft: ContactDraft): { draft: ContactDraft; warnings: FieldWarning[] } {
  const warnings: FieldWarning[] = [];
  const emails = uniqueBy(
    draft.emails.map((e) => e.trim()).filter(Boolean).filter((e) => {
      const ok = e.length <= LIMITS.email && EmailSchema.safeParse(e).success;
      if (!ok) warnings.push(fieldWarning('bad_email', { value: e.slice(0, 80) }, `"${e.slice(0, 80)}" is not an e-mail address; left out`));
      return ok;
    }),
    normaliseEmail,
  );
  const phones = uniqueBy(
    draft.phones.map((p) => p.trim()).filter((p) => {
      if (!p) return false;
      const ok = p.length <= LIMITS.phone && /\d/.test(p);
      if (!ok) warnings.push(fieldWarning('bad_phone', { value: p.slice(0, 80) }, `"${p.slice(0, 80)}" is not a phone number; left out`));
      return ok;
    }),
    normalisePhone,
  );
  const links = uniqueBy(
    draft.links.flatMap((l) => {
      if (!l.trim()) return [];
      const cleaned = cleanLink(l);
      if (!cleaned) {
        warnings.push(fieldWarning('bad_link', { value: l.slice(0, 80) }, `"${l.slice(0, 80)}" is not a web address (http, https, mailto or tel); left out`));
      }
      return cleaned ? [cleaned] : [];
    }),
    (l) => l.replace(/\/+$/, '').toLowerCase(),
  );
  const tags = uniqueBy(draft.tags.map((t) => t.trim().slice(0, LIMITS.tag)).filter(Boolean), (t) => t.toLowerCase());
  let birthday: string | null = null;
  if (draft.birthday) {
    const parsed = Birthday.safeParse(draft.birthday);
    if (parsed.success) birthday = parsed.data;
    else warnings.push(notADate('birthday', draft.birthday));
  }
  let photo: string | null = null;
  if (draft.photo) {
    if (PHOTO.test(draft.photo) && draft.photo.length <= LIMITS.photo) photo = draft.photo;
    else warnings.push(fieldWarning('bad_photo', {}, 'photo left out (only PNG, JPEG, GIF or WebP under ~700 KB)'));
  }
  const cleaned: ContactDraft = {
    ...draft,
    firstName: cleanText(draft.firstName, LIMITS.name, 'firstName', warnings),
    lastName: cleanText(draft.lastName, LIMITS.name, 'lastName', warnings),
    displayName: cleanText(draft.displayName, LIMITS.displayName, 'displayName', warnings),
    company: cleanText(draft.company, LIMITS.text, 'company', warnings),
    title: cleanText(draft.title, LIMITS.text, 'title', warnings),
    location: cleanText(draft.location, LIMITS.text, 'location', warnings),
    notes: cleanText(draft.notes, LIMITS.notes, 'notes', warnings),
    emails: capList(emails, LIST_LIMITS.emails, 'emails', warnings),
    phones: capList(phones, LIST_LIMITS.phones, 'phones', warnings),
    links: capList(links, LIST_LIMITS.links, 'links', warnings),
    tags: capList(tags, LIST_LIMITS.tags, 'tags', warnings),
    birthday,
    photo,
    metOn: draft.metOn && /^\d{4}-\d{2}-\d{2}$/.test(draft.metOn) ? draft.metOn : null,
  };
  return { draft: cleaned, warnings };
}

/** A draft with nothing to call the person by cannot become a contact. */
/** A date the file gave that is not one: `field` is birthday, metOn or connectedOn. */
export function notADate(field: Extract<WarnedField, 'birthday' | 'metOn' | 'connectedOn'>, value: string): FieldWarning {
  const shown = value.slice(0, 30);
  const english = { birthday: `birthday "${shown}" is not a date; left out`, metOn: `"${shown}" is not a date; the date you met is left empty`, connectedOn: `"${shown}" is not a date; the connection date is left empty` };
  return fieldWarning('not_a_date', { field, value: shown }, english[field]);
}

export function hasIdentity(draft: ContactDraft): boolean {
  return Boolean(draft.firstName || draft.lastName || draft.displayName || draft.emails.length || draft.phones.length);
}

/**
 * Address books mix everyone: someone with a company or a title is taken as professional,
 * anyone else as personal. The user moves them later; LinkedIn contacts are always professional.
 */
export function guessCircle(draft: ContactDraft): Circle {
  return draft.company || draft.title ? 'professional' : 'personal';
}
