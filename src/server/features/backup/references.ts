// The references inside a backup (which field holds the id of a record in which section), checked
// and rewritten without a database: restore runs these before it touches anything.
import type { BackupSectionKey } from '#shared/schemas/backup.js';

export interface SectionLinks {
  key: BackupSectionKey;
  /** Whether its records have an `id` of their own (join rows such as event attendees do not). */
  hasIds: boolean;
  /** Field → the section whose record id it holds; a list field (interactions' contactIds) holds several. */
  references: Record<string, BackupSectionKey>;
  /** Field sets that must be unique within an account; a set with a null in it never clashes. */
  unique?: string[][];
}

export type BackupRows = Partial<Record<BackupSectionKey, Record<string, unknown>[]>>;
export interface Issue {
  field: string;
  message: string;
}

const idsIn = (value: unknown): string[] => (Array.isArray(value) ? (value as string[]) : typeof value === 'string' ? [value] : []);

/** Duplicate ids, references to records the backup does not hold, and clashes on unique fields. */
export function referenceIssues(rows: BackupRows, sections: readonly SectionLinks[], max = 50): Issue[] {
  const issues: Issue[] = [];
  const add = (field: string, message: string) => issues.length < max && issues.push({ field, message });
  const idsOf = new Map<BackupSectionKey, Set<string>>();

  for (const section of sections) {
    const list = rows[section.key] ?? [];
    const firstAt = new Map<string, number>();
    if (section.hasIds) {
      list.forEach((row, index) => {
        const id = row.id as string;
        const earlier = firstAt.get(id);
        if (earlier === undefined) firstAt.set(id, index);
        else add(`${section.key}.${index}.id`, `the same id as ${section.key}.${earlier}`);
      });
    }
    idsOf.set(section.key, new Set(firstAt.keys()));
    for (const fields of section.unique ?? []) {
      const seen = new Map<string, number>();
      list.forEach((row, index) => {
        const values = fields.map((f) => row[f]);
        if (values.some((v) => v === null || v === undefined)) return;
        const key = JSON.stringify(values);
        const earlier = seen.get(key);
        if (earlier === undefined) seen.set(key, index);
        else add(`${section.key}.${index}.${fields.join('+')}`, `the same as ${section.key}.${earlier}: must be unique`);
      });
    }
  }

  for (const section of sections) {
    (rows[section.key] ?? []).forEach((row, index) => {
      for (const [field, target] of Object.entries(section.references)) {
        const known = idsOf.get(target);
        for (const id of idsIn(row[field])) {
          if (!known?.has(id)) add(`${section.key}.${index}.${field}`, `no record with id ${id} in "${target}"`);
        }
      }
    });
  }
  return issues;
}

/**
 * Gives a new id to every record whose id is taken (by another account's record in the same
 * table), and follows the change in every reference to it. Rewrites `rows` in place: it is
 * restore's own parsed copy, and a 300,000-record backup should not be copied once more.
 */
export function remapTakenIds(
  rows: BackupRows,
  sections: readonly SectionLinks[],
  taken: ReadonlyMap<BackupSectionKey, ReadonlySet<string>>,
  newId: () => string,
): number {
  const renamed = new Map<BackupSectionKey, Map<string, string>>();
  for (const section of sections) {
    const takenHere = taken.get(section.key);
    if (!section.hasIds || !takenHere?.size) continue;
    const map = new Map<string, string>();
    for (const row of rows[section.key] ?? []) {
      const id = row.id as string;
      if (takenHere.has(id)) {
        const fresh = newId();
        map.set(id, fresh);
        row.id = fresh;
      }
    }
    if (map.size) renamed.set(section.key, map);
  }
  if (renamed.size === 0) return 0;

  for (const section of sections) {
    const fields = Object.entries(section.references).filter(([, target]) => renamed.has(target));
    if (fields.length === 0) continue;
    for (const row of rows[section.key] ?? []) {
      for (const [field, target] of fields) {
        const map = renamed.get(target)!;
        const value = row[field];
        if (Array.isArray(value)) row[field] = value.map((id: string) => map.get(id) ?? id);
        else if (typeof value === 'string') row[field] = map.get(value) ?? value;
      }
    }
  }
  return [...renamed.values()].reduce((sum, map) => sum + map.size, 0);
}
