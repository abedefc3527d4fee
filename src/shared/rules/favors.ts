// The give-and-take ledger (docs/domain.md#favors-and-the-loop): closing the loop on a received favor,
// thanking in proportion to the effort, and the balance of what was given and received.
import type { Effort, FavorDirection, LoopStatus } from '../enums.js';
import { addDays, daysBetween } from './time.js';

export interface LoopFacts {
  direction: FavorDirection;
  thankedOn: string | null;
  outcomeReportedOn: string | null;
  outcomeNotApplicable: boolean;
}

/**
 * A received favor's loop: `open` until thanked, `thanked` until the outcome is reported (or
 * marked not applicable), then `closed`. A given favor has no loop of ours to close: it is
 * `closed` from the start (whether they reported back is tracked separately).
 */
export function loopStatus(favor: LoopFacts): LoopStatus {
  if (favor.direction === 'given') return 'closed';
  if (!favor.thankedOn) return 'open';
  return favor.outcomeReportedOn || favor.outcomeNotApplicable ? 'closed' : 'thanked';
}

export type Gesture = 'short_note' | 'message_and_offer' | 'card_or_gift';
export const GIFT_IDEAS = ['flowers', 'restaurant_voucher', 'treats_basket', 'book', 'handwritten_card'] as const;
export type GiftIdea = (typeof GIFT_IDEAS)[number];

export interface SuggestedGesture {
  gesture: Gesture;
  /** Ideas for a large favor; empty otherwise. */
  giftIdeas: GiftIdea[];
}

/** Thank in proportion to the effort: a note for a coffee, a card or a gift for a reference. */
export function suggestedGesture(effort: Effort): SuggestedGesture {
  switch (effort) {
    case 'small':
      return { gesture: 'short_note', giftIdeas: [] };
    case 'medium':
      return { gesture: 'message_and_offer', giftIdeas: [] };
    case 'large':
      return { gesture: 'card_or_gift', giftIdeas: [...GIFT_IDEAS] };
  }
}

export interface DatedFavor {
  direction: FavorDirection;
  occurredOn: string;
}

export interface Balance {
  given: number;
  received: number;
}

/** The reciprocity window: "the last 12 months" is the 365 days up to and including today. */
export const RECIPROCITY_DAYS = 365;

/** Favors given and received in the 12 months up to and including `today`. */
export function reciprocity(favors: readonly DatedFavor[], today: string): Balance {
  const from = addDays(today, -RECIPROCITY_DAYS);
  const recent = favors.filter((f) => f.occurredOn > from && f.occurredOn <= today);
  return {
    given: recent.filter((f) => f.direction === 'given').length,
    received: recent.filter((f) => f.direction === 'received').length,
  };
}

/** Helped you at least twice in the last 12 months with nothing given back: time to give. */
export function shouldSuggestGive(balance: Balance): boolean {
  return balance.received >= 2 && balance.given === 0;
}

export const NO_NEWS_AFTER_DAYS = 30;

/** A favor you gave that the other person never reported back on, 30 days or more later. */
export function givenWithoutNews(favor: { direction: FavorDirection; occurredOn: string; outcomeReportedOn: string | null }, today: string): boolean {
  return favor.direction === 'given' && !favor.outcomeReportedOn && daysBetween(favor.occurredOn, today) >= NO_NEWS_AFTER_DAYS;
}
