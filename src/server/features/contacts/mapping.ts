import type { Contact, ContactCreate, ContactPatch, ContactSummary } from '#shared/schemas/contacts.js';
import { keepInTouchDueOn } from '#shared/rules/cadence.js';
import { linkedinKeyOf } from '#shared/rules/linkedin.js';
import type { TieStrength } from '#shared/schemas/relationships.js';
import type { AskStats } from '#shared/rules/ask-only.js';
import { withoutUndefined } from '../../db/patch.js';
import { contacts } from '../../db/schema.js';
import type { UserContext } from '../settings/user-context.js';

export type ContactRow = typeof contacts.$inferSelect;

/**
 * The columns a list row needs (toSummary and its keep-in-touch date), for a select of them:
 * PGlite decodes every value of a result on its own, so a page of 50 whole rows (36 columns, the
 * notes and search text among them) cost several times the query itself.
 */
export const summaryColumns = {
  id: contacts.id,
  displayName: contacts.displayName,
  firstName: contacts.firstName,
  lastName: contacts.lastName,
  company: contacts.company,
  title: contacts.title,
  circle: contacts.circle,
  kind: contacts.kind,
  stage: contacts.stage,
  tags: contacts.tags,
  lastInteractionAt: contacts.lastInteractionAt,
  keepInTouchDueOn: contacts.keepInTouchDueOn,
  metOn: contacts.metOn,
  createdAt: contacts.createdAt,
  cadenceDays: contacts.cadenceDays,
};
export type SummaryRow = Pick<ContactRow, keyof typeof summaryColumns>;
type ContactInsert = typeof contacts.$inferInsert;

export { deriveDisplayName } from '#shared/rules/contact-keys.js';

/**
 * Turns validated input into column values; only the fields present are touched on a patch. The
 * display name is left to the caller, which derives it when none is typed (deriveDisplayName).
 */
export function toColumns(input: ContactCreate | ContactPatch): Omit<Partial<ContactInsert>, 'displayName'> {
  const { displayName: _decidedByTheCaller, ...fields } = input;
  const columns: Omit<Partial<ContactInsert>, 'displayName'> = withoutUndefined(fields);
  if (input.links !== undefined) columns.linkedinKey = linkedinKeyOf(input.links as string[]);
  return columns;
}

/**
 * The stored keep-in-touch date (features/contacts/derived.ts). A contact written around the app
 * (a raw insert, before its refresh) has none yet: the rule gives the same date then.
 */
function dueOn(row: SummaryRow, user: UserContext): string {
  return (
    row.keepInTouchDueOn ??
    keepInTouchDueOn(
      { lastInteractionAt: row.lastInteractionAt, metOn: row.metOn, createdAt: row.createdAt, cadenceDays: row.cadenceDays, circle: row.circle },
      user.cadences,
      user.timeZone,
    )
  );
}

export function toSummary(row: SummaryRow, user: UserContext): ContactSummary {
  return {
    id: row.id,
    displayName: row.displayName,
    firstName: row.firstName,
    lastName: row.lastName,
    company: row.company,
    title: row.title,
    circle: row.circle,
    kind: row.kind,
    stage: row.stage,
    tags: row.tags,
    lastInteractionAt: row.lastInteractionAt?.toISOString() ?? null,
    keepInTouchDueOn: dueOn(row, user),
  };
}

export function toContact(
  row: ContactRow,
  user: UserContext,
  extra: {
    introducedBy: { id: string; displayName: string } | null;
    ask: AskStats;
    reciprocity: { given: number; received: number };
    strength: TieStrength;
  },
): Contact {
  return {
    ...toSummary(row, user),
    emails: row.emails,
    phones: row.phones,
    location: row.location,
    links: row.links,
    birthday: row.birthday,
    photo: row.photo,
    notes: row.notes,
    interests: row.interests,
    communities: row.communities,
    schools: row.schools,
    pastCompanies: row.pastCompanies,
    howMet: row.howMet,
    metOn: row.metOn,
    metAtEventId: row.metAtEventId,
    introducedById: row.introducedById,
    introducedBy: extra.introducedBy,
    cadenceDays: row.cadenceDays,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    askShare: extra.ask.askShare,
    askOnly: extra.ask.askOnly,
    reciprocity: extra.reciprocity,
    strength: extra.strength,
  };
}
