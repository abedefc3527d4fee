// docs/domain.md#tie-strength: how strong the user's tie with a contact is, 0–100, from what the
// user recorded on purpose: how recent the last touch is (halving every 90 days), how many touches
// in 12 months, how much of it came from them, how deep the touches went (in person > video >
// call > message), and favors both ways. The reasons come back as data; the words are the
// caller's (src/server/i18n/strength.ts).
import type { Channel } from '../enums.js';
import { daysBetween, localDateOf, todayIn } from './time.js';

export const depths = ['message', 'call', 'video', 'in_person'] as const;
export type Depth = (typeof depths)[number];

/** How deep a touch went: face to face beats a screen, a voice beats text. */
export function depthOf(channel: Channel): Depth {
  switch (channel) {
    case 'in_person':
    case 'coffee':
    case 'meal':
    case 'event':
      return 'in_person';
    case 'video':
      return 'video';
    case 'call':
      return 'call';
    default:
      return 'message';
  }
}

/** The most each part adds to the score (they sum to 100). */
export const STRENGTH_WEIGHTS = { recency: 35, frequency: 25, twoWay: 15, depth: 15, favors: 10 } as const;
/** Days for the recency part to halve. */
export const RECENCY_HALF_LIFE_DAYS = 90;
/** Touches in 12 months that count as a full frequency part (about two a month). */
export const FULL_FREQUENCY = 24;
const DEPTH_SHARE: Record<Depth, number> = { in_person: 1, video: 0.75, call: 0.55, message: 0.25 };

export interface TieInputs {
  /** The newest touch, any age. */
  lastTouch: { at: Date; channel: Channel } | null;
  /** Touches in the 12 months before `now`. */
  touches: number;
  /** Of those, the ones they started. */
  inbound: number;
  /** The deepest channel of those touches (null without any). */
  deepest: Depth | null;
  /** Favors in the 12 months before `now`. */
  favorsGiven: number;
  favorsReceived: number;
}

export type StrengthReason =
  | { kind: 'lastTouch'; depth: Depth; days: number }
  | { kind: 'neverTouched' }
  | { kind: 'touches'; count: number }
  | { kind: 'twoWay'; inboundShare: number }
  | { kind: 'oneWay' }
  | { kind: 'helpedYou'; count: number }
  | { kind: 'youHelped'; count: number };

export interface TieStrength {
  score: number;
  reasons: StrengthReason[];
}

const DAY_MS = 86_400_000;

/**
 * `timeZone`: the user's, so the "why" counts days as the rest of the app does ("last touch 5 days
 * ago" is calendar days in their zone); the score decays by elapsed 24-hour days either way.
 */
export function tieStrength(input: TieInputs, now: Date, timeZone?: string): TieStrength {
  const w = STRENGTH_WEIGHTS;
  const reasons: StrengthReason[] = [];
  let score = 0;
  if (input.lastTouch) {
    const days = Math.max(0, Math.floor((now.getTime() - input.lastTouch.at.getTime()) / DAY_MS));
    score += w.recency * 0.5 ** (days / RECENCY_HALF_LIFE_DAYS);
    const calendarDays = timeZone ? Math.max(0, daysBetween(localDateOf(input.lastTouch.at, timeZone), todayIn(timeZone, now))) : days;
    reasons.push({ kind: 'lastTouch', depth: depthOf(input.lastTouch.channel), days: calendarDays });
  } else {
    reasons.push({ kind: 'neverTouched' });
  }
  if (input.touches > 0) {
    // Logarithmic: the third touch of a year says more than the twentieth.
    score += w.frequency * Math.min(1, Math.log2(1 + input.touches) / Math.log2(1 + FULL_FREQUENCY));
    reasons.push({ kind: 'touches', count: input.touches });
    // Full marks when they start at least a third of the touches: a tie both sides keep up.
    const inboundShare = input.inbound / input.touches;
    score += w.twoWay * Math.min(1, inboundShare / (1 / 3));
    if (input.touches >= 3) reasons.push(inboundShare > 0 ? { kind: 'twoWay', inboundShare } : { kind: 'oneWay' });
  }
  if (input.deepest) score += w.depth * DEPTH_SHARE[input.deepest];
  score += (w.favors / 2) * Math.min(1, input.favorsReceived / 2) + (w.favors / 2) * Math.min(1, input.favorsGiven / 2);
  if (input.favorsReceived > 0) reasons.push({ kind: 'helpedYou', count: input.favorsReceived });
  if (input.favorsGiven > 0) reasons.push({ kind: 'youHelped', count: input.favorsGiven });
  return { score: Math.round(Math.min(100, Math.max(0, score))), reasons };
}

/**
 * The most tieStrength() can give someone whose newest touch (any date, even after `now`) is
 * `newestTouchAt`, from that alone: the recency part as if that touch were the last before `now`,
 * every other part full, and nothing from touches when the newest is over 12 months old. The
 * intro paths read exact strengths best bound first and stop when no bound can beat what they
 * have (src/server/features/relationships/intros.ts).
 */
export function strengthUpperBound(newestTouchAt: Date | null, now: Date): number {
  const w = STRENGTH_WEIGHTS;
  if (!newestTouchAt) return w.favors;
  const days = Math.max(0, Math.floor((now.getTime() - newestTouchAt.getTime()) / DAY_MS));
  const inLastYear = newestTouchAt.getTime() > now.getTime() - 365 * DAY_MS;
  return Math.min(100, Math.ceil(w.recency * 0.5 ** (days / RECENCY_HALF_LIFE_DAYS) + (inLastYear ? w.frequency + w.twoWay + w.depth : 0) + w.favors));
}

/** A tie at or above this is strong: cooling, it ranks first on Today. */
export const STRONG_TIE = 50;
