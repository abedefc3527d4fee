// The contact filters live in the URL, so a filtered list survives reloads and the back button.
import { useCallback, useMemo, useRef } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { circles, contactKinds, stages, type Circle, type ContactKind, type Stage } from '@shared/enums.js';
import type { ContactFilters } from '../../api/queryKeys';
import { router } from '../../app/router';

const oneOf = <T extends string>(values: readonly T[], value: string | null): T | undefined =>
  values.includes(value as T) ? (value as T) : undefined;

export function useContactFilters() {
  const [params, setParams] = useSearchParams();

  const filters: ContactFilters = useMemo(
    () => ({
      q: params.get('q') || undefined,
      circle: oneOf<Circle>(circles, params.get('circle')),
      kind: oneOf<ContactKind>(contactKinds, params.get('kind')),
      tag: params.get('tag') || undefined,
      stage: oneOf<Stage>(stages, params.get('stage')),
      due: params.get('due') === 'true' || undefined,
    }),
    [params],
  );

  // setParams changes identity with every URL change and its `prev` can lag behind quick
  // successive updates (a debounced search landing after a filter click); start from the
  // live URL instead, through a stable callback.
  const setParamsRef = useRef(setParams);
  setParamsRef.current = setParams;
  // A search typed a moment before clicking a contact lands after the click (it is debounced).
  // Applied then, it would replace the navigation to the contact's page, still loading its code,
  // with one back to the list: a filter only applies while the user stays on the list. The
  // router's live state is read, not useNavigation(): React hears of a navigation in a
  // transition, which a busy machine renders late, and the search could land in between.
  const listPath = useLocation().pathname;
  const setFilter = useCallback(
    (key: keyof ContactFilters, value: string | boolean | null | undefined) => {
      const pending = router.state.navigation;
      if (pending.state !== 'idle' && pending.location?.pathname !== listPath) return;
      if (window.location.pathname !== listPath) return;
      const next = new URLSearchParams(window.location.search);
      if (value === null || value === undefined || value === '' || value === false) next.delete(key);
      else next.set(key, String(value));
      if (next.toString() !== new URLSearchParams(window.location.search).toString()) {
        setParamsRef.current(next, { replace: true });
      }
    },
    [listPath],
  );

  const clear = useCallback(() => setParamsRef.current(new URLSearchParams(), { replace: true }), []);
  const active = Object.values(filters).some((v) => v !== undefined);

  return { filters, setFilter, clear, active };
}
