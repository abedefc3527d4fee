import { describe, expect, it } from 'vitest';
import type { ImportReport } from '#shared/schemas/imports.js';
import { statisticsToRefresh } from './pipeline.js';

function report(counts: { created?: number; updated?: number; touches?: number; invitations?: number }): ImportReport {
  return {
    source: 'linkedin',
    created: counts.created ?? 0,
    updated: counts.updated ?? 0,
    unchanged: 0,
    skipped: [],
    skippedTotal: 0,
    interactions: { created: counts.touches ?? 0, unchanged: 0 },
    invitations: { created: counts.invitations ?? 0, updated: 0, unchanged: 0 },
    warnings: [],
    notices: [],
  };
}

describe('statisticsToRefresh', () => {
  it('asks for nothing after a small import', () => {
    expect(statisticsToRefresh(report({ created: 400, touches: 500, invitations: 99 }))).toEqual([]);
  });

  it('analyzes contacts whole when contacts were written, and the touches only when touches were', () => {
    expect(statisticsToRefresh(report({ created: 30_000 }))).toEqual(['contacts']);
    expect(statisticsToRefresh(report({ updated: 600, touches: 600 }))).toEqual(['contacts', 'interactions', 'interaction_contacts']);
  });

  it('after touches alone, analyzes only the keep-in-touch columns of contacts they changed', () => {
    expect(statisticsToRefresh(report({ touches: 161_772 }))).toEqual([
      'contacts (last_interaction_at, keep_in_touch_base, keep_in_touch_cadence, keep_in_touch_due_on)',
      'interactions',
      'interaction_contacts',
    ]);
    expect(statisticsToRefresh(report({ invitations: 2_000 }))).toEqual(['invitations']);
  });
});
