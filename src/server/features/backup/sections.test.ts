// Keeps the backup complete: every table of account data is in a section (or said not to be),
// and every section's row schema names exactly the columns the backup carries.
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { PgTable, type PgColumn } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { backupSections } from '#shared/schemas/backup.js';
import * as schema from '../../db/schema.js';
import { deletionOrder } from './restore.js';
import { backedUpColumns, notBackedUp, sections } from './sections.js';

describe('backup sections', () => {
  it('cover every table of the database schema, or say why not', () => {
    const tables = Object.values(schema).filter((t) => is(t, PgTable)).map((t) => getTableName(t as PgTable));
    const covered = new Set([...sections.map((s) => getTableName(s.table)), ...Object.keys(notBackedUp)]);
    const missing = tables.filter((name) => !covered.has(name));
    expect(missing, 'add these tables to backup/sections.ts (and their rows to src/shared/schemas/backup.ts), or to notBackedUp').toEqual([]);
  });

  for (const section of sections) {
    it(`${section.key}: the row schema lists exactly the columns the backup carries`, () => {
      const carried = [...backedUpColumns(section).map(([key]) => key), ...Object.keys(section.computed ?? {})].sort();
      expect(Object.keys(backupSections[section.key].shape).sort()).toEqual(carried);
    });

    it(`${section.key}: references can be restored`, () => {
      const columns = getTableColumns(section.table) as Record<string, PgColumn>;
      const earlier = new Set(sections.slice(0, sections.indexOf(section)).map((s) => s.key));
      for (const [field, target] of Object.entries(section.references)) {
        expect(backupSections[section.key].shape, `${field} is a field`).toHaveProperty(field);
        expect(sections.find((s) => s.key === target)?.hasIds, `${target} has ids`).toBe(true);
        const column = columns[field];
        if (column && (target === section.key || !earlier.has(target))) {
          // Filled in after the target is restored: only a nullable column of a record with an id can wait.
          expect(column.notNull, `${section.key}.${field} points forward, so it must be nullable`).toBe(false);
          expect(section.hasIds, `${section.key} points forward, so its records need ids`).toBe(true);
        }
      }
    });
  }

  it('deletes records that refer to others before those they refer to', () => {
    const order = deletionOrder(sections).map((s) => s.key);
    expect(order.indexOf('followups')).toBeLessThan(order.indexOf('favors'));
    expect(order.indexOf('favors')).toBeLessThan(order.indexOf('contacts'));
    expect(order.indexOf('eventAttendees')).toBeLessThan(order.indexOf('events'));
    expect(order).toHaveLength(sections.length);
  });
});
