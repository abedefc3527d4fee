import { z } from 'zod';
import { Circle, ContactKind, ContactSource, Stage } from '../enums.js';
import { Id, IsoDate, IsoDateTime, PageQuery, optionalText, pageOf, stringList } from './common.js';
import { TieStrength } from './relationships.js';

/** `1990-08-23`, or `--08-23` when the year is unknown (as in vCard). */
export const Birthday = z
  .string()
  .regex(/^(\d{4}|--)-?(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'use YYYY-MM-DD or --MM-DD')
  .transform((v) => (v.startsWith('---') ? v.slice(1) : v));

/**
 * A contact's link: a web page, an e-mail or a phone. Nothing else (`javascript:`, `data:`,
 * `file:`…) is accepted, and the web app makes only these clickable (see isSafeLink).
 */
export const ContactLink = z
  .url({ protocol: /^(https?|mailto|tel)$/, error: 'must be an http:, https:, mailto: or tel: link' })
  .refine((link) => !/^(mailto|tel):\s*$/i.test(link), 'must be an http:, https:, mailto: or tel: link')
  // Zod gives back the URL without the line breaks and tabs the URL parser drops; any other
  // control character is refused, so a stored link holds none (exports write links as they are).
  .refine((link) => !/[\u0000-\u001f\u007f]/.test(link), 'must not contain line breaks or control characters');

/** Whether a stored link may be rendered as a link (old data may hold any scheme). */
export const isSafeLink = (link: string): boolean => ContactLink.safeParse(link).success;

const contactFields = {
  firstName: optionalText(120),
  lastName: optionalText(120),
  /** Derived from the names when absent. */
  displayName: optionalText(250),
  emails: stringList(254, 20).pipe(z.array(z.email())).optional(),
  phones: stringList(40, 20).optional(),
  company: optionalText(200),
  title: optionalText(200),
  location: optionalText(200),
  links: stringList(500, 20).pipe(z.array(ContactLink)).optional(),
  birthday: Birthday.nullable().optional(),
  /** A `data:image/…;base64,` URL, at most ~700 KB. */
  photo: z
    .string()
    .max(1_000_000)
    .regex(/^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=\s]+$/, 'must be a data:image URL')
    .nullable()
    .optional(),
  notes: optionalText(20_000),
  circle: Circle.optional(),
  kind: ContactKind.nullable().optional(),
  tags: stringList(60, 50).optional(),
  interests: stringList(100, 50).optional(),
  communities: stringList(150, 50).optional(),
  schools: stringList(200, 20).optional(),
  pastCompanies: stringList(200, 30).optional(),
  howMet: optionalText(500),
  metOn: IsoDate.nullable().optional(),
  metAtEventId: Id.nullable().optional(),
  introducedById: Id.nullable().optional(),
  stage: Stage.optional(),
  /** Null: the default cadence of the contact's circle. */
  cadenceDays: z.number().int().min(1).max(3650).nullable().optional(),
  source: ContactSource.optional(),
};

const hasAName = (c: { firstName?: string | null; lastName?: string | null; displayName?: string | null }) =>
  Boolean(c.firstName || c.lastName || c.displayName);

export const ContactCreate = z
  .object(contactFields)
  .refine(hasAName, { message: 'a contact needs a first name, last name or display name', path: ['firstName'] });
export type ContactCreate = z.input<typeof ContactCreate>;

export const ContactPatch = z.object(contactFields);
export type ContactPatch = z.input<typeof ContactPatch>;

export const Reciprocity = z.object({ given: z.number().int(), received: z.number().int() });

export const Contact = z.object({
  id: Id,
  firstName: z.string().nullable(),
  lastName: z.string().nullable(),
  displayName: z.string(),
  emails: z.array(z.string()),
  phones: z.array(z.string()),
  company: z.string().nullable(),
  title: z.string().nullable(),
  location: z.string().nullable(),
  links: z.array(z.string()),
  birthday: z.string().nullable(),
  photo: z.string().nullable(),
  notes: z.string().nullable(),
  circle: Circle,
  kind: ContactKind.nullable(),
  tags: z.array(z.string()),
  interests: z.array(z.string()),
  communities: z.array(z.string()),
  schools: z.array(z.string()),
  pastCompanies: z.array(z.string()),
  howMet: z.string().nullable(),
  metOn: z.string().nullable(),
  metAtEventId: z.string().nullable(),
  introducedById: z.string().nullable(),
  introducedBy: z.object({ id: Id, displayName: z.string() }).nullable(),
  stage: Stage,
  cadenceDays: z.number().int().nullable(),
  source: ContactSource,
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
  // Derived, read-only (docs/domain.md#derived-fields).
  lastInteractionAt: IsoDateTime.nullable(),
  keepInTouchDueOn: IsoDate,
  askShare: z.number().min(0).max(1),
  askOnly: z.boolean(),
  reciprocity: Reciprocity,
  /** How strong the user's tie is (docs/domain.md#tie-strength). */
  strength: TieStrength,
});
export type Contact = z.infer<typeof Contact>;

/** The lighter row of the contact list. */
export const ContactSummary = Contact.pick({
  id: true,
  displayName: true,
  firstName: true,
  lastName: true,
  company: true,
  title: true,
  circle: true,
  kind: true,
  stage: true,
  tags: true,
  lastInteractionAt: true,
  keepInTouchDueOn: true,
}).extend({
  /** In the contact list; absent where a summary answers a write (capture, referrals). */
  strength: TieStrength.optional(),
});
export type ContactSummary = z.infer<typeof ContactSummary>;

export const ContactListQuery = PageQuery.extend({
  q: z.string().trim().max(200).optional(),
  circle: Circle.optional(),
  kind: ContactKind.optional(),
  tag: z.string().trim().max(60).optional(),
  stage: Stage.optional(),
  /** `true`: only contacts due for a keep-in-touch touch today. */
  due: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type ContactListQuery = z.infer<typeof ContactListQuery>;

export const ContactPage = pageOf(ContactSummary);
export type ContactPage = z.infer<typeof ContactPage>;

/** What deleting a contact would take with it, asked before the user confirms. */
export const DeleteImpact = z.object({
  followups: z.number().int(),
  favors: z.number().int(),
  /** Event attendee lists they are on. */
  events: z.number().int(),
  /** Campaigns they are a member of. */
  campaigns: z.number().int(),
  interactionsDeleted: z.number().int(),
  interactionsKept: z.number().int(),
});
export type DeleteImpact = z.infer<typeof DeleteImpact>;
