// How two records of the same person are recognised (docs/domain.md#matching): imports match on these keys, and
// the duplicates finder compares contacts already in the account with the same ones.

/** Lower case, no accents, single spaces: how names and companies are compared. */
export function foldText(text: string): string {
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
