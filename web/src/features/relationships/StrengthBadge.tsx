import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TieStrength } from '@shared/schemas/index.js';
import { useStrengthWords } from './useStrengthWords';

/** Colour by band, so a list reads at a glance: strong, warm, weak, none. */
export function strengthColor(score: number): string {
  if (score >= 50) return 'sage';
  if (score >= 25) return 'blue';
  return 'gray';
}

/** The user's tie with a contact, 0–100; the words of why are its title and accessible description. */
export function StrengthBadge({ strength, ...props }: { strength: TieStrength } & Omit<BadgeProps, 'children'>) {
  const { t } = useTranslation();
  const words = useStrengthWords();
  return (
    <Badge color={strengthColor(strength.score)} variant="light" title={words(strength)} data-testid="strength-badge" {...props}>
      {t('strength.score', { score: strength.score })}
    </Badge>
  );
}
