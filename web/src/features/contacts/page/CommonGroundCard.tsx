import { Anchor, Button, Card, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconMessageHeart } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '@shared/schemas/index.js';
import { useFormatters } from '../../../i18n/useFormatters';
import { useCommonPoints, useContactInvitations } from '../../invitations/api';
import { CommonPointChips } from '../../invitations/CommonPointChips';
import { InvitationStatusBadge, networkName } from '../../invitations/status';

/** What you share with this person (the material of a personal message) and their invitations. */
export function CommonGroundCard({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const points = useCommonPoints(contact.id);
  const invitations = useContactInvitations(contact.id);

  return (
    <Card component="section" aria-labelledby="common-ground-heading" data-testid="common-ground">
      <Title order={2} size="h4" id="common-ground-heading" mb="sm">
        {t('commonGround.title')}
      </Title>
      {points.isPending && <Skeleton h={40} />}
      {points.data && points.data.length > 0 && <CommonPointChips points={points.data} size="md" />}
      {points.data && points.data.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('commonGround.none')}{' '}
          <Anchor component={Link} to={`/contacts/${contact.id}/edit`} size="sm">
            {t('common.edit')}
          </Anchor>
        </Text>
      )}
      {invitations.data && invitations.data.length > 0 && (
        <Stack gap="xs" mt="md" component="ul" p={0} style={{ listStyle: 'none' }}>
          {invitations.data.map((invitation) => (
            // The side column is narrow at desktop width: the button moves under the date rather
            // than being cut off.
            <Group key={invitation.id} component="li" gap="xs" justify="space-between" wrap="wrap">
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Anchor component={Link} to={`/invitations/${invitation.id}`} size="sm" fw={500}>
                  {t('commonGround.invitation', { network: networkName(invitation.network) })}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {format.date(invitation.receivedOn)}
                </Text>
              </Stack>
              {invitation.direction === 'incoming' && invitation.status === 'no_welcome' ? (
                <Button
                  component={Link}
                  to={`/invitations/${invitation.id}`}
                  size="compact-sm"
                  variant="light"
                  leftSection={<IconMessageHeart size={14} aria-hidden />}
                  style={{ flexShrink: 0 }}
                >
                  {t('commonGround.welcomeThem')}
                </Button>
              ) : (
                <InvitationStatusBadge invitation={invitation} size="sm" />
              )}
            </Group>
          ))}
        </Stack>
      )}
    </Card>
  );
}
