import { Alert, Button, Group, List, Skeleton, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertTriangle, IconCalendarPlus, IconCopy, IconRefresh } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifyError, notifySuccess } from '../../app/queryClient';
import { copyText } from '../../ui/clipboard';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useCalendarFeed, useNewCalendarLink, useTurnOffCalendarFeed } from './api';
import { ConfirmModal } from '../../ui/ConfirmModal';

/**
 * The secret iCalendar link: turn it on, copy it, replace it if it leaked, or turn it off. The
 * server keeps only a hash of the secret, so the link is shown once, right after it is made
 * (kept here in the mutation's answer, not in the feed query a refetch would clear).
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const feed = useCalendarFeed();
  const newLink = useNewCalendarLink();
  const turnOff = useTurnOffCalendarFeed();
  const [confirm, setConfirm] = useState<'newLink' | 'turnOff' | null>(null);
  const url = newLink.data?.url ?? null;
  const on = feed.data?.enabled === true || url !== null;

  const copy = async () => {
    if (!url) return;
    if (await copyText(url)) notifySuccess(t('imports.linkCopied'));
    else notifyError(new Error(t('imports.copyFailed')));
  };

  return (
    <SectionCard title={t('imports.calendarTitle')} hint={t('imports.calendarHint')} testId="calendar-feed">
      {feed.isPending && <Skeleton h={72} />}
      {feed.isError && <LoadError error={feed.error} onRetry={() => void feed.refetch()} />}
      {feed.isSuccess && !on && (
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
      {on && !url && (
        <Stack gap="sm" align="flex-start">
          <Text size="sm" data-testid="calendar-feed-hidden">
            {t('imports.calendarOnHidden')}
          </Text>
          <FeedButtons onNewLink={() => setConfirm('newLink')} onTurnOff={() => setConfirm('turnOff')} />
        </Stack>
      )}
      {url && (
        <Stack gap="md">
          <Alert color="yellow" variant="light" icon={<IconAlertTriangle size={18} aria-hidden />} p="sm">
            <Text size="sm">{t('imports.calendarOnce')}</Text>
          </Alert>
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
          <FeedButtons onNewLink={() => setConfirm('newLink')} onTurnOff={() => setConfirm('turnOff')} />
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
              newLink.reset();
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

function FeedButtons({ onNewLink, onTurnOff }: { onNewLink: () => void; onTurnOff: () => void }) {
  const { t } = useTranslation();
  return (
    <Group gap="xs">
      <Button variant="default" leftSection={<IconRefresh size={16} aria-hidden />} onClick={onNewLink}>
        {t('imports.newLink')}
      </Button>
      <Button variant="subtle" color="red" onClick={onTurnOff}>
        {t('imports.turnOff')}
      </Button>
    </Group>
  );
}
