import { describe, expect, it } from 'vitest';
import { newContactWeek, weeklyReview, type WeeklyInput } from './weekly.js';

const empty: WeeklyInput = {
  week: '2026-W47',
  timeZone: 'Europe/Madrid',
  today: '2026-11-25',
  weeklyTarget: 3,
  contacts: [],
  touches: [],
  doneFollowups: [],
  pendingFollowups: [],
  favors: [],
  stageChanges: [],
};

describe('newContactWeek', () => {
  it.each([
    { name: 'met on a date counts in that week', contact: { metOn: '2026-11-16', createdAt: '2026-01-01T00:00:00Z' }, week: '2026-W47' },
    { name: 'Sunday 23:30 in Madrid is still the same week', contact: { metOn: null, createdAt: '2026-11-22T22:30:00Z' }, week: '2026-W47' },
    { name: 'Monday 00:30 in Madrid is the next week', contact: { metOn: null, createdAt: '2026-11-22T23:30:00Z' }, week: '2026-W48' },
    { name: 'ISO week 53', contact: { metOn: '2027-01-01', createdAt: '2027-01-01T00:00:00Z' }, week: '2026-W53' },
  ])('$name', ({ contact, week }) => {
    expect(newContactWeek(contact, 'Europe/Madrid')).toBe(week);
  });
});

describe('weeklyReview', () => {
  it('counts new contacts against the target with 12 weeks of history', () => {
    const review = weeklyReview({
      ...empty,
      contacts: [
        { metOn: '2026-11-16', createdAt: '2026-11-16T10:00:00Z' },
        { metOn: null, createdAt: '2026-11-22T22:30:00Z' }, // Sunday 23:30 Madrid: this week
        { metOn: null, createdAt: '2026-11-22T23:30:00Z' }, // Monday 00:30 Madrid: next week
        { metOn: '2026-09-01', createdAt: '2026-11-20T10:00:00Z' }, // met long ago: that week
      ],
    });
    expect(review.newContacts).toEqual({ count: 2, target: 3 });
    expect(review.history).toHaveLength(12);
    expect(review.history[0]!.week).toBe('2026-W36');
    expect(review.history.at(-1)).toEqual({ week: '2026-W47', newContacts: 2 });
    expect(review.history.find((h) => h.week === '2026-W36')!.newContacts).toBe(1);
    expect(review).toMatchObject({ startsOn: '2026-11-16', endsOn: '2026-11-22' });
  });

  it('tallies touches by channel and intent within the local week', () => {
    const review = weeklyReview({
      ...empty,
      touches: [
        { occurredAt: '2026-11-16T08:00:00Z', channel: 'coffee', intent: 'nurture' },
        { occurredAt: '2026-11-18T08:00:00Z', channel: 'email', intent: 'ask' },
        { occurredAt: '2026-11-19T08:00:00Z', channel: 'email', intent: 'give' },
        { occurredAt: '2026-11-15T23:30:00Z', channel: 'call', intent: 'ask' }, // Monday 00:30 in Madrid: counts
        { occurredAt: '2026-11-22T23:30:00Z', channel: 'call', intent: 'ask' }, // next Monday in Madrid: not
      ],
    });
    expect(review.touches).toEqual({ total: 4, byChannel: { coffee: 1, email: 2, call: 1 }, byIntent: { nurture: 1, ask: 2, give: 1 } });
  });

  it('handles a week spanning the DST change (Madrid, 25 October 2026)', () => {
    const review = weeklyReview({
      ...empty,
      week: '2026-W43',
      today: '2026-11-23',
      touches: [
        { occurredAt: '2026-10-18T22:30:00Z', channel: 'call', intent: 'ask' }, // Mon 19 Oct 00:30 CEST: in
        { occurredAt: '2026-10-25T22:30:00Z', channel: 'call', intent: 'ask' }, // Sun 25 Oct 23:30 CET: in
        { occurredAt: '2026-10-25T23:30:00Z', channel: 'call', intent: 'ask' }, // Mon 26 Oct 00:30 CET: out
      ],
    });
    expect(review.touches.total).toBe(2);
  });

  it('counts follow-ups done, overdue as of now, loops closed and favors', () => {
    const review = weeklyReview({
      ...empty,
      doneFollowups: [{ completedAt: '2026-11-17T10:00:00Z' }, { completedAt: '2026-11-10T10:00:00Z' }],
      pendingFollowups: [{ dueOn: '2026-11-20' }, { dueOn: '2026-11-25' }, { dueOn: '2026-11-24' }],
      favors: [
        { direction: 'received', occurredOn: '2026-11-17', closedAt: null },
        { direction: 'given', occurredOn: '2026-11-18', closedAt: null },
        { direction: 'given', occurredOn: '2026-11-19', closedAt: null },
        { direction: 'received', occurredOn: '2026-10-01', closedAt: '2026-11-20T10:00:00Z' },
      ],
    });
    // The review of last week, read on Wednesday the 25th: overdue as of its end (the 23rd).
    expect(review.followupsDone).toBe(1);
    expect(review.followupsOverdue).toBe(1);
    expect(review.loopsClosed).toBe(1);
    expect(review).toMatchObject({ favorsGiven: 2, favorsReceived: 1 });
  });

  it('uses today as the overdue cutoff while the week is running', () => {
    const review = weeklyReview({ ...empty, week: '2026-W48', today: '2026-11-25', pendingFollowups: [{ dueOn: '2026-11-24' }, { dueOn: '2026-11-25' }] });
    expect(review.followupsOverdue).toBe(1);
  });

  it('lists stage moves and flags online → in person', () => {
    const review = weeklyReview({
      ...empty,
      stageChanges: [
        { contactId: 'a', displayName: 'Ana', from: 'met_online', to: 'met_in_person', at: '2026-11-18T10:00:00Z' },
        { contactId: 'b', displayName: 'Bea', from: 'new', to: 'in_conversation', at: '2026-11-18T10:00:00Z' },
        { contactId: 'c', displayName: 'Cam', from: 'new', to: 'met_online', at: '2026-11-02T10:00:00Z' },
      ],
    });
    expect(review.stageMoves.map((m) => [m.displayName, m.toInPerson])).toEqual([
      ['Ana', true],
      ['Bea', false],
    ]);
  });
});

describe('reply rate', () => {
  it('is the share of this week’s welcomes that got a reply, none before any welcome', () => {
    const sent = { direction: 'incoming' as const, receivedOn: '2026-11-16', welcomeSentOn: '2026-11-17', outcome: 'none' as const, acceptedOn: null };
    expect(weeklyReview(empty).replyRate).toBeNull();
    expect(weeklyReview({ ...empty, invitations: [{ ...sent, repliedOn: '2026-11-18' }, { ...sent, repliedOn: null }] }).replyRate).toBe(0.5);
  });
});
