import { Anchor, Badge, Button, Center, Group, Skeleton, Text, ThemeIcon, Timeline, type TimelineItemProps } from '@mantine/core';
import { IconBell, IconCheck, IconX } from '@tabler/icons-react';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Followup, Interaction } from '@shared/schemas/index.js';
import { intentColor } from '../../../app/theme';
import { useFormatters } from '../../../i18n/useFormatters';
import { LoadError } from '../../../ui/LoadError';
import { SectionCard } from '../../../ui/SectionCard';
import { EventTimelineItem } from '../../events/EventTimelineItem';
import { FavorTimelineItem } from '../../favors/FavorTimelineItem';
import { ChannelIcon } from '../../interactions/ChannelIcon';
import { useTimeline } from '../api';

/** Everything that happened with this person, newest first. */
export function ContactTimeline({ contactId }: { contactId: string }) {
  const { t } = useTranslation();
  const timeline = useTimeline(contactId);
  const entries = timeline.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <SectionCard title={t('contact.timeline')} testId="timeline">
      {timeline.isPending && <Skeleton h={120} />}
      {timeline.isError && <LoadError error={timeline.error} onRetry={() => void timeline.refetch()} />}
      {timeline.isSuccess && entries.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('contact.timelineEmpty')}
        </Text>
      )}
      {entries.length > 0 && (
        <Timeline bulletSize={30} lineWidth={2} color="sage">
          {entries.map((entry) => {
            switch (entry.type) {
              case 'interaction':
                return <InteractionItem key={`i-${entry.interaction.id}`} interaction={entry.interaction} contactId={contactId} />;
              case 'followup':
                return <FollowupItem key={`f-${entry.followup.id}`} followup={entry.followup} at={entry.at} />;
              case 'favor':
                return <FavorTimelineItem key={`v-${entry.favor.id}`} favor={entry.favor} />;
              case 'event':
                return <EventTimelineItem key={`e-${entry.event.id}`} event={entry.event} />;
              default:
                return null; // A kind this version of the app doesn't know yet.
            }
          })}
        </Timeline>
      )}
      {timeline.hasNextPage && (
        <Center mt="md">
          <Button variant="default" size="xs" onClick={() => void timeline.fetchNextPage()} loading={timeline.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </SectionCard>
  );
}

// Timeline clones its direct children with layout props (__align, __active…); the item
// components below pass them on to Timeline.Item.
type ItemLayoutProps = Omit<TimelineItemProps, 'title' | 'bullet' | 'children'>;

function InteractionItem({ interaction, contactId, ...layout }: { interaction: Interaction; contactId: string } & ItemLayoutProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const others = interaction.contacts.filter((c) => c.id !== contactId);
  return (
    <Timeline.Item
      {...layout}
      bullet={<ChannelIcon channel={interaction.channel} size={16} />}
      title={interaction.summary || t(`enums.channel.${interaction.channel}`)}
      data-testid="timeline-interaction"
    >
      <Group gap={6} mt={4} wrap="wrap">
        <Badge color={intentColor[interaction.intent]} size="sm">
          {t(`enums.intent.${interaction.intent}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {[format.dateTime(interaction.occurredAt), t(`enums.channel.${interaction.channel}`), t(`enums.direction.${interaction.direction}`)].join(' · ')}
        </Text>
      </Group>
      {others.length > 0 && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('interactions.with', { names: '' })}
          {others.map((c, i) => (
            <Fragment key={c.id}>
              {i > 0 && ', '}
              <Anchor component={Link} to={`/contacts/${c.id}`} size="xs">
                {c.displayName}
              </Anchor>
            </Fragment>
          ))}
        </Text>
      )}
    </Timeline.Item>
  );
}

function FollowupItem({ followup, at, ...layout }: { followup: Followup; at: string } & ItemLayoutProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const icon = followup.status === 'done' ? <IconCheck size={16} /> : followup.status === 'dismissed' ? <IconX size={16} /> : <IconBell size={16} />;
  return (
    <Timeline.Item
      {...layout}
      bullet={<ThemeIcon size={30} radius="xl" variant="light" color={followup.status === 'done' ? 'sage' : 'gray'}>{icon}</ThemeIcon>}
      title={t('followups.timelineEntry', { title: followup.title })}
      data-testid="timeline-followup"
    >
      <Group gap={6} mt={4}>
        <Badge color={followup.status === 'done' ? 'sage' : 'gray'} size="sm">
          {t(`enums.followupStatus.${followup.status}`)}
        </Badge>
        <Text size="xs" c="dimmed">
          {[format.dateTime(at), t('followups.due', { date: format.date(followup.dueOn) })].join(' · ')}
        </Text>
      </Group>
    </Timeline.Item>
  );
}
