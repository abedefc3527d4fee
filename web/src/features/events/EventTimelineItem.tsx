import { Anchor, Badge, Group, Text, ThemeIcon, Timeline, type TimelineItemProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventAppearance } from '@shared/schemas/index.js';
import { EventKindIcon, eventKindColor } from './eventStyle';
import { useEventWhen } from './useEventWhen';

// Timeline clones its direct children with layout props (__align, __active…); pass them on.
type ItemLayoutProps = Omit<TimelineItemProps, 'title' | 'bullet' | 'children'>;

/** An event in a contact's history: where I first met them, or one they were on my list for. */
export function EventTimelineItem({ event, ...layout }: { event: EventAppearance } & ItemLayoutProps) {
  const { t } = useTranslation();
  const when = useEventWhen();
  const status = event.metHere
    ? { color: 'coral', label: t('events.timeline.metHere') }
    : event.met
      ? { color: 'sage', label: t('events.timeline.met') }
      : event.target
        ? { color: 'orange', label: t('events.timeline.target') }
        : event.attendee
          ? { color: 'gray', label: t('events.timeline.attendee') }
          : null;

  return (
    <Timeline.Item
      {...layout}
      bullet={
        <ThemeIcon size={30} radius="xl" variant="light" color={eventKindColor[event.kind]}>
          <EventKindIcon kind={event.kind} size={16} />
        </ThemeIcon>
      }
      title={
        <Anchor component={Link} to={`/events/${event.id}`} fw={600} c="dark.7" inherit>
          {event.name}
        </Anchor>
      }
      data-testid="timeline-event"
    >
      <Group gap={6} mt={4} wrap="wrap">
        {status && (
          <Badge color={status.color} size="sm" variant="light">
            {status.label}
          </Badge>
        )}
        <Text size="xs" c="dimmed">
          {[t(`events.kind.${event.kind}`), when(event), event.place].filter(Boolean).join(' · ')}
        </Text>
      </Group>
    </Timeline.Item>
  );
}
