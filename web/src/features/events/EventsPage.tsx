import { Button, Center, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconCalendarPlus, IconHistory, IconPlus, IconTicket } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { useEvents, type EventWhen } from './api';
import { EventFormModal } from './EventFormModal';
import { EventRow } from './EventRow';

/** Events to prepare (upcoming, soonest first) and to follow up (past, newest first). */
export function EventsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const when: EventWhen = params.get('when') === 'past' ? 'past' : 'upcoming';
  const [creating, setCreating] = useState(false);

  return (
    <>
      <PageHeader
        title={t('events.title')}
        subtitle={t('events.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setCreating(true)}>
            {t('events.new')}
          </Button>
        }
      />
      <Tabs value={when} onChange={(v) => setParams(v === 'past' ? { when: 'past' } : {}, { replace: true })} keepMounted={false} maw={760}>
        <Tabs.List mb="md">
          <Tabs.Tab value="upcoming" leftSection={<IconTicket size={16} aria-hidden />}>
            {t('events.upcoming')}
          </Tabs.Tab>
          <Tabs.Tab value="past" leftSection={<IconHistory size={16} aria-hidden />}>
            {t('events.past')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="upcoming">
          <EventList when="upcoming" onCreate={() => setCreating(true)} />
        </Tabs.Panel>
        <Tabs.Panel value="past">
          <EventList when="past" onCreate={() => setCreating(true)} />
        </Tabs.Panel>
      </Tabs>
      <EventFormModal opened={creating} onClose={() => setCreating(false)} />
    </>
  );
}

function EventList({ when, onCreate }: { when: EventWhen; onCreate: () => void }) {
  const { t } = useTranslation();
  const list = useEvents(when);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton h={76} />
        <Skeleton h={76} />
      </Stack>
    );
  }
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (items.length === 0) {
    return (
      <EmptyState
        icon={when === 'upcoming' ? <IconCalendarPlus size={26} aria-hidden /> : <IconHistory size={26} aria-hidden />}
        title={when === 'upcoming' ? t('events.emptyUpcomingTitle') : t('events.emptyPastTitle')}
        action={
          <Button variant="light" mt="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={onCreate}>
            {t('events.new')}
          </Button>
        }
      >
        {when === 'upcoming' ? t('events.emptyUpcoming') : t('events.emptyPast')}
      </EmptyState>
    );
  }
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t(`events.${when}`)}>
        {items.map((event) => (
          <EventRow key={event.id} event={event} />
        ))}
      </Stack>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
