import { Anchor, Badge, Box, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventSummary } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import { useMe } from '../auth/session';
import { EventKindIcon, eventKindColor } from './eventStyle';
import classes from './EventRow.module.css';
import linked from '../../ui/LinkedCard.module.css';
import { toWallTime } from './wallTime';

/** One event in a list: a calendar leaf, its name, when and where, and who I plan to meet. */
export function EventRow({ event }: { event: EventSummary }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const timeZone = useMe().data?.user.timeZone;
  const day = toWallTime(event.startsAt, timeZone).slice(0, 10);
  const month = new Intl.DateTimeFormat(i18n.resolvedLanguage, { month: 'short', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
  const where = event.place ?? (event.url ? t('events.online') : null);
  const people = [
    event.attendeeCount > 0 ? t('events.people', { count: event.attendeeCount }) : t('events.nobodyYet'),
    event.targetCount > 0 && t('events.targets', { count: event.targetCount }),
    event.metCount > 0 && t('events.metCount', { count: event.metCount }),
  ].filter(Boolean);

  return (
    <Paper component="li" withBorder p="sm" className={linked.card} data-testid="event-row">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <Box className={classes.leaf} aria-hidden>
          <div className={classes.month}>{month.replace('.', '')}</div>
          <div className={classes.day}>{Number(day.slice(8, 10))}</div>
        </Box>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <Anchor component={Link} to={`/events/${event.id}`} fw={600} c="dark.7" className={linked.link}>
              {event.name}
            </Anchor>
            <Badge size="sm" variant="light" color={eventKindColor[event.kind]} leftSection={<EventKindIcon kind={event.kind} size={12} />}>
              {t(`events.kind.${event.kind}`)}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {[format.dateTime(event.startsAt), where].filter(Boolean).join(' · ')}
          </Text>
          <Text size="xs" c="dimmed">
            {people.join(' · ')}
          </Text>
        </Stack>
      </Group>
    </Paper>
  );
}
