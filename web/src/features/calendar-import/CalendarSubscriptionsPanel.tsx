import { Badge, Button, Group, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconCalendarEvent, IconPlus, IconRefresh, IconTrash } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CalendarSubscription } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifyError, notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ListRow, RowList } from '../../ui/ListRow';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useAddCalendarSubscription, useCalendarSubscriptions, useFetchCalendarSubscription, useRemoveCalendarSubscription } from './api';

const errorCodes = ['bad_url', 'private_address', 'http_status', 'too_large', 'timeout', 'network', 'too_many_redirects', 'malformed', 'wrong_format'] as const;
type ErrorCode = (typeof errorCodes)[number] | 'other';
const errorCodeOf = (code: string | null | undefined): ErrorCode => errorCodes.find((c) => c === code) ?? 'other';

/**
 * Secret iCal addresses Círculo fetches every hour: add one (fetched at once), see how the last
 * fetch went, fetch now, remove. The address is never shown back, only its host.
 */
export function CalendarSubscriptionsPanel() {
  const { t } = useTranslation();
  const subscriptions = useCalendarSubscriptions();
  const add = useAddCalendarSubscription();
  const fetchNow = useFetchCalendarSubscription();
  const [name, setName] = useState('');
  const [url, setUrl] = useState('');
  const [errors, setErrors] = useState<{ name?: string; url?: string }>({});

  const fetchAndTell = (subscription: CalendarSubscription) =>
    fetchNow.mutate(subscription.id, {
      onSuccess: ({ subscription: after }) => {
        if (after.lastStatus === 'ok' && after.lastCounts) notifySuccess(t('calendarImport.fetchDone', { name: after.name, ...after.lastCounts, count: after.lastCounts.created }));
        else notifyError(new Error(`${t('calendarImport.fetchFailed', { name: after.name })}: ${t(`calendarImport.errors.${errorCodeOf(after.lastErrorCode)}`)}`));
      },
    });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next = { ...(name.trim() ? {} : { name: t('errors.required') }), ...(url.trim() ? {} : { url: t('errors.required') }) };
    setErrors(next);
    if (next.name || next.url) return;
    add.mutate(
      { name: name.trim(), url: url.trim() },
      {
        onSuccess: (subscription) => {
          setName('');
          setUrl('');
          notifySuccess(t('calendarImport.added'));
          fetchAndTell(subscription);
        },
        onError: (failure) => {
          const refused = isApiError(failure) ? failure.problem?.errors?.find((e) => e.field === 'url') : undefined;
          if (refused) setErrors({ url: t(`calendarImport.errors.${errorCodeOf(refused.code === 'invalid_format' ? 'bad_url' : refused.code)}`) });
          else if (isApiError(failure) && failure.fieldErrors.name) setErrors({ name: failure.fieldErrors.name });
          else notifyError(failure);
        },
      },
    );
  };

  return (
    <SectionCard title={t('calendarImport.subscriptionsTitle')} hint={t('calendarImport.subscriptionsHint')} testId="calendar-subscriptions">
      <Stack gap="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap='sm'>
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing='sm'>
              <TextInput
                label={t('calendarImport.name')}
                placeholder={t('calendarImport.namePlaceholder')}
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setErrors((old) => ({ ...old, name: undefined }));
                }}
                error={errors.name}
                maxLength={100}
              />
              <TextInput
                label={t('calendarImport.url')}
                placeholder={t('calendarImport.urlPlaceholder')}
                value={url}
                onChange={(e) => {
                  setUrl(e.currentTarget.value);
                  setErrors((old) => ({ ...old, url: undefined }));
                }}
                error={errors.url}
                type="url"
                autoComplete="off"
                spellCheck={false}
                maxLength={2000}
                style={{ gridColumn: 'span 2' }}
                aria-describedby="calendar-subscription-secret"
              />
            </SimpleGrid>
            <Group justify="space-between" gap='sm'>
              <Text size="xs" c="dimmed" id="calendar-subscription-secret" style={{ flex: '1 1 240px' }}>
                {t('calendarImport.secretNote')}
              </Text>
              <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={add.isPending}>
                {t('calendarImport.add')}
              </Button>
            </Group>
          </Stack>
        </form>
        {subscriptions.isPending && <Skeleton h={48} />}
        {subscriptions.isError && <LoadError error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />}
        {subscriptions.data?.length === 0 && (
          <Text size='sm' c="dimmed">
            {t('calendarImport.none')}
          </Text>
        )}
        {subscriptions.data && subscriptions.data.length > 0 && (
          <RowList label={t('calendarImport.list')}>
            {subscriptions.data.map((subscription) => (
              <SubscriptionRow
                key={subscription.id}
                subscription={subscription}
                fetching={fetchNow.isPending && fetchNow.variables === subscription.id}
                onFetch={() => fetchAndTell(subscription)}
              />
            ))}
          </RowList>
        )}
      </Stack>
    </SectionCard>
  );
}

