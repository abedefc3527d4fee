import { Badge, type BadgeProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Invitation } from '@shared/schemas/index.js';

/** Colours walk from "to do" (coral) through "waiting" (blue) to "it worked" (sage, grape). */
export const statusColor: Record<Invitation['status'], string> = {
  no_welcome: 'coral',
  welcome_sent: 'blue',
  replied: 'teal',
  none: 'gray',
  conversation: 'sage',
  meeting: 'green',
  collaboration: 'grape',
};

export function InvitationStatusBadge({ invitation, ...props }: { invitation: Invitation } & BadgeProps) {
  const { t } = useTranslation();
  if (invitation.direction === 'outgoing') {
    return (
      <Badge color={invitation.acceptedOn ? 'sage' : 'gray'} {...props}>
        {invitation.acceptedOn ? t('invitations.accepted') : t('invitations.pending')}
      </Badge>
    );
  }
  return (
    <Badge color={statusColor[invitation.status]} {...props}>
      {t(`invitations.status.${invitation.status}`)}
    </Badge>
  );
}

const NETWORK_NAMES: Record<string, string> = {
  linkedin: 'LinkedIn',
  x: 'X',
  twitter: 'X',
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  instagram: 'Instagram',
  github: 'GitHub',
  xing: 'XING',
  meetup: 'Meetup',
  facebook: 'Facebook',
};

/** `linkedin` (as imports store it) reads as "LinkedIn"; anything typed by hand stays as typed. */
export const networkName = (network: string) => NETWORK_NAMES[network.trim().toLowerCase()] ?? network;
export const networkSuggestions = ['LinkedIn', 'X', 'Bluesky', 'Mastodon', 'Instagram', 'GitHub', 'XING', 'Meetup'];
