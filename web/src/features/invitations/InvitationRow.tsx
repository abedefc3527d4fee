import { Anchor, Avatar, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconMessageHeart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Invitation } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import { initials } from '../contacts/initials';
import { InvitationStatusBadge, networkName } from './status';
import classes from './InvitationRow.module.css';
import linked from '../../ui/LinkedCard.module.css';

/** One invitation in the inbox; the whole card opens it, "Write welcome" when one is still owed. */
export function InvitationRow({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const incoming = invitation.direction === 'incoming';
  const when = incoming
    ? t('invitations.receivedOn', { date: format.date(invitation.receivedOn) })
    : t('invitations.sentOn', { date: format.date(invitation.receivedOn) });
  const owesWelcome = incoming && invitation.status === 'no_welcome';

  return (
    <Paper component="li" withBorder p="sm" className={linked.card} data-testid="invitation-row">
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar radius="xl" color={owesWelcome ? 'coral' : 'sage'} aria-hidden>
          {initials(invitation.contact.displayName)}
        </Avatar>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <Anchor component={Link} to={`/invitations/${invitation.id}`} fw={600} c="dark.7" className={linked.link}>
              {invitation.contact.displayName}
            </Anchor>
            <InvitationStatusBadge invitation={invitation} size="sm" />
          </Group>
          <Text size="xs" c="dimmed">
            {networkName(invitation.network)} · {when}
          </Text>
          {invitation.message && (
            <Text size="sm" c="dimmed" lineClamp={2} className={classes.message}>
              “{invitation.message}”
            </Text>
          )}
        </Stack>
        {owesWelcome && (
          <Button
            component={Link}
            to={`/invitations/${invitation.id}`}
            size="xs"
            variant="light"
            leftSection={<IconMessageHeart size={16} aria-hidden />}
            className={classes.action}
            visibleFrom="xs"
            aria-label={`${t('invitations.writeWelcome')}: ${invitation.contact.displayName}`}
          >
            {t('invitations.writeWelcome')}
          </Button>
        )}
      </Group>
    </Paper>
  );
}
