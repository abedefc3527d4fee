// The contact form's own shape (strings for inputs, at least one row per list) and the
// conversions to and from the API's Contact / ContactCreate.
import type { Circle, ContactKind, Stage } from '@shared/enums.js';
import { ContactCreate, type Contact, type ContactRef } from '@shared/schemas/index.js';

export interface ContactFormValues {
  firstName: string;
  lastName: string;
  displayName: string;
  emails: string[];
  phones: string[];
  links: string[];
  company: string;
  title: string;
  location: string;
  birthday: string;
  notes: string;
  circle: Circle;
  kind: ContactKind | null;
  stage: Stage;
  cadenceDays: number | '';
  tags: string[];
  interests: string[];
  communities: string[];
  schools: string[];
  pastCompanies: string[];
  howMet: string;
  metOn: string;
  introducedBy: ContactRef | null;
}

export const contactFormFields = [
  'firstName', 'lastName', 'displayName', 'emails', 'phones', 'links', 'company', 'title', 'location',
  'birthday', 'notes', 'circle', 'kind', 'stage', 'cadenceDays', 'tags', 'interests', 'communities', 'schools', 'pastCompanies',
  'howMet', 'metOn', 'introducedBy',
] as const satisfies readonly (keyof ContactFormValues)[];

export function toFormValues(contact?: Contact): ContactFormValues {
  return {
    firstName: contact?.firstName ?? '',
    lastName: contact?.lastName ?? '',
    // A derived display name would freeze the old names if saved back; keep it blank then.
    displayName: contact && contact.displayName !== derivedName(contact) ? contact.displayName : '',
    emails: contact?.emails ?? [],
    phones: contact?.phones ?? [],
    links: contact?.links ?? [],
    company: contact?.company ?? '',
    title: contact?.title ?? '',
    location: contact?.location ?? '',
    birthday: contact?.birthday ?? '',
    notes: contact?.notes ?? '',
    circle: contact?.circle ?? 'professional',
    kind: contact?.kind ?? null,
    stage: contact?.stage ?? 'new',
    cadenceDays: contact?.cadenceDays ?? '',
    tags: contact?.tags ?? [],
    interests: contact?.interests ?? [],
    communities: contact?.communities ?? [],
    schools: contact?.schools ?? [],
    pastCompanies: contact?.pastCompanies ?? [],
    howMet: contact?.howMet ?? '',
    metOn: contact?.metOn ?? '',
    introducedBy: contact?.introducedBy ?? null,
  };
}

function derivedName(contact: Contact): string {
  return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
}

const nonEmpty = (list: string[]) => list.map((s) => s.trim()).filter(Boolean);

/** People paste `linkedin.com/in/ana`; the API wants a full URL. */
const withScheme = (link: string) => (/^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `https://${link}`);

/** The request body; blank inputs become null so clearing a field clears it on the server. */
export function toPayload(values: ContactFormValues): ContactCreate {
  return {
    firstName: values.firstName,
    lastName: values.lastName,
    displayName: values.displayName,
    emails: nonEmpty(values.emails),
    phones: nonEmpty(values.phones),
    links: nonEmpty(values.links).map(withScheme),
    company: values.company,
    title: values.title,
    location: values.location,
    birthday: values.birthday || null,
    notes: values.notes,
    circle: values.circle,
    kind: values.kind,
    stage: values.stage,
    cadenceDays: values.cadenceDays === '' ? null : values.cadenceDays,
    tags: values.tags,
    interests: values.interests,
    communities: values.communities,
    schools: values.schools,
    pastCompanies: values.pastCompanies,
    howMet: values.howMet,
    metOn: values.metOn || null,
    introducedById: values.introducedBy?.id ?? null,
  };
}

export type ClientErrorKind = 'needName' | 'email' | 'url' | 'date' | 'number' | 'invalid';

/** Checks the payload with the shared schema; returns which fields are wrong and how. */
export function validateContact(payload: ContactCreate): Partial<Record<keyof ContactFormValues, ClientErrorKind>> {
  const parsed = ContactCreate.safeParse(payload);
  if (parsed.success) return {};
  const errors: Partial<Record<keyof ContactFormValues, ClientErrorKind>> = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0]);
    const key = (field === 'introducedById' ? 'introducedBy' : field) as keyof ContactFormValues;
    errors[key] ??= kindOfError(key);
  }
  return errors;
}

function kindOfError(field: keyof ContactFormValues): ClientErrorKind {
  switch (field) {
    case 'firstName':
      return 'needName';
    case 'emails':
      return 'email';
    case 'links':
      return 'url';
    case 'birthday':
    case 'metOn':
      return 'date';
    case 'cadenceDays':
      return 'number';
    default:
      return 'invalid';
  }
}
