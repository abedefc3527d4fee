import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { TieStrength } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';

/**
 * The "why" of a tie's strength in the language on screen, from the structured reasons (the
 * server's `why` is in the profile's language, which the language menu does not change).
 */
export function useStrengthWords() {
  const { t } = useTranslation();
  const format = useFormatters();
  return useCallback(
    (strength: TieStrength): string => {
      if (!strength.reasons) return strength.why;
      return strength.reasons
        .map((r) => {
          switch (r.kind) {
            case 'lastTouch':
              return t(`strength.reason.lastTouch.${r.depth}`, { ago: format.relativeDays(-r.days) });
            case 'neverTouched':
              return t('strength.reason.neverTouched');
            case 'touches':
              return t('strength.reason.touches', { count: r.count });
            case 'twoWay':
              return t('strength.reason.twoWay', { share: format.percent(r.inboundShare) });
            case 'oneWay':
              return t('strength.reason.oneWay');
            case 'helpedYou':
              return t('strength.reason.helpedYou', { count: r.count });
            case 'youHelped':
              return t('strength.reason.youHelped', { count: r.count });
          }
        })
        .join('; ');
    },
    [t, format],
  );
}
