// Topics to talk about with someone at an event (docs/domain.md#events: prepare): what we have in
// common first (the strongest reason to talk), then their interests and the communities they
// are active in. Offered as suggestions; the user keeps the ones they like as the attendee's topics.
import { normaliseWords, type CommonPoint, type CommonPointKind } from './common-points.js';

export const MAX_SUGGESTED_TOPICS = 8;

export interface SuggestedTopic {
  value: string;
  /** Where it comes from: a common point's kind, or `interest` / `community` of theirs. */
  kind: CommonPointKind;
  /** Something we share, not only something of theirs. */
  common: boolean;
}

const keyOf = (text: string) => normaliseWords(text).join(' ');

export function suggestTopics(
  contact: { interests: readonly string[]; communities: readonly string[] },
  commonPoints: readonly CommonPoint[],
  alreadyPlanned: readonly string[] = [],
  max = MAX_SUGGESTED_TOPICS,
): SuggestedTopic[] {
  const seen = new Set(alreadyPlanned.map(keyOf));
  const candidates: SuggestedTopic[] = [
    ...commonPoints.map((p) => ({ value: p.value, kind: p.kind, common: true })),
    ...contact.interests.map((value) => ({ value, kind: 'interest' as const, common: false })),
    ...contact.communities.map((value) => ({ value, kind: 'community' as const, common: false })),
  ];
  const topics: SuggestedTopic[] = [];
  for (const topic of candidates) {
    const key = keyOf(topic.value);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    topics.push(topic);
    if (topics.length === max) break;
  }
  return topics;
}
