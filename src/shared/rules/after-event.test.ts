import { describe, expect, it } from 'vitest';
import { afterEventDueOn } from './after-event.js';

describe('afterEventDueOn', () => {
  it.each([
    { name: 'two days after a one-evening event', startsAt: '2026-11-20T18:30:00Z', endsAt: null, zone: 'Europe/Madrid', due: '2026-11-22' },
    { name: 'counted from the last day of a multi-day event', startsAt: '2026-11-20T08:00:00Z', endsAt: '2026-11-22T17:00:00Z', zone: 'Europe/Madrid', due: '2026-11-24' },
    { name: 'late at night in Madrid is already the next day', startsAt: '2026-11-20T23:30:00Z', endsAt: null, zone: 'Europe/Madrid', due: '2026-11-23' },
    { name: 'and still the same day in Mexico City', startsAt: '2026-11-21T03:00:00Z', endsAt: null, zone: 'America/Mexico_City', due: '2026-11-22' },
  ])('$name', ({ startsAt, endsAt, zone, due }) => {
    expect(afterEventDueOn({ startsAt, endsAt }, zone)).toBe(due);
  });
});
