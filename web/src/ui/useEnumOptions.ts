// Select options with translated labels for every fixed vocabulary.
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { channels, circles, contactKinds, directions, followupKinds, intents, languages, stages } from '@shared/enums.js';

export function useEnumOptions() {
  const { t, i18n } = useTranslation();
  return useMemo(
    () => ({
      circle: circles.map((value) => ({ value, label: t(`enums.circle.${value}`) })),
      kind: contactKinds.map((value) => ({ value, label: t(`enums.kind.${value}`) })),
      stage: stages.map((value) => ({ value, label: t(`enums.stage.${value}`) })),
      channel: channels.map((value) => ({ value, label: t(`enums.channel.${value}`) })),
      direction: directions.map((value) => ({ value, label: t(`enums.direction.${value}`) })),
      intent: intents.map((value) => ({ value, label: t(`enums.intent.${value}`), hint: t(`enums.intentHint.${value}`) })),
      followupKind: followupKinds.map((value) => ({ value, label: t(`enums.followupKind.${value}`) })),
      language: languages.map((value) => ({ value, label: t(`enums.language.${value}`) })),
    }),
    // i18n.language makes the labels follow a language switch even if `t` keeps its identity.
    [t, i18n.language],
  );
}
