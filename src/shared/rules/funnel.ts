// The invitations funnel (docs/domain.md#invitations): incoming → personalised welcome sent → replied →
// conversation → meeting → collaboration. Most people never reply; measuring your own rate is
// the point. Reply rate = replied / welcomes sent.
import type { InvitationDirection, InvitationOutcome } from '../enums.js';

export interface FunnelInvitation {
  direction: InvitationDirection;
  receivedOn: string;
  welcomeSentOn: string | null;
  repliedOn: string | null;
  outcome: InvitationOutcome;
  acceptedOn: string | null;
}

export type InvitationStatus = 'no_welcome' | 'welcome_sent' | 'replied' | InvitationOutcome;

const OUTCOME_RANK: Record<InvitationOutcome, number> = { none: 0, conversation: 1, meeting: 2, collaboration: 3 };

/** Where an incoming invitation stands: the furthest step it reached. */
export function invitationStatus(i: Pick<FunnelInvitation, 'welcomeSentOn' | 'repliedOn' | 'outcome'>): InvitationStatus {
  if (i.outcome !== 'none') return i.outcome;
  if (i.repliedOn) return 'replied';
  if (i.welcomeSentOn) return 'welcome_sent';
  return 'no_welcome';
}

export interface FunnelCounts {
  incoming: number;
  welcomed: number;
  replied: number;
  conversation: number;
  meeting: number;
  collaboration: number;
  /** replied / welcomed; null before any welcome was sent. */
  replyRate: number | null;
}

function counts(list: FunnelInvitation[]): FunnelCounts {
  const incoming = list.filter((i) => i.direction === 'incoming');
  const reached = (step: InvitationOutcome) => incoming.filter((i) => OUTCOME_RANK[i.outcome] >= OUTCOME_RANK[step]).length;
  const welcomed = incoming.filter((i) => i.welcomeSentOn).length;
  // A conversation implies they replied, even if the reply date was never noted.
  const replied = incoming.filter((i) => i.welcomeSentOn && (i.repliedOn || i.outcome !== 'none')).length;
  return {
    incoming: incoming.length,
    welcomed,
    replied,
    conversation: reached('conversation'),
    meeting: reached('meeting'),
    collaboration: reached('collaboration'),
    replyRate: welcomed === 0 ? null : replied / welcomed,
  };
}

export interface Funnel extends FunnelCounts {
  outgoing: { sent: number; accepted: number; acceptedRate: number | null };
  /** Per month of receipt (`2026-11`), oldest first. */
  byMonth: ({ month: string } & FunnelCounts)[];
}

export function invitationFunnel(invitations: FunnelInvitation[]): Funnel {
  const outgoing = invitations.filter((i) => i.direction === 'outgoing');
  const accepted = outgoing.filter((i) => i.acceptedOn).length;
  const months = [...new Set(invitations.filter((i) => i.direction === 'incoming').map((i) => i.receivedOn.slice(0, 7)))].sort();
  return {
    ...counts(invitations),
    outgoing: { sent: outgoing.length, accepted, acceptedRate: outgoing.length === 0 ? null : accepted / outgoing.length },
    byMonth: months.map((month) => ({ month, ...counts(invitations.filter((i) => i.receivedOn.startsWith(month))) })),
  };
}
