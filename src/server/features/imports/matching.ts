// Who in the account is this? docs/domain.md#matching fixes the order: LinkedIn profile URL, then e-mail
// (case-insensitive), then phone (digits and a leading +), then name + company (accents and case
// ignored). The account's contacts are indexed by those keys once per import (a few MB for the
// heavy user's 30,000), and every contact the import creates joins the index, so a file that
// names someone twice creates them once.
import { linkedinKey } from '#shared/rules/linkedin.js';
import { profileKey } from './owner.js';
import { MIN_PHONE_DIGITS, foldText, normaliseEmail, normalisePhone } from '#shared/rules/contact-keys.js';

/** What matching needs to know about a contact. */
export interface MatchFields {
  firstName: string | null;
  lastName: string | null;
  displayName: string | null;
  company: string | null;
  emails: readonly string[];
  phones: readonly string[];
  links?: readonly string[];
  linkedinKey?: string | null;
}

/** A contact as the import sees it: known by id, its row loaded only while a batch merges. */
export interface ContactHandle {
  id: string;
  /** Created by this import (inserted, or waiting in the current batch). */
  createdHere: boolean;
  /** Not yet inserted: the row goes out with the next batch. */
  pendingInsert: boolean;
  linkedinKey: string | null;
}

export function linkedinKeysOf(c: MatchFields): string[] {
  const keys = (c.links ?? []).map(linkedinKey).filter((k): k is string => Boolean(k));
  if (c.linkedinKey) keys.unshift(c.linkedinKey);
  return [...new Set(keys)];
}

export function fullNameOf(c: Pick<MatchFields, 'firstName' | 'lastName'>): string {
  return foldText([c.firstName, c.lastName].filter(Boolean).join(' '));
}

function nameKeys(c: MatchFields): string[] {
  const names = new Set([fullNameOf(c), foldText(c.displayName ?? '')].filter(Boolean));
  const company = foldText(c.company ?? '');
  return [...names].map((name) => `n:${name}|${company}`);
}

/** Keys in the order they are tried. */
export function matchKeys(c: MatchFields): { linkedin: string[]; email: string[]; phone: string[]; name: string[] } {
  return {
    linkedin: linkedinKeysOf(c).map((k) => `l:${k}`),
    email: c.emails.map((e) => `e:${normaliseEmail(e)}`),
    phone: c.phones
      .map(normalisePhone)
      .filter((p) => p.replace('+', '').length >= MIN_PHONE_DIGITS)
      .map((p) => `p:${p}`),
    name: nameKeys(c),
  };
}

export class ContactIndex {
  private readonly byKey = new Map<string, ContactHandle>();
  /** Full name → the one contact with it, or null when several share it. */
  private readonly byName = new Map<string, ContactHandle | null>();

  get size() {
    return this.byKey.size;
  }

  /** Registers every key of `fields` for the handle; a key already taken keeps its contact. */
  add(handle: ContactHandle, fields: MatchFields) {
    const keys = matchKeys(fields);
    for (const key of [...keys.linkedin, ...keys.email, ...keys.phone, ...keys.name]) {
      if (!this.byKey.has(key)) this.byKey.set(key, handle);
    }
    const name = fullNameOf(fields) || foldText(fields.displayName ?? '');
    if (name) {
      const known = this.byName.get(name);
      this.byName.set(name, known === undefined || known === handle ? handle : null);
    }
  }

  /** The contact a draft describes, or null for someone new. */
  match(fields: MatchFields): ContactHandle | null {
    const keys = matchKeys(fields);
    for (const key of [...keys.linkedin, ...keys.email, ...keys.phone]) {
      const found = this.byKey.get(key);
      if (found) return found;
    }
    const ownKeys = linkedinKeysOf(fields);
    for (const key of keys.name) {
      const found = this.byKey.get(key);
      // Two profiles with different LinkedIn URLs are two people, whatever their names.
      if (found && !(found.linkedinKey && ownKeys.length > 0 && !ownKeys.includes(found.linkedinKey))) return found;
    }
    return null;
  }

  /** The contact with this e-mail address among any of theirs (case ignored), or null. */
  findByEmail(email: string): ContactHandle | null {
    return this.byKey.get(`e:${normaliseEmail(email)}`) ?? null;
  }

  /**
   * Someone a LinkedIn file names by profile URL, or only by name (older exports): the name must
   * belong to exactly one contact.
   */
  findPerson(url: string | null, name: string): ContactHandle | null {
    const key = url ? profileKey(url) : null;
    if (key) return this.byKey.get(`l:${key}`) ?? null;
    return this.byName.get(foldText(name)) ?? null;
  }
}
