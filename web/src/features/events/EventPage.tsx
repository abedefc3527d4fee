import { Anchor, Badge, Button, Grid, Group, SegmentedControl, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconClock, IconExternalLink, IconFileText, IconMapPin, IconPencil } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import type { EventDetail } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { NotFoundScreen } from '../../app/ErrorScreen';
import { LoadError } from '../../ui/LoadError';
import { useEvent } from './api';
import { AttendeesCard } from './AttendeesCard';
import { DeleteEventButton } from './DeleteEventButton';
import { EventFormModal } from './EventFormModal';
import { EventNotesCard } from './EventNotesCard';
import { EventKindIcon, eventKindColor } from './eventStyle';
import { MetTargetsCard } from './MetTargetsCard';
import { PitchCard } from './PitchCard';
import { QuickCaptureCard } from './QuickCaptureCard';
import { TalkingPointsCard } from './TalkingPointsCard';
import { isOver, useEventWhen } from './useEventWhen';
import { isSafeLink } from '@shared/schemas/contacts.js';

type Mode = 'before' | 'after';

/** One event, in two modes: Before (whom to meet, what to say) and After (whom I met, what next). */
export function EventPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useEvent(id);
  useDocumentTitle(event.data ? `${event.data.name} · Círculo` : 'Círculo');

  if (event.isError) {
    if (isApiError(event.error, 404) || isApiError(event.error, 400)) return <NotFoundScreen />;
    return <LoadError error={event.error} onRetry={() => void event.refetch()} />;
  }
  if (event.isPending) {
    return (
      <Stack aria-busy="true">
        <Skeleton h={70} />
        <Skeleton h={360} />
      </Stack>
    );
  }
  return (
    <>
      <Anchor component={Link} to={isOver(event.data) ? '/events?when=past' : '/events'} size="sm" c="dimmed">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('events.back')}
      </Anchor>
      <EventBody event={event.data} />
    </>
  );
}

function EventBody({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const requested = params.get('mode');
  const mode: Mode = requested === 'before' || requested === 'after' ? requested : isOver(event) ? 'after' : 'before';

  return (
    <>
      <EventHeader event={event} />
      <SegmentedControl
        value={mode}
        onChange={(v) => setParams({ mode: v }, { replace: true })}
        data={[
          { value: 'before', label: t('events.mode.before') },
          { value: 'after', label: t('events.mode.after') },
        ]}
        aria-label={t('events.mode.label')}
        mb="xs"
        w={{ base: '100%', xs: 360 }}
      />
      <Text size="sm" c="dimmed" mb="md">
        {mode === 'before' ? t('events.mode.beforeHint') : t('events.mode.afterHint')}
      </Text>
      {mode === 'before' ? (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <AttendeesCard event={event} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <PitchCard event={event} />
              <TalkingPointsCard event={event} />
            </Stack>
          </Grid.Col>
        </Grid>
      ) : (
        <Grid gutter="lg">
          <Grid.Col span={{ base: 12, md: 7 }}>
            <QuickCaptureCard event={event} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Stack gap="lg">
              <MetTargetsCard event={event} />
              <EventNotesCard event={event} />
            </Stack>
          </Grid.Col>
        </Grid>
      )}
    </>
  );
}

function EventHeader({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const when = useEventWhen();
  const [editing, setEditing] = useState(false);

  return (
    <Group justify="space-between" align="flex-end" mt="xs" mb="lg" gap="sm">
      <Stack gap={6} style={{ minWidth: 0 }}>
        <Group gap="xs" wrap="wrap">
          <Title order={1} size="h2">
            {event.name}
          </Title>
          <Badge variant="light" color={eventKindColor[event.kind]} leftSection={<EventKindIcon kind={event.kind} size={12} />}>
            {t(`events.kind.${event.kind}`)}
          </Badge>
        </Group>
        <Group gap="md" wrap="wrap">
          <Text size="sm" c="dimmed">
            <IconClock size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {when(event)}
          </Text>
          {event.place && (
            <Text size="sm" c="dimmed">
              <IconMapPin size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {event.place}
            </Text>
          )}
          {event.url && isSafeLink(event.url) && (
            <Anchor href={event.url} target="_blank" rel="noopener noreferrer" size="sm">
              <IconExternalLink size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('events.link')}
            </Anchor>
          )}
        </Group>
      </Stack>
      <Group gap="xs">
        <Button component={Link} to={`/events/${event.id}/briefing`} variant="light" leftSection={<IconFileText size={16} aria-hidden />}>
          {t('events.briefing.open')}
        </Button>
        <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
          {t('common.edit')}
        </Button>
        <DeleteEventButton event={event} />
      </Group>
      <EventFormModal opened={editing} onClose={() => setEditing(false)} event={event} />
    </Group>
  );
}
