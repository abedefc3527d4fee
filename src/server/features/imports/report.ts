// Collects what an import did, for the report the API and the CLI show.
import type { ImportNotice, ImportReport, ImportSkip, ImportSource, PersonMet, SkipCode } from '#shared/schemas/imports.js';
import type { Position } from './errors.js';
import type { ContactCounts } from './contact-batcher.js';
import type { FieldWarning } from './parsers/parsed.js';

/** Enough to find every kind of problem; a file of 100,000 skipped rows needs no 100,000 lines. */
const MAX_LISTED = 1_000;
const MAX_WARNINGS = 200;

export class ReportBuilder {
  private readonly skipped: ImportSkip[] = [];
  private skippedTotal = 0;
  private readonly warnings: string[] = [];
  private readonly notices: ImportNotice[] = [];
  private warningTotal = 0;
  /** `updated` and `removed` are reported for calendar imports only. */
  readonly interactions = { created: 0, unchanged: 0, updated: 0, removed: 0 };
  /** Calendar imports: attendees who are not contacts. */
  peopleMet: PersonMet[] | undefined;
  readonly invitations = { created: 0, updated: 0, unchanged: 0 };

  constructor(readonly source: ImportSource) {}

  skip(file: string | undefined, at: Position, code: SkipCode, reason: string) {
    this.skippedTotal++;
    if (this.skipped.length < MAX_LISTED) this.skipped.push({ ...(file ? { file } : {}), ...at, code, reason });
  }

  /** A warning about the whole import (whose export it is…). */
  warn(warning: FieldWarning) {
    this.warnAt(undefined, {}, [warning]);
  }

  /** Field-level warnings of one record, in English prefixed with its place, and as notices. */
  warnAt(file: string | undefined, at: Position, warnings: FieldWarning[]) {
    const place = [file, at.card !== undefined ? `card ${at.card}` : undefined, at.line !== undefined ? `line ${at.line}` : undefined].filter(Boolean).join(', ');
    for (const { code, values, message } of warnings) {
      this.warningTotal++;
      if (this.warnings.length >= MAX_WARNINGS) continue;
      this.warnings.push(place ? `${place}: ${message}` : message);
      this.notices.push({ ...(file ? { file } : {}), ...at, code, values });
    }
  }

  build(contacts: ContactCounts): ImportReport {
    const warnings = [...this.warnings];
    const notices = [...this.notices];
    if (this.warningTotal > this.warnings.length) {
      const more = this.warningTotal - this.warnings.length;
      warnings.push(`… and ${more} more warnings`);
      notices.push({ code: 'more_warnings', values: { count: more } });
    }
    if (this.skippedTotal > this.skipped.length) {
      warnings.push(`${this.skippedTotal} lines were skipped; the first ${this.skipped.length} are listed`);
      notices.push({ code: 'more_skipped', values: { total: this.skippedTotal, shown: this.skipped.length } });
    }
    return {
      source: this.source,
      ...contacts,
      skipped: this.skipped,
      skippedTotal: this.skippedTotal,
      interactions:
        this.source === 'ical'
          ? { ...this.interactions }
          : { created: this.interactions.created, unchanged: this.interactions.unchanged },
      invitations: { ...this.invitations },
      warnings,
      notices,
      ...(this.peopleMet ? { peopleMet: this.peopleMet } : {}),
    };
  }
}
