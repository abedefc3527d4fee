// Select options with translated labels for the favor vocabularies.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { efforts, favorDirections, favorKinds, loopStatuses } from '@shared/enums.js';

export function useFavorOptions() {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      direction: favorDirections.map((value) => ({ value, label: t(`favors.${value}`) })),
      kind: favorKinds.map((value) => ({ value, label: t(`enums.favorKind.${value}`) })),
      effort: efforts.map((value) => ({ value, label: t(`enums.effort.${value}`), hint: t(`favors.effortHint.${value}`) })),
      loopStatus: loopStatuses.map((value) => ({ value, label: t(`enums.loopStatus.${value}`) })),
    }),
    // i18n.language makes the labels follow a language switch even if `t` keeps its identity.
    [t, i18n.language],
  );
}
