// Imports (LinkedIn export, vCard, CSV) and the vCard export: the report every import answers
// with, the column mapping of a generic CSV and the preview the mapping step is built from.
import { z } from 'zod';
import { RestoreReport } from './backup.js';

export const importSources = ['linkedin', 'vcard', 'csv', 'json', 'ical'] as const;
export const ImportSource = z.enum(importSources);
export type ImportSource = z.infer<typeof ImportSource>;

/** Why a line or card was left out, for translated messages (the `reason` is English). */
export const skipCodes = [
  'hidden_profile',
  'sponsored_message',
  'draft',
  'no_contact_in_conversation',
  'no_name',
  'bad_date',
  'incomplete',
  'owner',
] as const;
export const SkipCode = z.enum(skipCodes);
export type SkipCode = z.infer<typeof SkipCode>;

export const ImportSkip = z.object({
  /** The file it came from, when an import has several (the LinkedIn export). */
  file: z.string().optional(),
  /** 1-based line where the record starts (CSV files). */
  line: z.number().int().optional(),
  /** 1-based position of the card in the file (vCard). */
  card: z.number().int().optional(),
  code: SkipCode,
  reason: z.string(),
});
export type ImportSkip = z.infer<typeof ImportSkip>;

/** What an import had to change or leave out of a record it kept, for translated messages. */
export const warningCodes = [
  'not_a_date',
  'photo_url',
  'repeated_property',
  'text_cut',
  'list_cut',
  'bad_email',
  'bad_phone',
  'bad_link',
  'bad_photo',
  'owner_recognised',
  'owner_assumed',
  'more_warnings',
  'more_skipped',
  'ical_all_day',
  'ical_solo',
  'ical_occurrences_cut',
] as const;
export const WarningCode = z.enum(warningCodes);
export type WarningCode = z.infer<typeof WarningCode>;

/** The contact fields a warning's `values.field` may name. */
export const warnedFields = ['firstName', 'lastName', 'displayName', 'company', 'title', 'location', 'notes', 'emails', 'phones', 'links', 'tags', 'birthday', 'metOn', 'connectedOn'] as const;
export type WarnedField = (typeof warnedFields)[number];

/** One warning as data: its code and the values its message names (`warnings` has it in English). */
export const ImportNotice = z.object({
  file: z.string().optional(),
  line: z.number().int().optional(),
  card: z.number().int().optional(),
  code: WarningCode,
  values: z.record(z.string(), z.union([z.string(), z.number()])),
});
export type ImportNotice = z.infer<typeof ImportNotice>;

const Counts = z.object({ created: z.number().int(), unchanged: z.number().int() });

/** An attendee of an imported meeting who is not a contact (nor the user): "people you met — add them?". */
export const PersonMet = z.object({
  email: z.string(),
  name: z.string().nullable(),
  /** The latest meeting with them, its start and title. */
  lastMetAt: z.string().datetime(),
  lastMeeting: z.string().nullable(),
});
export type PersonMet = z.infer<typeof PersonMet>;

export const ImportReport = z.object({
  source: ImportSource,
  /** Contacts: new ones, existing ones that gained something, existing ones left as they were. */
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** At most 1,000 are listed; `skippedTotal` counts them all. */
  skipped: z.array(ImportSkip),
  skippedTotal: z.number().int(),
  /** `updated` and `removed`: calendar imports only (an edited meeting, a cancelled one). */
  interactions: Counts.extend({ updated: z.number().int().optional(), removed: z.number().int().optional() }),
  invitations: Counts.extend({ updated: z.number().int() }),
  /** Things worth knowing that did not stop the import (a bad e-mail left out, who the owner is…). */
  /** In English, each with its place (file, card or line): for the CLI and scripts. */
  warnings: z.array(z.string()),
  /** The same warnings as codes and values, for a report in the user's language. */
  notices: z.array(ImportNotice),
  /** `source=json` only: what the restore put back, section by section. */
  restored: RestoreReport.optional(),
  /** `source=ical` only: attendees who are not contacts (at most 200, the latest met first). */
  peopleMet: z.array(PersonMet).optional(),
});
export type ImportReport = z.infer<typeof ImportReport>;

/** Contact fields a generic CSV column can fill. Several columns may feed the list fields. */
export const mappableFields = [
  'firstName',
  'lastName',
  'fullName',
  'displayName',
  'emails',
  'phones',
  'company',
  'title',
  'location',
  'links',
  'birthday',
  'notes',
  'tags',
  'metOn',
] as const;
export const MappableField = z.enum(mappableFields);
export type MappableField = z.infer<typeof MappableField>;

/** `{ "Correo": "emails", "Nombre": "fullName" }`: column name → contact field. */
export const CsvMapping = z.record(z.string().min(1).max(200), MappableField);
export type CsvMapping = z.infer<typeof CsvMapping>;

export const csvFormats = ['google', 'outlook', 'generic'] as const;
export const CsvFormat = z.enum(csvFormats);
export type CsvFormat = z.infer<typeof CsvFormat>;

export const CsvPreview = z.object({
  format: CsvFormat,
  /** The field separator found in the header line. */
  delimiter: z.string(),
  headers: z.array(z.string()),
  /** The first rows, as text, in header order. */
  rows: z.array(z.array(z.string())),
  /** A guess from the column names, for the mapping step to start from (generic CSV only). */
  suggestedMapping: CsvMapping,
});
export type CsvPreview = z.infer<typeof CsvPreview>;

export const VcardExportQuery = z.object({
  /** 4.0 by default; 3.0 for older address books. */
  version: z.enum(['4.0', '3.0']).default('4.0'),
});
