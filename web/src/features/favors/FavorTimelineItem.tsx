import { Anchor, Badge, Blockquote, Group, Text, ThemeIcon, Timeline, type TimelineItemProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Favor } from '@shared/schemas/favors.js';
import { useFormatters } from '../../i18n/useFormatters';
import { directionColor, directionIcon, effortColor } from './favorStyle';
import { LoopStatusBadge } from './LoopStatusBadge';

// Timeline clones its direct children with layout props (__align, __active…); pass them on.
type ItemLayoutProps = Omit<TimelineItemProps, 'title' | 'bullet' | 'children'>;

/** A favor in a contact's history: which way, what, how big, and where its loop stands. */
export function FavorTimelineItem({ favor, ...layout }: { favor: Favor } & ItemLayoutProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const Arrow = directionIcon[favor.direction];
  const news =
    favor.direction === 'given' &&
    (favor.outcomeReportedOn
      ? { color: 'sage', label: t('favors.heardOnDate', { date: format.date(favor.outcomeReportedOn) }) }
      : { color: favor.noNews ? 'orange' : 'gray', label: t('favors.waitingForNews') });

  return (
    <Timeline.Item
      {...layout}
      bullet={
        <ThemeIcon size={30} radius="xl" variant="light" color={directionColor[favor.direction]}>
          <Arrow size={16} aria-hidden />
        </ThemeIcon>
      }
      title={`${t(`enums.favorDirection.${favor.direction}`)}: ${t(`enums.favorKind.${favor.kind}`)}`}
      data-testid="timeline-favor"
    >
      {favor.description && (
        <Text size="sm" mt={2} style={{ overflowWrap: 'anywhere' }}>
          {favor.description}
        </Text>
      )}
      {favor.introducedTo && (
        <Text size="xs" c="dimmed" mt={2}>
          {t('favors.introducedTo')}:{' '}
          <Anchor component={Link} to={`/contacts/${favor.introducedTo.id}`} size="xs">
            {favor.introducedTo.displayName}
          </Anchor>
        </Text>
      )}
      <Group gap={6} mt={4} wrap="wrap">
        {favor.direction === 'received' && <LoopStatusBadge status={favor.loopStatus} size="sm" />}
        {news && (
          <Badge color={news.color} size="sm">
            {news.label}
          </Badge>
        )}
        <Badge color={effortColor[favor.effort]} variant="outline" size="sm">
          {t('favors.effortBadge', { effort: t(`enums.effort.${favor.effort}`) })}
        </Badge>
        <Text size="xs" c="dimmed">
          {[format.date(favor.occurredOn), favor.thankedOn && t('favors.thankedOnDate', { date: format.date(favor.thankedOn) })]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </Group>
      {favor.outcome && (
        <Blockquote color="sage" p={6} pl="sm" mt={6} fz="sm" style={{ overflowWrap: 'anywhere' }}>
          {favor.outcome}
        </Blockquote>
      )}
    </Timeline.Item>
  );
}
