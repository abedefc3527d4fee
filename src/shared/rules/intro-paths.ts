// docs/domain.md#warm-introductions: who can introduce the user to someone. A path is the user →
// up to two people → the target. Its score favours a strong tie from the user to the first person
// (tie-strength.ts) and strong, recent, real ties along the way; a same-company tie alone is weak
// evidence. Pure: the server loads the ties and strengths, this decides.
import type { RelationshipKind, TieSource } from '../enums.js';

/** How much one kind of evidence says two people know each other, 0–1. */
const KIND_WEIGHT: Record<RelationshipKind, number> = {
  partner: 0.95,
  family: 0.9,
  friend: 0.85,
  colleague: 0.65,
  former_colleague: 0.55,
  classmate: 0.5,
  introduced: 0.45,
  other: 0.4,
};
export const SAME_COMPANY_WEIGHT = 0.15;
/**
 * Touches with both people count up to this many; past it only how recent the last one was
 * matters. The server relies on it to read a person's best shared-touch ties from an index
 * (derived-ties.ts: at equal count, or past this one, the newest weighs most).
 */
export const SHARED_TOUCHES_COUNTED = 5;
const DAY_MS = 86_400_000;

export interface TieEvidence {
  source: Exclude<TieSource, 'explicit'>;
  count: number;
  lastAt: Date | null;
}

export interface TieBetween {
  explicitKind: RelationshipKind | null;
  derived: readonly TieEvidence[];
}

function derivedWeight(e: TieEvidence, now: Date): number {
  switch (e.source) {
    case 'introduced_by':
    case 'referral':
      return 0.6;
    case 'introduction_favor':
      return 0.55;
    case 'shared_touch': {
      // Seen together recently and often: strong; once, years ago: little.
      const days = e.lastAt ? Math.max(0, (now.getTime() - e.lastAt.getTime()) / DAY_MS) : 3650;
      return (0.35 + 0.1 * Math.min(SHARED_TOUCHES_COUNTED, e.count)) * Math.max(0.3, 0.5 ** (days / 365));
    }
    case 'same_event':
      return Math.min(0.45, 0.25 + 0.05 * e.count);
    case 'same_company':
      return SAME_COMPANY_WEIGHT;
  }
}

/** No tie is certain: the most tieWeight() gives. */
export const MAX_TIE_WEIGHT = 0.95;

/** How likely these two really know each other, 0–1: each piece of evidence adds (noisy-or). */
export function tieWeight(tie: TieBetween, now: Date): number {
  const weights = [...(tie.explicitKind ? [KIND_WEIGHT[tie.explicitKind]] : []), ...tie.derived.map((e) => derivedWeight(e, now))];
  const none = weights.reduce((p, w) => p * (1 - w), 1);
  return Math.min(MAX_TIE_WEIGHT, 1 - none);
}

/** True when the only evidence is working at the same company. */
export function onlySameCompany(tie: TieBetween): boolean {
  return !tie.explicitKind && tie.derived.length > 0 && tie.derived.every((e) => e.source === 'same_company');
}

/** Each person more between the user and the target costs this share of the score. */
export const EXTRA_HOP_FACTOR = 0.6;

/**
 * A path's score, 0–100: the user's tie strength with the first person (0–100), times the weight
 * of each tie on the way to the target, less for each extra person.
 */
export function pathScore(firstStrength: number, tieWeights: readonly number[]): number {
  const product = tieWeights.reduce((p, w) => p * w, 1);
  return Math.round(firstStrength * product * EXTRA_HOP_FACTOR ** Math.max(0, tieWeights.length - 1));
}

export interface ScoredPath {
  score: number;
  /** The people between, first the one the user asks. */
  via: readonly { displayName: string }[];
}

/** Best first; on a tie fewer people between, then by the first person's name. */
export function rankPaths<T extends ScoredPath>(paths: readonly T[]): T[] {
  return [...paths].sort(
    (a, b) => b.score - a.score || a.via.length - b.via.length || (a.via[0]?.displayName ?? '').localeCompare(b.via[0]?.displayName ?? '', 'es'),
  );
}

/**
 * The user's strength with the person they would ask, as a path counts it: someone the user once
 * talked to, whose tie has faded to 0, is still a (weak, cold) way in; someone never talked to is not.
 */
export const FADED_TIE_FLOOR = 5;
export function askableStrength(score: number, everTouched: boolean): number {
  return everTouched ? Math.max(score, FADED_TIE_FLOOR) : score;
}

/** No touch with the introducer for this long: cold, warm it up before asking. */
export const COLD_AFTER_DAYS = 730;

export type IntroducerFlag = 'give_before_you_ask' | 'cold';

export function introducerFlags(introducer: { askOnly: boolean; lastTouchAt: Date | null }, now: Date): IntroducerFlag[] {
  const flags: IntroducerFlag[] = [];
  if (introducer.askOnly) flags.push('give_before_you_ask');
  if (!introducer.lastTouchAt || now.getTime() - introducer.lastTouchAt.getTime() > COLD_AFTER_DAYS * DAY_MS) flags.push('cold');
  return flags;
}