function SubscriptionRow({ subscription, fetching, onFetch }: { subscription: CalendarSubscription; fetching: boolean; onFetch: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const remove = useRemoveCalendarSubscription();
  const [confirming, setConfirming] = useState(false);
  const failed = subscription.lastStatus === 'failed';
  const when = subscription.lastFetchedAt ? format.dateTime(subscription.lastFetchedAt) : null;
  // A function, not a component: a component made in render would remount (and lose focus) each time.
  const actions = (props: { visibleFrom?: 'sm'; hiddenFrom?: 'sm' }) => (
    <Group gap={4} wrap="nowrap" {...props}>
      <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} loading={fetching} onClick={onFetch} aria-label={t('calendarImport.fetchNowFor', { name: subscription.name })}>
        {t('calendarImport.fetchNow')}
      </Button>
      <Button size="xs" variant="subtle" color="red" onClick={() => setConfirming(true)} aria-label={t('calendarImport.removeFor', { name: subscription.name })}>
        <IconTrash size={16} aria-hidden />
      </Button>
    </Group>
  );
  return (
    <ListRow
      label={subscription.name}
      icon={<IconCalendarEvent size={16} />}
      iconColor={failed ? 'red' : 'blue'}
      testId="calendar-subscription"
      title={
        <>
          <Text fw={600} truncate>
            {subscription.name}
          </Text>
          {subscription.lastStatus && (
            <Badge size='sm' variant="light" color={failed ? 'red' : 'green'}>
              {failed ? t('calendarImport.statusFailed') : t('calendarImport.statusOk')}
            </Badge>
          )}
        </>
      }
      // On a phone the buttons go under the text, which needs the row's width.
      action={actions({ visibleFrom: 'sm' })}
    >
      <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {subscription.urlHint} · {when ? t(failed ? 'calendarImport.fetchedFailed' : 'calendarImport.fetchedOk', { date: when }) : t('calendarImport.neverFetched')}
      </Text>
      {failed && (
        <Text size="xs" c="red" title={subscription.lastError ?? undefined}>
          {t(`calendarImport.errors.${errorCodeOf(subscription.lastErrorCode)}`)}
        </Text>
      )}
      {!failed && subscription.lastCounts && (
        <Text size="xs" c="dimmed">
          {t('calendarImport.counts', { ...subscription.lastCounts, count: subscription.lastCounts.created })}
        </Text>
      )}
      {actions({ hiddenFrom: 'sm' })}
      <ConfirmModal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('calendarImport.removeTitle')}
        confirmLabel={t('calendarImport.remove')}
        loading={remove.isPending}
        onConfirm={() =>
          remove.mutate(subscription.id, {
            onSuccess: () => {
              setConfirming(false);
              notifySuccess(t('calendarImport.removed'));
            },
          })
        }
      >
        <Text size='sm'>{t('calendarImport.removeBody', { name: subscription.name })}</Text>
      </ConfirmModal>
    </ListRow>
  );
}
