// Translated names for template placeholders, grouped the way a writer thinks of them.
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { PLACEHOLDERS, type Placeholder } from '@shared/rules/templates.js';

export const placeholderGroups: { key: 'groupThem' | 'groupMoment' | 'groupMe'; items: Placeholder[] }[] = [
  { key: 'groupThem', items: ['firstName', 'lastName', 'fullName', 'company', 'title', 'commonPoints', 'introducedBy', 'howMet'] },
  { key: 'groupMoment', items: ['eventName', 'favor', 'outcome', 'target', 'reason'] },
  { key: 'groupMe', items: ['myName', 'myFirstName', 'myPitch', 'myPitchLong', 'myGoals'] },
];

export const isPlaceholder = (name: string): name is Placeholder => (PLACEHOLDERS as readonly string[]).includes(name);

/** "First name" for `firstName`; an unknown name is shown as written. */
export function usePlaceholderLabel() {
  const { t } = useTranslation();
  return useCallback(
    (name: string) => (isPlaceholder(name) ? t(`templates.placeholder.${name}.label`) : `{{${name}}}`),
    [t],
  );
}
