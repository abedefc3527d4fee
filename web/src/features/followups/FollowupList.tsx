import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Followup } from '@shared/schemas/index.js';
import { daysBetween } from '../../i18n/format';
import { useFormatters, useUserToday } from '../../i18n/useFormatters';
import { FollowupActions } from './FollowupActions';

interface FollowupListProps {
  followups: Followup[];
  /** On a contact's own page the contact's name would only repeat itself. */
  showContact?: boolean;
  label: string;
}

export function FollowupList({ followups, showContact = true, label }: FollowupListProps) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {followups.map((followup) => (
        <FollowupItem key={followup.id} followup={followup} showContact={showContact} />
      ))}
    </Stack>
  );
}

function FollowupItem({ followup, showContact }: { followup: Followup; showContact: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const lateBy = daysBetween(followup.dueOn, useUserToday());
  const snoozedUntil = followup.status === 'snoozed' ? followup.snoozedUntil : null;
  return (
    <Paper component="li" withBorder p="sm" data-testid="followup-item" aria-label={followup.title}>
      <Group justify="space-between" align="center" gap="sm" wrap="wrap">
        <Stack gap={4} style={{ flex: '1 1 260px', minWidth: 0 }}>
          <Text fw={600} lineClamp={2}>
            {followup.title}
          </Text>
          <Group gap={8} wrap="wrap">
            {showContact && (
              <Anchor component={Link} to={`/contacts/${followup.contactId}`} size="sm" fw={500}>
                {followup.contact.displayName}
              </Anchor>
            )}
            {followup.kind !== 'custom' && (
              <Badge color="gray" variant="light">
                {t(`enums.followupKind.${followup.kind}`)}
              </Badge>
            )}
            <Text size="sm" c={lateBy > 0 && !snoozedUntil ? 'red' : 'dimmed'}>
              {snoozedUntil
                ? t('followups.snoozed', { date: format.date(snoozedUntil) })
                : lateBy > 0
                ? t('followups.overdueBy', { count: lateBy })
                : lateBy === 0
                  ? t('followups.dueToday')
                  : t('followups.due', { date: format.date(followup.dueOn) })}
            </Text>
          </Group>
        </Stack>
        <FollowupActions followup={followup} />
      </Group>
    </Paper>
  );
}
