import { Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowsExchange, IconShieldLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../auth/session';
import { UsersSettings } from '../users/UsersSettings';
import { SectionCard } from '../../ui/SectionCard';
import { ApiTokens } from './ApiTokens';
import { CadenceSettings } from './CadenceSettings';
import { EmailSettings } from './EmailSettings';
import { FollowupDelaySettings } from './FollowupDelaySettings';
import { PhoneSync } from './PhoneSync';
import { PitchSettings } from './PitchSettings';
import { ProfileSettings } from './ProfileSettings';

/** Import and export, and Security, have screens of their own; Users is for the owner only. */
export function SettingsPage() {
  const { t } = useTranslation();
  const isOwner = useMe().data?.user.isOwner ?? false;
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('settings.title')} />
      <ProfileSettings />
      <PitchSettings />
      <CadenceSettings />
      <FollowupDelaySettings />
      <EmailSettings />
      <SectionCard title={t('security.title')}>
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>
            {t('security.settingsLink')}
          </Text>
          <Button component={Link} to="/settings/security" variant="light" leftSection={<IconShieldLock size={16} aria-hidden />}>
            {t('security.settingsOpen')}
          </Button>
        </Group>
      </SectionCard>
      {isOwner && <UsersSettings />}
      <PhoneSync />
      <ApiTokens />
      <SectionCard title={t('imports.title')}>
        <Group justify="space-between" gap="sm">
          <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>
            {t('imports.settingsLink')}
          </Text>
          <Button component={Link} to="/import" variant="light" leftSection={<IconArrowsExchange size={16} aria-hidden />}>
            {t('imports.settingsOpen')}
          </Button>
        </Group>
      </SectionCard>
    </Stack>
  );
}
