import { z } from 'zod';
import { Language, TemplatePurpose } from '../enums.js';
import { Id, IsoDateTime, optionalText } from './common.js';

export const Template = z.object({
  id: Id,
  purpose: TemplatePurpose,
  language: Language,
  name: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  /** The shipped default it came from; null for the user's own. */
  defaultKey: z.string().nullable(),
  createdAt: IsoDateTime,
  updatedAt: IsoDateTime,
});
export type Template = z.infer<typeof Template>;

export const TemplateCreate = z.object({
  purpose: TemplatePurpose,
  language: Language,
  name: z.string().trim().min(1).max(120),
  subject: optionalText(300),
  body: z.string().trim().min(1).max(10_000),
});
export type TemplateCreate = z.input<typeof TemplateCreate>;
export const TemplatePatch = TemplateCreate.partial();
export type TemplatePatch = z.input<typeof TemplatePatch>;

export const TemplateListQuery = z.object({ purpose: TemplatePurpose.optional(), language: Language.optional() });

export const RenderBody = z.object({
  contactId: Id.optional(),
  favorId: Id.optional(),
  invitationId: Id.optional(),
  eventName: optionalText(200),
  outcome: optionalText(2_000),
  /** `intro_request`: whom the user wants to be introduced to ({{target}}), and why ({{reason}}). */
  targetId: Id.optional(),
  reason: optionalText(1_000),
  /** Unsaved text to render instead of the stored one: the editor's live preview. */
  draft: z.object({ subject: optionalText(300), body: z.string().max(10_000) }).optional(),
});
export type RenderBody = z.input<typeof RenderBody>;

export const Rendered = z.object({
  subject: z.string(),
  body: z.string(),
  /** Placeholders with no value: left visible as {{name}} in the text. */
  missing: z.array(z.string()),
  /** Placeholders the app does not know (typos?), also left in the text. */
  unknown: z.array(z.string()),
});
export type Rendered = z.infer<typeof Rendered>;

export const CommonPoint = z.object({
  kind: z.enum(['mutual_contact', 'company', 'school', 'community', 'event', 'interest', 'place']),
  value: z.string(),
  strength: z.number().int(),
});
export type CommonPoint = z.infer<typeof CommonPoint>;
