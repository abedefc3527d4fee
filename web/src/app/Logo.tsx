import { Group, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';

/** The app name with its mark: two concentric circles, the inner one warm. */
export function Logo({ size = 'lg' }: { size?: 'lg' | 'xl' }) {
  const { t } = useTranslation();
  const mark = size === 'xl' ? 34 : 26;
  return (
    <Group
      gap={8}
      wrap="nowrap"
      renderRoot={(props) => <Link to="/" {...props} />}
      style={{ textDecoration: 'none', color: 'inherit' }}
    >
      <svg width={mark} height={mark} viewBox="0 0 32 32" aria-hidden>
        <circle cx="16" cy="16" r="12" fill="none" stroke="var(--mantine-color-sage-7)" strokeWidth="4" />
        <circle cx="16" cy="16" r="4.5" fill="var(--mantine-color-coral-4)" />
      </svg>
      <Text fw={700} fz={size} c="sage.9" style={{ letterSpacing: '-0.01em' }}>
        {t('app.name')}
      </Text>
    </Group>
  );
}
