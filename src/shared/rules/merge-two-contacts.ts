// Merging two records of the same person (docs/domain.md#duplicates-and-merging: "a merge screen that keeps everything from
// both"). The kept contact's values win; its empty fields are filled from the other; lists are
// unions; both notes stay. Pure, so the web previews exactly what the server will write.
import type { Circle, ContactKind, ContactSource, Language, Stage } from '../enums.js';
import { deriveDisplayName, foldText, normaliseEmail, normalisePhone } from './contact-keys.js';
import { linkedinKey } from './linkedin.js';
import { stageRank } from './stage.js';

export interface MergeableContact {
  id: string;
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  emails: string[];
  phones: string[];
  company: string | null;
  title: string | null;
  location: string | null;
  links: string[];
  birthday: string | null;
  photo: string | null;
  notes: string | null;
  circle: Circle;
  kind: ContactKind | null;
  tags: string[];
  interests: string[];
  communities: string[];
  schools: string[];
  pastCompanies: string[];
  howMet: string | null;
  metOn: string | null;
  metAtEventId: string | null;
  introducedById: string | null;
  stage: Stage;
  cadenceDays: number | null;
  source: ContactSource;
  createdAt: string;
}

/** Fields filled from the other contact only when the kept one has none. */
export const FILLED_FIELDS = [
  'firstName',
  'lastName',
  'company',
  'title',
  'location',
  'birthday',
  'photo',
  'kind',
  'howMet',
  'metAtEventId',
  'cadenceDays',
] as const;

/** List fields: the union of both, each item once (compared as the key functions say). */
export const LIST_FIELDS = {
  emails: normaliseEmail,
  phones: normalisePhone,
  links: (link: string) => linkedinKey(link) ?? link.trim().replace(/\/+$/, '').toLowerCase(),
  tags: foldText,
  interests: foldText,
  communities: foldText,
  schools: foldText,
  pastCompanies: foldText,
} as const satisfies Partial<Record<keyof MergeableContact, (s: string) => string>>;

/** `first`'s items, then those of `second` it lacks (the same once `identity` is applied), each once. */
export function union(first: readonly string[], second: readonly string[], identity: (s: string) => string = (s) => s): string[] {
  const seen = new Set<string>();
  return [...first, ...second].filter((item) => {
    const key = identity(item);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Both notes, the kept one's first; one that already contains the other is enough. */
export function mergeNotes(kept: string | null, other: string | null): string | null {
  const a = kept?.trim() || null;
  const b = other?.trim() || null;
  if (!a || !b) return a ?? b;
  if (a.includes(b)) return a;
  if (b.includes(a)) return b;
  return `${a}\n\n${b}`;
}

/** One-valued text fields where the other contact may say something else: kept in the notes. */
export const LEFTOVER_FIELDS = ['displayName', 'company', 'title', 'location', 'birthday', 'howMet'] as const;
export type LeftoverField = (typeof LEFTOVER_FIELDS)[number];

const LEFTOVER_LABELS: Record<Language, { intro: string } & Record<LeftoverField, string>> = {
  en: { intro: 'Also, from the merged record', displayName: 'Name', company: 'Company', title: 'Job title', location: 'Location', birthday: 'Birthday', howMet: 'How you met' },
  es: { intro: 'Además, del contacto fusionado', displayName: 'Nombre', company: 'Empresa', title: 'Cargo', location: 'Ubicación', birthday: 'Cumpleaños', howMet: 'Cómo os conocisteis' },
};

/** The other contact's values that the merged one does not hold (a different company, title…). */
export function leftovers(merged: MergeableContact, other: MergeableContact): { field: LeftoverField; value: string }[] {
  return LEFTOVER_FIELDS.flatMap((field) => {
    const value = other[field]?.trim();
    const held = merged[field];
    if (!value || (held && foldText(held).includes(foldText(value)))) return [];
    // '?' and an e-mail are what a nameless contact is called, not a name.
    if (field === 'displayName' && (value === '?' || merged.emails.some((e) => normaliseEmail(e) === normaliseEmail(value)))) return [];
    return [{ field, value }];
  });
}

/** `Also, from the merged record: Company: Other; Job title: CTO.` */
export function leftoverNote(language: Language, items: { field: LeftoverField; value: string }[]): string | null {
  if (items.length === 0) return null;
  const labels = LEFTOVER_LABELS[language];
  return `${labels.intro}: ${items.map(({ field, value }) => `${labels[field]}: ${value}`).join('; ')}.`;
}

const earlier = (a: string | null, b: string | null) => (!a ? b : !b ? a : a <= b ? a : b);

/**
 * The contact `kept` becomes once `other` is merged into it (ids stay `kept`'s). With a language,
 * the other's values that one-valued fields cannot hold are written at the end of the notes.
 */
export function mergeContacts(kept: MergeableContact, other: MergeableContact, language?: Language): MergeableContact {
  const merged: MergeableContact = { ...kept };
  for (const field of FILLED_FIELDS) {
    if (merged[field] === null || merged[field] === '') (merged as unknown as Record<string, unknown>)[field] = other[field];
  }
  for (const [field, identity] of Object.entries(LIST_FIELDS) as [keyof typeof LIST_FIELDS, (s: string) => string][]) {
    merged[field] = union(kept[field], other[field], identity);
  }
  merged.notes = mergeNotes(kept.notes, other.notes);
  // The relationship is as far along as either record says, and known since the earliest.
  merged.stage = stageRank(other.stage) > stageRank(kept.stage) ? other.stage : kept.stage;
  merged.metOn = earlier(kept.metOn, other.metOn);
  merged.createdAt = kept.createdAt <= other.createdAt ? kept.createdAt : other.createdAt;
  // Neither may end up introduced by themselves.
  const introducer = kept.introducedById && kept.introducedById !== other.id ? kept.introducedById : other.introducedById;
  merged.introducedById = introducer && introducer !== kept.id && introducer !== other.id ? introducer : null;
  // A name nobody typed follows the (now maybe completed) names; a typed one stays.
  const wasDerived = kept.displayName === deriveDisplayName({ ...kept, displayName: null });
  if (wasDerived) merged.displayName = deriveDisplayName({ ...merged, displayName: null });
  if (language) merged.notes = mergeNotes(merged.notes, leftoverNote(language, leftovers(merged, other)));
  return merged;
}
