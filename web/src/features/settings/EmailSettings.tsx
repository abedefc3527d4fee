import { Alert, Button, Group, Select, Skeleton, Stack, Switch, Text } from '@mantine/core';
import { IconMailForward } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { EmailSettings as Settings, EmailSettingsPatch } from '@shared/schemas/email.js';
import { errorMessage, notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useEmailSettings, useSendTestEmail, useUpdateEmailSettings } from './api';

const hours = Array.from({ length: 24 }, (_, hour) => ({ value: String(hour), label: `${String(hour).padStart(2, '0')}:00` }));

/** The daily digest and the weekly review by e-mail (README "E-mail"): on/off, the hour, a test. */
export function EmailSettings() {
  const { t } = useTranslation();
  const settings = useEmailSettings();
  return (
    <SectionCard title={t('emailSettings.title')} hint={t('emailSettings.hint')} testId="settings-email">
      {settings.isPending && <Skeleton h={120} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <EmailForm settings={settings.data} />}
    </SectionCard>
  );
}

function EmailForm({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const update = useUpdateEmailSettings();
  const test = useSendTestEmail();
  const save = (patch: EmailSettingsPatch) =>
    update.mutate(patch, { onSuccess: () => notifySuccess(t('emailSettings.saved')) });

  return (
    <Stack gap="md">
      {!settings.configured && (
        <Alert color="yellow" role="status">
          {t('emailSettings.notConfigured')}
        </Alert>
      )}
      <Switch
        label={t('emailSettings.daily')}
        description={t('emailSettings.dailyHint')}
        checked={settings.daily}
        onChange={(event) => save({ daily: event.currentTarget.checked })}
      />
      <Switch
        label={t('emailSettings.weekly')}
        description={t('emailSettings.weeklyHint')}
        checked={settings.weekly}
        onChange={(event) => save({ weekly: event.currentTarget.checked })}
      />
      <Select
        label={t('emailSettings.hour')}
        data={hours}
        value={String(settings.hour)}
        allowDeselect={false}
        w={160}
        onChange={(value) => value !== null && save({ hour: Number(value) })}
      />
      <Switch
        label={t('emailSettings.whenEmpty')}
        checked={settings.whenEmpty}
        disabled={!settings.daily}
        onChange={(event) => save({ whenEmpty: event.currentTarget.checked })}
      />
      <LastSend settings={settings} />
      <Group gap="sm">
        <Button
          variant="light"
          leftSection={<IconMailForward size={16} aria-hidden />}
          disabled={!settings.configured}
          loading={test.isPending}
          onClick={() => test.mutate()}
        >
          {t('emailSettings.test')}
        </Button>
      </Group>
      {test.data?.sent && (
        <Alert color="green" role="status">
          {t('emailSettings.testSent')}
        </Alert>
      )}
      {(test.data?.sent === false || test.isError) && (
        <Alert color="red" role="alert">
          {t('emailSettings.testFailed', { error: test.data?.error ?? errorMessage(test.error) })}
        </Alert>
      )}
    </Stack>
  );
}

function LastSend({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const last = settings.lastSend;
  if (!last) return <Text size="sm" c="dimmed">{t('emailSettings.lastNone')}</Text>;
  const values = { kind: t(`emailSettings.kind.${last.kind}`), date: format.date(last.localDate), at: format.dateTime(last.at), attempts: last.attempts, error: last.error ?? '' };
  if (last.status === 'failed') {
    return (
      <Text size="sm" c="red" data-testid="email-last-send">
        {t('emailSettings.last.failed', values)}{' '}
        {last.retryAt ? t('emailSettings.last.retry', { at: format.dateTime(last.retryAt) }) : t('emailSettings.last.noRetry')}
      </Text>
    );
  }
  const key = last.status === 'sending' ? (last.interrupted ? 'interrupted' : 'sending') : 'sent';
  return (
    <Text size="sm" c="dimmed" data-testid="email-last-send">
      {t(`emailSettings.last.${key}`, values)}
    </Text>
  );
}
