// docs/domain.md#ask-only-warning: over 50 % asks among outbound touches in the last 12 months,
// or the last 3 outbound touches all asks.
import type { Intent } from '../enums.js';

export const ASK_SHARE_LIMIT = 0.5;
export const ASKS_IN_A_ROW = 3;

export interface OutboundTouch {
  occurredAt: Date;
  intent: Intent;
}

export interface AskStats {
  /** Share of outbound touches in the last 12 months that were asks (0 when there are none). */
  askShare: number;
  askOnly: boolean;
}

/** `touches`: the contact's outbound touches, any order. */
export function askStats(touches: readonly OutboundTouch[], now: Date): AskStats {
  const yearAgo = new Date(now);
  yearAgo.setUTCFullYear(yearAgo.getUTCFullYear() - 1);
  const lastYear = touches.filter((t) => t.occurredAt >= yearAgo && t.occurredAt <= now);
  const asks = lastYear.filter((t) => t.intent === 'ask').length;
  const askShare = lastYear.length === 0 ? 0 : asks / lastYear.length;
  const newest = [...touches]
    .filter((t) => t.occurredAt <= now)
    .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime())
    .slice(0, ASKS_IN_A_ROW);
  const askStreak = newest.length === ASKS_IN_A_ROW && newest.every((t) => t.intent === 'ask');
  return { askShare, askOnly: askShare > ASK_SHARE_LIMIT || askStreak };
}
