// docs/domain.md#relationships-not-connections: a contact is not yet a relationship. An imported
// connection nobody ever engaged with (no touch, no cadence set by hand, no campaign, no event)
// is not nagged about on Today; a few of them are offered instead, to bring to a handshake. And
// among those due, a cooling strong tie comes first.
import type { ContactSource, Stage } from '../enums.js';
import { stageCloseness } from './cadence.js';
import { STRONG_TIE } from './tie-strength.js';

/** Sources that bring contacts in bulk, without the user choosing each one. */
export const IMPORTED_SOURCES: readonly ContactSource[] = ['linkedin', 'vcard', 'csv'];

export interface EngagementSubject {
  source: ContactSource;
  lastInteractionAt: Date | string | null;
  /** Set by hand (null: the circle's default). */
  cadenceDays: number | null;
  inCampaign: boolean;
  atEvent: boolean;
}

/** Whether the user has engaged with the contact, so keeping in touch with them is asked for. */
export function isEngaged(c: EngagementSubject): boolean {
  return !IMPORTED_SOURCES.includes(c.source) || c.lastInteractionAt !== null || c.cadenceDays !== null || c.inCampaign || c.atEvent;
}

export type KeepInTouchWhy = 'strong_tie_cooling' | 'overdue';

/**
 * Today's keep-in-touch order: strong ties (STRONG_TIE and above) first, each group in the order
 * it came (rankStoredKeepInTouch: the most overdue for its cadence first).
 */
export function strongTiesFirst<T>(ranked: readonly T[], scoreOf: (item: T) => number): Array<T & { why: KeepInTouchWhy }> {
  const strong = ranked.filter((r) => scoreOf(r) >= STRONG_TIE).map((r) => ({ ...r, why: 'strong_tie_cooling' as const }));
  const rest = ranked.filter((r) => scoreOf(r) < STRONG_TIE).map((r) => ({ ...r, why: 'overdue' as const }));
  return [...strong, ...rest];
}

export interface ConnectionCandidate {
  /** The sum of the common points' strengths (common-points.ts). */
  commonPointsStrength: number;
  stage: Stage;
  displayName: string;
}

/** How many unengaged connections Today offers to turn into relationships. */
export const CONNECTIONS_OFFERED = 3;

/**
 * The connections worth a handshake: those with the most in common with the user, then the
 * furthest along (a connection already in conversation beats a new one); never one with nothing
 * in common and still `new`.
 */
export function connectionsToEngage<T extends ConnectionCandidate>(candidates: readonly T[], n = CONNECTIONS_OFFERED): T[] {
  return candidates
    .filter((c) => c.commonPointsStrength > 0 || stageCloseness(c.stage) > 0)
    .sort(
      (a, b) =>
        b.commonPointsStrength - a.commonPointsStrength ||
        stageCloseness(b.stage) - stageCloseness(a.stage) ||
        a.displayName.localeCompare(b.displayName, 'es'),
    )
    .slice(0, n);
}
