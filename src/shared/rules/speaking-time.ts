// How long a pitch takes to say out loud (docs/domain.md#profile: "say it in 30 seconds"). People speak
// about 150 words a minute in a calm conversation; a word here is any run of letters or digits,
// so "e-commerce" or "3D" count as one or two words as a listener would hear them.

export const WORDS_PER_MINUTE = 150;
/** The length an elevator pitch should fit in. */
export const PITCH_TARGET_SECONDS = 30;

const WORD = /[\p{L}\p{N}]+(?:['’][\p{L}]+)?/gu;

export function countWords(text: string): number {
  return text.match(WORD)?.length ?? 0;
}

/** Whole seconds to say `text` (at least 1 when there is a word); 0 for no words. */
export function speakingSeconds(text: string, wordsPerMinute = WORDS_PER_MINUTE): number {
  const words = countWords(text);
  if (words === 0) return 0;
  return Math.max(1, Math.round((words * 60) / wordsPerMinute));
}
