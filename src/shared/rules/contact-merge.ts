// Merging two records of the same person (SPEC §5: "a merge screen that keeps everything from
// both"). The kept contact's values win; its empty fields are filled from the other; lists are
// unions; both notes stay. Pure, so the web previews exactly what the server will write.
import type { Circle, ContactKind, ContactSource, Stage } from '../enums.js';
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

function union(first: string[], second: string[], identity: (s: string) => string): string[] {
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

const earlier = (a: string | null, b: string | null) => (!a ? b : !b ? a : a <= b ? a : b);

/** The contact `kept` becomes once `other` is merged into it (ids stay `kept`'s). */
export function mergeContacts(kept: MergeableContact, other: MergeableContact): MergeableContact {
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
  return merged;
}
