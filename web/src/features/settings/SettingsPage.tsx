import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { ApiTokens } from './ApiTokens';
import { CadenceSettings } from './CadenceSettings';
import { FollowupDelaySettings } from './FollowupDelaySettings';
import { PitchSettings } from './PitchSettings';
import { ProfileSettings } from './ProfileSettings';

/** Users, import/export and more join these sections later. */
export function SettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={860}>
      <PageHeader title={t('settings.title')} />
      <ProfileSettings />
      <PitchSettings />
      <CadenceSettings />
      <FollowupDelaySettings />
      <ApiTokens />
    </Stack>
  );
}
