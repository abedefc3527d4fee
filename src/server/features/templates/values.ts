// The values a template's placeholders are filled with, gathered for one contact (and,
// when given, the favor or invitation the message is about).
import { and, eq, or } from 'drizzle-orm';
import type { CommonPoint } from '#shared/schemas/templates.js';
import type { Language } from '#shared/enums.js';
import { commonPoints } from '#shared/rules/common-points.js';
import { joinList, type Values } from '#shared/rules/templates.js';
import type { Tx } from '../../db/database.js';
import { contacts, favors, users } from '../../db/schema.js';
import { badRequest } from '../../http/problems.js';
import { findContactRow } from '../contacts/queries.js';
import type { UserContext } from '../settings/user-context.js';
import type { ContactRow } from '../contacts/mapping.js';

/** Who connects us: whoever introduced them, and whoever they introduced to me. */
async function mutualContacts(db: Tx, user: UserContext, contact: ContactRow): Promise<string[]> {
  const rows = await db
    .select({ displayName: contacts.displayName })
    .from(contacts)
    .where(
      and(
        eq(contacts.accountId, user.accountId),
        or(contact.introducedById ? eq(contacts.id, contact.introducedById) : undefined, eq(contacts.introducedById, contact.id)),
      ),
    )
    .limit(5);
  return rows.map((r) => r.displayName);
}

export async function commonPointsFor(db: Tx, user: UserContext, contact: ContactRow): Promise<CommonPoint[]> {
  const [profile] = await db.select().from(users).where(eq(users.id, user.userId));
  if (!profile) return [];
  return commonPoints(profile, contact, { mutualContacts: await mutualContacts(db, user, contact) });
}

export interface ValueSources {
  contactId?: string | undefined;
  favorId?: string | undefined;
  eventName?: string | null | undefined;
  outcome?: string | null | undefined;
  targetId?: string | undefined;
  reason?: string | null | undefined;
}

export async function templateValues(db: Tx, user: UserContext, sources: ValueSources, language: Language): Promise<Values> {
  const [me] = await db.select().from(users).where(eq(users.id, user.userId));
  const values: Values = {
    myName: me?.name,
    myFirstName: me?.name.split(/\s+/)[0],
    myPitch: me?.pitchShort,
    myPitchLong: me?.pitchLong,
    myGoals: me?.goals,
    eventName: sources.eventName,
    outcome: sources.outcome,
    reason: sources.reason,
  };
  if (sources.contactId) {
    const contact = await findContactRow(db, user.accountId, sources.contactId);
    if (!contact) throw badRequest('contactId', 'no such contact');
    const introducer = contact.introducedById ? await findContactRow(db, user.accountId, contact.introducedById) : undefined;
    const points = await commonPointsFor(db, user, contact);
    Object.assign(values, {
      firstName: contact.firstName ?? contact.displayName,
      lastName: contact.lastName,
      fullName: contact.displayName,
      company: contact.company,
      title: contact.title,
      howMet: contact.howMet,
      introducedBy: introducer?.displayName,
      commonPoints: joinList(points.slice(0, 3).map((p) => p.value), language),
    });
  }
  if (sources.targetId) {
    const target = await findContactRow(db, user.accountId, sources.targetId);
    if (!target) throw badRequest('targetId', 'no such contact');
    values.target = [target.displayName, [target.title, target.company].filter(Boolean).join(language === 'es' ? ', ' : ', ')].filter(Boolean).join(' — ');
  }
  if (sources.favorId) {
    const [favor] = await db.select().from(favors).where(and(eq(favors.accountId, user.accountId), eq(favors.id, sources.favorId)));
    if (!favor) throw badRequest('favorId', 'no such favor');
    values.favor = favor.description;
    values.outcome ??= favor.outcome;
  }
  return values;
}
