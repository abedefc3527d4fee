// How two records of the same person are recognised (docs/domain.md#matching): imports match on these keys, and
// the duplicates finder compares contacts already in the account with the same ones.

const ASCII = /^[\x00-\x7f]*$/;

/** Lower case, no accents, single spaces: how names and companies are compared. */
export function foldText(text: string): string {
  // Plain ASCII has no accents to strip: the same result without Unicode normalisation, which
  // was the biggest piece of matching 30,000 imported rows in the CPU profile.
  if (ASCII.test(text)) return text.toLowerCase().replace(/\s+/g, ' ').trim();
  return text.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Digits, with the leading + of an international number: `+34 612-345 678` → `+34612345678`. */
export function normalisePhone(phone: string): string {
  const trimmed = phone.trim();
  const digits = trimmed.replace(/\D/g, '');
  return trimmed.startsWith('+') || trimmed.startsWith('00') ? `+${digits.replace(/^00/, '')}` : digits;
}

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/** Phone numbers shorter than this are extensions or typos: too weak to match on. */
export const MIN_PHONE_DIGITS = 6;

/** docs/domain.md#contacts: displayName is derived when absent: the names, else the first e-mail. */
export function deriveDisplayName(c: { firstName?: string | null; lastName?: string | null; displayName?: string | null; emails?: string[] }) {
  const fromNames = [c.firstName, c.lastName].filter(Boolean).join(' ');
  return c.displayName || fromNames || c.emails?.[0] || '?';
}

/** A contact's stored matching keys (docs/domain.md#duplicates); the LinkedIn key is stored on its own. */
export interface StoredKey {
  kind: 'email' | 'phone' | 'name' | 'same_name';
  key: string;
}

export interface KeyedContact {
  firstName: string | null;
  lastName: string | null;
  displayName: string;
  company: string | null;
  emails: readonly string[];
  phones: readonly string[];
}

/** '?' and e-mails are what nameless contacts are called (deriveDisplayName), not names. */
const isName = (folded: string) => folded !== '' && folded !== '?' && !folded.includes('@');

/** Separates the name from the company in a `name` key; no folded text holds it. */
export const NAME_COMPANY_SEPARATOR = '\u001f';

/**
 * The keys the duplicates finder joins contacts on, each once: every e-mail (trimmed, lower
 * case), every phone of MIN_PHONE_DIGITS digits or more (normalisePhone), the folded full name
 * and the folded display name each with the folded company (`name`), and the folded full name
 * alone (`same_name`, a weaker hint the finder keeps only when nothing contradicts it).
 */
export function storedKeys(c: KeyedContact): StoredKey[] {
  const keys = new Map<string, StoredKey>();
  const add = (kind: StoredKey['kind'], key: string) => keys.set(`${kind}\u0000${key}`, { kind, key });
  for (const email of c.emails) {
    const key = normaliseEmail(email);
    if (key) add('email', key);
  }
  for (const phone of c.phones) {
    const key = normalisePhone(phone);
    if (key.replace('+', '').length >= MIN_PHONE_DIGITS) add('phone', key);
  }
  const fullName = foldText([c.firstName, c.lastName].filter(Boolean).join(' '));
  const company = foldText(c.company ?? '');
  for (const name of [fullName, foldText(c.displayName)]) if (isName(name)) add('name', `${name}${NAME_COMPANY_SEPARATOR}${company}`);
  if (isName(fullName)) add('same_name', fullName);
  return [...keys.values()];
}
