// An import's merge rule (docs/domain.md#imports-and-exports, "merging without erasing"), not the
// merge of two duplicates (contacts/merge-duplicates.ts, rules/merge-two-contacts.ts).
// What an import may do to a contact that already exists: fill the fields that are empty and
// add e-mails, phones, links and tags it did not have, never overwrite what is there (the user
// may have typed it). Pure: the caller loads and writes rows.
import { linkedinKey, linkedinKeyOf } from '#shared/rules/linkedin.js';
import { deriveDisplayName } from '../contacts/mapping.js';
import { LIST_LIMITS, normaliseEmail, normalisePhone, type ContactDraft } from './contact-draft.js';

/** The columns an import reads and writes. */
export interface MergeFields {
  firstName: string | null;
  lastName: string | null;
  displayName: string;
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
  linkedinKey: string | null;
}

const SCALARS = ['firstName', 'lastName', 'company', 'title', 'location', 'birthday', 'photo', 'notes', 'metOn'] as const;

const linkIdentity = (link: string) => linkedinKey(link) ?? link.replace(/\/+$/, '').toLowerCase();

/** `current` plus the items of `incoming` it lacks (same identity), up to `max` items. */
function union(current: string[], incoming: string[], identity: (s: string) => string, max: number): string[] {
  const seen = new Set(current.map(identity));
  const out = [...current];
  for (const item of incoming) {
    if (out.length >= max) break;
    const id = identity(item);
    if (seen.has(id)) continue;
    seen.add(id);
    out.push(item);
  }
  return out;
}

/** The name to show for a new contact: the file's, else the names, e-mail or phone. */
function displayNameFor(fields: Omit<MergeFields, 'displayName'>, typed: string | null): string {
  if (typed) return typed;
  const derived = deriveDisplayName({ ...fields, displayName: null });
  return derived === '?' && fields.phones[0] ? fields.phones[0] : derived;
}

export function fieldsFromDraft(draft: ContactDraft): MergeFields {
  const fields = {
    firstName: draft.firstName,
    lastName: draft.lastName,
    emails: [...draft.emails],
    phones: [...draft.phones],
    links: [...draft.links],
    company: draft.company,
    title: draft.title,
    location: draft.location,
    birthday: draft.birthday,
    photo: draft.photo,
    notes: draft.notes,
    tags: [...draft.tags],
    metOn: draft.metOn,
    linkedinKey: linkedinKeyOf(draft.links),
  };
  return { ...fields, displayName: displayNameFor(fields, draft.displayName) };
}

/** The merged contact, or null when the draft brings nothing new. */
export function mergeDraft(current: MergeFields, draft: ContactDraft): MergeFields | null {
  const next: MergeFields = { ...current };
  for (const key of SCALARS) {
    if (!current[key] && draft[key]) next[key] = draft[key];
  }
  next.emails = union(current.emails, draft.emails, normaliseEmail, LIST_LIMITS.emails);
  next.phones = union(current.phones, draft.phones, normalisePhone, LIST_LIMITS.phones);
  next.links = union(current.links, draft.links, linkIdentity, LIST_LIMITS.links);
  next.tags = union(current.tags, draft.tags, (t) => t.toLowerCase(), LIST_LIMITS.tags);
  next.linkedinKey = current.linkedinKey ?? linkedinKeyOf(next.links);
  // A name nobody typed (derived from the names or the e-mail) follows the names; one typed stays.
  const wasDerived = current.displayName === displayNameFor({ ...current }, null);
  if (wasDerived) next.displayName = displayNameFor(next, current.firstName || current.lastName ? null : draft.displayName);
  const changed =
    SCALARS.some((k) => next[k] !== current[k]) ||
    next.displayName !== current.displayName ||
    next.linkedinKey !== current.linkedinKey ||
    next.emails.length !== current.emails.length ||
    next.phones.length !== current.phones.length ||
    next.links.length !== current.links.length ||
    next.tags.length !== current.tags.length;
  return changed ? next : null;
}
