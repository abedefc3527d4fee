// Collects what an import did, for the report the API and the CLI show.
import type { ImportReport, ImportSkip, ImportSource, SkipCode } from '#shared/schemas/imports.js';
import type { Position } from './errors.js';
import type { ContactCounts } from './contact-merger.js';

/** Enough to find every kind of problem; a file of 100,000 skipped rows needs no 100,000 lines. */
const MAX_LISTED = 1_000;
const MAX_WARNINGS = 200;

export class ReportBuilder {
  private readonly skipped: ImportSkip[] = [];
  private skippedTotal = 0;
  private readonly warnings: string[] = [];
  private warningTotal = 0;
  readonly interactions = { created: 0, unchanged: 0 };
  readonly invitations = { created: 0, updated: 0, unchanged: 0 };

  constructor(readonly source: ImportSource) {}

  skip(file: string | undefined, at: Position, code: SkipCode, reason: string) {
    this.skippedTotal++;
    if (this.skipped.length < MAX_LISTED) this.skipped.push({ ...(file ? { file } : {}), ...at, code, reason });
  }

  warn(message: string) {
    this.warningTotal++;
    if (this.warnings.length < MAX_WARNINGS) this.warnings.push(message);
  }

  /** Field-level warnings of one record, prefixed with its place. */
  warnAt(file: string | undefined, at: Position, messages: string[]) {
    const place = [file, at.card !== undefined ? `card ${at.card}` : undefined, at.line !== undefined ? `line ${at.line}` : undefined].filter(Boolean).join(', ');
    for (const message of messages) this.warn(place ? `${place}: ${message}` : message);
  }

  build(contacts: ContactCounts): ImportReport {
    const warnings = [...this.warnings];
    if (this.warningTotal > warnings.length) warnings.push(`… and ${this.warningTotal - warnings.length} more warnings`);
    if (this.skippedTotal > this.skipped.length) warnings.push(`${this.skippedTotal} lines were skipped; the first ${this.skipped.length} are listed`);
    return {
      source: this.source,
      ...contacts,
      skipped: this.skipped,
      skippedTotal: this.skippedTotal,
      interactions: { ...this.interactions },
      invitations: { ...this.invitations },
      warnings,
    };
  }
}
