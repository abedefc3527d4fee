// Reading a backup file: it must be JSON, a Círculo backup of a version we read, match the
// format exactly, and hold every record its references point to. A refusal names the bad
// fields (`contacts.12.circle`) and is raised before anything is written.
import type { z } from 'zod';
import { BACKUP_FORMAT, BACKUP_VERSION, BackupDocument } from '#shared/schemas/backup.js';
import { HttpProblem } from '../../http/problems.js';
import { referenceIssues, type BackupRows, type Issue } from './references.js';
import { sections } from './sections.js';

const MAX_LISTED = 50;

function invalid(issues: Issue[], total = issues.length): HttpProblem {
  const more = total > issues.length ? ` (and ${total - issues.length} more)` : '';
  const listed = issues
    .slice(0, 5)
    .map((i) => `${i.field}: ${i.message}`)
    .join('; ');
  return new HttpProblem(400, 'Invalid backup', `The backup was not restored and nothing changed. ${listed}${issues.length > 5 ? '; …' : ''}${more}`, issues);
}

const refused = (message: string) => new HttpProblem(400, 'Not a Círculo backup', message);

/** The JSON of a backup file (a byte-order mark allowed); restoreBackup validates what it holds. */
export function parseBackupJson(text: string): unknown {
  try {
    return JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    throw refused(`The file is not valid JSON (${(error as Error).message}); a Círculo backup is the JSON file that "Download a backup" or \`circulo backup\` writes.`);
  }
}

/** A parsed JSON value, checked against the backup format and its references. */
export function validateBackup(value: unknown): BackupDocument {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw refused('A Círculo backup is a JSON object with "format": "circulo-backup".');
  }
  const { format, version } = value as { format?: unknown; version?: unknown };
  if (format !== BACKUP_FORMAT) throw refused(`This file is not a Círculo backup: it has no "format": "${BACKUP_FORMAT}".`);
  if (typeof version === 'number' && version > BACKUP_VERSION) {
    throw refused(`This backup was written by a newer Círculo (format version ${version}); this one reads version ${BACKUP_VERSION}. Update Círculo, then restore it.`);
  }
  const parsed = BackupDocument.safeParse(value);
  if (!parsed.success) throw invalid(zodIssues(parsed.error), parsed.error.issues.length);
  const broken = referenceIssues(parsed.data as BackupRows, sections, MAX_LISTED);
  if (broken.length > 0) throw invalid(broken);
  return parsed.data;
}

function zodIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, MAX_LISTED).map((issue) => ({
    field: issue.path.length ? issue.path.map(String).join('.') : 'backup',
    message: issue.message,
  }));
}
