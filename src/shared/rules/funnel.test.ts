import { describe, expect, it } from 'vitest';
import { invitationFunnel, invitationStatus, type FunnelInvitation } from './funnel.js';

const base: FunnelInvitation = { direction: 'incoming', receivedOn: '2026-10-05', welcomeSentOn: null, repliedOn: null, outcome: 'none', acceptedOn: null };

describe('invitationStatus', () => {
  it.each([
    [base, 'no_welcome'],
    [{ ...base, welcomeSentOn: '2026-10-06' }, 'welcome_sent'],
    [{ ...base, welcomeSentOn: '2026-10-06', repliedOn: '2026-10-08' }, 'replied'],
    [{ ...base, welcomeSentOn: '2026-10-06', repliedOn: '2026-10-08', outcome: 'meeting' as const }, 'meeting'],
  ])('%j → %s', (invitation, status) => {
    expect(invitationStatus(invitation)).toBe(status);
  });
});

describe('invitationFunnel', () => {
  it('counts each step, the reply rate and the outgoing acceptance, per month', () => {
    const list: FunnelInvitation[] = [
      base,
      { ...base, welcomeSentOn: '2026-10-06' },
      { ...base, welcomeSentOn: '2026-10-06' },
      { ...base, welcomeSentOn: '2026-10-06', repliedOn: '2026-10-07', outcome: 'conversation' },
      { ...base, receivedOn: '2026-11-02', welcomeSentOn: '2026-11-02', repliedOn: '2026-11-03', outcome: 'collaboration' },
      { ...base, direction: 'outgoing', acceptedOn: '2026-10-10' },
      { ...base, direction: 'outgoing' },
    ];
    const funnel = invitationFunnel(list);
    expect(funnel).toMatchObject({ incoming: 5, welcomed: 4, replied: 2, conversation: 2, meeting: 1, collaboration: 1, replyRate: 0.5 });
    expect(funnel.outgoing).toEqual({ sent: 2, accepted: 1, acceptedRate: 0.5 });
    expect(funnel.byMonth.map((m) => [m.month, m.incoming, m.replyRate])).toEqual([
      ['2026-10', 4, 1 / 3],
      ['2026-11', 1, 1],
    ]);
  });

  it('has no rate before any welcome went out', () => {
    expect(invitationFunnel([base]).replyRate).toBeNull();
    expect(invitationFunnel([]).outgoing.acceptedRate).toBeNull();
  });
});
