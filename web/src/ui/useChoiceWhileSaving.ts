import { useRef, useState } from 'react';

/**
 * The value a user just picked on a radio, checkbox or switch, shown at once while it is saved.
 * Bound straight to the query cache (or a mutation's `variables`), the control would flick back:
 * TanStack Query tells React about the mutation one task after the click, and React first restores
 * the input's old state. Forgotten when the latest save settles; a failure is reported by the query
 * client and the control shows the server's value again.
 */
export function useChoiceWhileSaving<T>() {
  const [choice, setChoice] = useState<{ value: T } | null>(null);
  const latest = useRef(0);
  return {
    shown: (saved: T): T => (choice ? choice.value : saved),
    choose: (value: T, save: (value: T) => Promise<unknown>) => {
      const turn = ++latest.current;
      setChoice({ value });
      save(value)
        .catch(() => {})
        .finally(() => {
          if (turn === latest.current) setChoice(null);
        });
    },
  };
}
