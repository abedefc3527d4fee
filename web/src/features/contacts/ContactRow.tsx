import { Anchor, Avatar, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ContactSummary } from '@shared/schemas/index.js';
import { circleColor } from '../../app/theme';
import { daysBetween, isoDateIn } from '../../i18n/format';
import { useFormatters } from '../../i18n/useFormatters';
import { CircleBadge, StageBadge } from './ContactBadges';
import { initials } from './initials';
import { StrengthBadge } from '../relationships/StrengthBadge';
import linked from '../../ui/LinkedCard.module.css';

export function workLine(contact: { title: string | null; company: string | null }): string {
  return [contact.title, contact.company].filter(Boolean).join(' · ');
}

/** One contact in the list; the whole card is the link to their page. */
export function ContactRow({ contact, today, timeZone }: { contact: ContactSummary; today: string; timeZone?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const due = contact.keepInTouchDueOn <= today;
  const lastTouch = contact.lastInteractionAt
    ? t('contacts.lastTouch', {
        ago: format.relativeDays(-daysBetween(isoDateIn(new Date(contact.lastInteractionAt), timeZone), today)),
      })
    : t('contacts.neverTouched');
  const dueBadge = (
    <Badge color="coral" size="sm">
      {t('contacts.dueBadge')}
    </Badge>
  );

  return (
    <Paper component="li" withBorder p="sm" className={linked.card} data-testid="contact-row">
      <Group gap="sm" wrap="nowrap" align="center">
        <Avatar color={circleColor[contact.circle]} radius="xl" aria-hidden>
          {initials(contact.displayName)}
        </Avatar>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <Anchor component={Link} to={`/contacts/${contact.id}`} fw={600} c="dark.7" className={linked.link}>
              {contact.displayName}
            </Anchor>
            <CircleBadge value={contact.circle} size="sm" />
            <StageBadge value={contact.stage} size="sm" visibleFrom="xs" />
            {contact.strength && contact.strength.score > 0 && <StrengthBadge strength={contact.strength} size="sm" />}
          </Group>
          {workLine(contact) && (
            <Text size="sm" c="dimmed" truncate>
              {workLine(contact)}
            </Text>
          )}
          <Group gap={6} hiddenFrom="sm">
            <Text size="xs" c="dimmed">
              {lastTouch}
            </Text>
            {due && dueBadge}
          </Group>
        </Stack>
        <Stack gap={4} align="flex-end" visibleFrom="sm" style={{ flexShrink: 0 }}>
          <Text size="xs" c="dimmed" ta="right">
            {lastTouch}
          </Text>
          {due && dueBadge}
        </Stack>
      </Group>
    </Paper>
  );
}
