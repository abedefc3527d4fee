// Settings → Security: a screen of its own (linked from Settings) because enrolling two-factor
// is a step-by-step flow, too long to sit among the preferences.
import { Anchor, Stack } from '@mantine/core';
import { IconChevronLeft } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { PasswordChangeCard } from './PasswordChangeCard';
import { SessionsCard } from './SessionsCard';
import { TwoFactorCard } from './TwoFactorCard';

export function SecurityPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={860}>
      <Anchor component={Link} to="/settings" size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 4, alignSelf: 'flex-start' }}>
        <IconChevronLeft size={16} aria-hidden />
        {t('security.backToSettings')}
      </Anchor>
      <PageHeader title={t('security.title')} subtitle={t('security.subtitle')} />
      <PasswordChangeCard />
      <TwoFactorCard />
      <SessionsCard />
    </Stack>
  );
}
