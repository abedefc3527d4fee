import { Button, Group, List, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconCalendarPlus, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../app/queryClient';
import { copyText } from '../../ui/clipboard';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useCalendarFeed, useNewCalendarLink, useTurnOffCalendarFeed } from './api';
import { ConfirmModal } from './ConfirmModal';

/** The secret iCalendar link: turn it on, copy it, replace it if it leaked, or turn it off. */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const newLink = useNewCalendarLink();
  const turnOff = useTurnOffCalendarFeed();
  const [confirm, setConfirm] = useState<'newLink' | 'turnOff' | null>(null);
  const url = feed.data?.url ?? null;

  const copy = async () => {
    if (!url) return;
    if (await copyText(url)) notifySuccess(t('imports.linkCopied'));
    else notifyError(new Error(t('imports.copyFailed')));
  };

  return (
    <SectionCard title={t('imports.calendarTitle')} hint={t('imports.calendarHint')} testId="calendar-feed">
      {feed.isPending && <Skeleton h={72} />}
      {feed.isError && <LoadError error={feed.error} onRetry={() => void feed.refetch()} />}
      {feed.isSuccess && !url && (
        <Stack gap="sm" align="flex-start">
          <Text size="sm">{t('imports.calendarOff')}</Text>
          <Button
            leftSection={<IconCalendarPlus size={18} aria-hidden />}
            loading={newLink.isPending}
            onClick={() => newLink.mutate(undefined, { onSuccess: () => notifySuccess(t('imports.feedOn')) })}
          >
            {t('imports.calendarCreate')}
          </Button>
        </Stack>
      )}
      {url && (
        <Stack gap="md">
          <Stack gap={6}>
            <Group gap="xs" align="flex-end">
              <TextInput
                label={t('imports.calendarUrl')}
                value={url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
                aria-describedby="calendar-feed-private"
                style={{ flex: '1 1 280px', minWidth: 0 }}
                styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 13 } }}
              />
              <Button variant="light" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => void copy()}>
                {t('imports.copyLink')}
              </Button>
            </Group>
            <Text size="xs" c="dimmed" id="calendar-feed-private">
              {t('imports.calendarPrivate')}
            </Text>
          </Stack>
          <Stack gap={6}>
            <Title order={3} size="h6">
              {t('imports.howTo')}
            </Title>
            <List size="sm" spacing={4}>
              <List.Item>{t('imports.howGoogle')}</List.Item>
              <List.Item>{t('imports.howApple')}</List.Item>
              <List.Item>{t('imports.howOutlook')}</List.Item>
            </List>
          </Stack>
          <Group gap="xs">
            <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={() => setConfirm('newLink')}>
              {t('imports.newLink')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setConfirm('turnOff')}>
              {t('imports.turnOff')}
            </Button>
          </Group>
        </Stack>
      )}
      <ConfirmModal
        opened={confirm === 'newLink'}
        onClose={() => setConfirm(null)}
        title={t('imports.newLinkTitle')}
        confirmLabel={t('imports.newLink')}
        loading={newLink.isPending}
        onConfirm={() =>
          newLink.mutate(undefined, {
            onSuccess: () => {
              setConfirm(null);
              notifySuccess(t('imports.newLinkDone'));
            },
          })
        }
      >
        <Text size="sm">{t('imports.newLinkBody')}</Text>
      </ConfirmModal>
      <ConfirmModal
        opened={confirm === 'turnOff'}
        onClose={() => setConfirm(null)}
        title={t('imports.turnOffTitle')}
        confirmLabel={t('imports.turnOff')}
        loading={turnOff.isPending}
        onConfirm={() =>
          turnOff.mutate(undefined, {
            onSuccess: () => {
              setConfirm(null);
              notifySuccess(t('imports.turnedOff'));
            },
          })
        }
      >
        <Text size="sm">{t('imports.turnOffBody')}</Text>
      </ConfirmModal>
    </SectionCard>
  );
}
