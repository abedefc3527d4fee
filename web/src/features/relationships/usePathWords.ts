import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { IntroPath } from '@shared/schemas/index.js';

/**
 * Why an introduction path scores as it does ("your tie with Ana: 71/100; Ana knows Bruno
 * (colleague)"), in the language on screen, from the path's own steps. The server's `why` is in
 * the profile's language, which the language menu does not change (like useStrengthWords).
 */
export function usePathWords() {
  const { t } = useTranslation();
  return useCallback(
    (path: IntroPath): string => {
      const first = path.via[0];
      if (!first) return path.why;
      const opening = t('intros.why.opening', { name: first.displayName, score: first.strength.score });
      const links = path.via.map((step, i) => {
        const to = path.via[i + 1]?.displayName ?? path.target.displayName;
        const evidence = [
          ...(step.tie.kind ? [t(`intros.why.kind.${step.tie.kind}`)] : []),
          ...step.tie.sources.filter((source) => source !== 'explicit').map((source) => t(`intros.why.source.${source}`)),
        ].join(', ');
        return t('intros.why.knows', { from: step.displayName, to, evidence });
      });
      return [opening, ...links].join('; ');
    },
    [t],
  );
}
