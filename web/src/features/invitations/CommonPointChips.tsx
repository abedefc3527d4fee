import { Badge, Group, Text } from '@mantine/core';
import {
  IconBriefcase, IconCalendarEvent, IconHeart, IconMapPin, IconSchool, IconUsers, IconUsersGroup, type Icon,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CommonPoint } from '@shared/schemas/index.js';

const look: Record<CommonPoint['kind'], { icon: Icon; color: string }> = {
  mutual_contact: { icon: IconUsers, color: 'grape' },
  company: { icon: IconBriefcase, color: 'blue' },
  school: { icon: IconSchool, color: 'indigo' },
  event: { icon: IconCalendarEvent, color: 'coral' },
  community: { icon: IconUsersGroup, color: 'teal' },
  interest: { icon: IconHeart, color: 'pink' },
  place: { icon: IconMapPin, color: 'gray' },
};

/** What you share with someone, strongest first (the server's order), each chip saying its kind. */
export function CommonPointChips({ points, size = 'lg' }: { points: CommonPoint[]; size?: 'md' | 'lg' }) {
  const { t } = useTranslation();
  return (
    <Group gap={8} role="list" aria-label={t('welcome.commonPoints')} data-testid="common-points">
      {points.map((point) => {
        const { icon: KindIcon, color } = look[point.kind];
        const kind = t(`commonGround.kind.${point.kind}`);
        return (
          <Badge
            key={`${point.kind}:${point.value}`}
            role="listitem"
            size={size}
            color={color}
            variant="light"
            leftSection={<KindIcon size={size === 'lg' ? 15 : 13} aria-hidden />}
            styles={{ label: { overflow: 'visible', whiteSpace: 'normal' }, root: { height: 'auto', minHeight: 'var(--badge-height)', paddingBlock: 2 } }}
          >
            <Text span inherit>
              <Text span inherit c="dimmed" fw={500}>
                {kind}:{' '}
              </Text>
              {point.value}
            </Text>
          </Badge>
        );
      })}
    </Group>
  );
}
