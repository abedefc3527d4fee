import { describe, expect, it } from 'vitest';
import { campaignProgress, MAX_PROGRESS_WEEKS, progressWeeks, type ProgressInput } from './campaign-progress.js';

// Campaign from Monday 2 November 2026 (2026-W45); today is Wednesday 25 November (W48).
const base: ProgressInput = {
  startsOn: '2026-11-02',
  endsOn: null,
  today: '2026-11-25',
  timeZone: 'Europe/Madrid',
  newContactsPerWeek: 3,
  meetingsPerWeek: 1,
  members: [],
  referrals: [],
};

describe('progressWeeks', () => {
  it.each([
    { name: 'runs to the current week when open-ended', startsOn: '2026-11-02', endsOn: null, today: '2026-11-25', weeks: ['2026-W45', '2026-W46', '2026-W47', '2026-W48'] },
    { name: 'runs to its end, even in the future', startsOn: '2026-11-02', endsOn: '2026-11-20', today: '2026-11-03', weeks: ['2026-W45', '2026-W46', '2026-W47'] },
    { name: 'a campaign not started yet shows its first week', startsOn: '2026-12-07', endsOn: null, today: '2026-11-25', weeks: ['2026-W50'] },
    { name: 'crosses ISO week 53', startsOn: '2026-12-24', endsOn: '2027-01-05', today: '2026-11-25', weeks: ['2026-W52', '2026-W53', '2027-W01'] },
    { name: 'an end before the start is read as one week', startsOn: '2026-11-10', endsOn: '2026-11-01', today: '2026-11-25', weeks: ['2026-W46'] },
  ])('$name', ({ startsOn, endsOn, today, weeks }) => {
    expect(progressWeeks(startsOn, endsOn, today)).toEqual(weeks);
  });

  it('keeps only the latest weeks of a very long campaign', () => {
    const weeks = progressWeeks('2020-01-06', null, '2026-11-25');
    expect(weeks).toHaveLength(MAX_PROGRESS_WEEKS);
    expect(weeks.at(-1)).toBe('2026-W48');
  });
});

describe('campaignProgress', () => {
  it('counts new members and referrals against the weekly target', () => {
    const progress = campaignProgress({
      ...base,
      members: [
        { contactId: 'ana', addedOn: '2026-11-02', metOn: null },
        { contactId: 'bea', addedOn: '2026-11-03', metOn: null },
        { contactId: 'carl', addedOn: '2026-11-10', metOn: null },
      ],
      referrals: [
        { contactId: 'dan', createdAt: '2026-11-11T10:00:00Z' },
        // Sunday 15th 23:30 in Madrid: still week 46.
        { contactId: 'eva', createdAt: '2026-11-15T22:30:00Z' },
      ],
    });
    expect(progress.weeks.map((w) => [w.week, w.newContacts.count])).toEqual([
      ['2026-W45', 2],
      ['2026-W46', 3],
      ['2026-W47', 0],
      ['2026-W48', 0],
    ]);
    expect(progress.weeks[0]).toMatchObject({ startsOn: '2026-11-02', newContacts: { target: 3 }, meetings: { target: 1 } });
    expect(progress.totals).toEqual({ newContacts: 5, meetings: 0 });
  });

  it('counts a referral who joined the campaign once, in the week they first came in', () => {
    const progress = campaignProgress({
      ...base,
      members: [{ contactId: 'dan', addedOn: '2026-11-18', metOn: null }],
      referrals: [{ contactId: 'dan', createdAt: '2026-11-11T10:00:00Z' }],
    });
    expect(progress.weeks.map((w) => w.newContacts.count)).toEqual([0, 1, 0, 0]);
  });

  it('counts meetings by the day the member met, against the meetings target', () => {
    const progress = campaignProgress({
      ...base,
      members: [
        { contactId: 'ana', addedOn: '2026-11-02', metOn: '2026-11-05' },
        { contactId: 'bea', addedOn: '2026-11-02', metOn: '2026-11-19' },
        { contactId: 'carl', addedOn: '2026-11-02', metOn: '2026-11-20' },
      ],
    });
    expect(progress.weeks.map((w) => w.meetings.count)).toEqual([1, 0, 2, 0]);
    expect(progress.totals.meetings).toBe(3);
  });

  it('puts what happened before the start in the first week and leaves out what came after the end', () => {
    const progress = campaignProgress({
      ...base,
      endsOn: '2026-11-15',
      members: [
        { contactId: 'early', addedOn: '2026-10-20', metOn: null },
        { contactId: 'late', addedOn: '2026-11-20', metOn: '2026-11-21' },
      ],
    });
    expect(progress.weeks.map((w) => [w.week, w.newContacts.count, w.meetings.count])).toEqual([
      ['2026-W45', 1, 0],
      ['2026-W46', 0, 0],
    ]);
    expect(progress.totals).toEqual({ newContacts: 1, meetings: 0 });
  });
});
