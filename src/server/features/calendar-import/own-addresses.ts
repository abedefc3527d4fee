// The user's own e-mail addresses, as a calendar names them: the organiser of their meetings and
// an attendee of the others. Recognised so the user never becomes a contact, a "person you met"
// or the other side of a touch (docs/domain.md#calendar-import): the login e-mail and the
// profile's other addresses (a work calendar is often under another address than the login).
import { and, eq } from 'drizzle-orm';
import { normaliseEmail } from '#shared/rules/contact-keys.js';
import type { Tx } from '../../db/database.js';
import { users } from '../../db/schema.js';

export async function ownAddresses(tx: Tx, accountId: string, userId: string): Promise<Set<string>> {
  const [me] = await tx.select({ email: users.email, others: users.otherEmails }).from(users).where(and(eq(users.accountId, accountId), eq(users.id, userId)));
  return new Set(me ? [me.email, ...me.others].map(normaliseEmail) : []);
}
