import { Anchor, Blockquote, Button, Card, Grid, Group, Modal, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDisclosure, useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconQuote, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { Contact, Invitation } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { NotFoundScreen } from '../../app/ErrorScreen';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { ModalActions } from '../../ui/ModalActions';
import { useContact } from '../contacts/api';
import { workLine } from '../contacts/ContactRow';
import { useCommonPoints, useDeleteInvitation, useInvitation } from './api';
import { CommonPointChips } from './CommonPointChips';
import { OutgoingAcceptance, ReplyAndOutcome } from './ReplyAndOutcome';
import { InvitationStatusBadge, networkName } from './status';
import { WelcomeEditor } from './WelcomeEditor';

/** One invitation: for an incoming one, the personal welcome built on your common points. */
export function InvitationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const invitation = useInvitation(id);
  const contact = useContact(invitation.data?.contactId);
  const name = invitation.data?.contact.displayName ?? '';
  const incoming = invitation.data?.direction === 'incoming';
  useDocumentTitle(invitation.data ? `${incoming ? t('welcome.title', { name }) : t('welcome.outgoingTitle', { name })} · Círculo` : 'Círculo');

  if (invitation.isError) {
    if (isApiError(invitation.error, 404) || isApiError(invitation.error, 400)) return <NotFoundScreen />;
    return <LoadError error={invitation.error} onRetry={() => void invitation.refetch()} />;
  }
  if (invitation.isPending) {
    return (
      <Stack aria-busy="true">
        <Skeleton h={60} />
        <Skeleton h={360} />
      </Stack>
    );
  }
  const data = invitation.data;

  return (
    <>
      <Anchor component={Link} to={incoming ? '/invitations' : '/invitations?direction=outgoing'} size="sm" c="dimmed">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('welcome.back')}
      </Anchor>
      <Header invitation={data} contact={contact.data} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }} order={{ base: 2, md: 1 }}>
          <Stack gap="lg">
            {incoming ? (
              <>
                <WelcomeEditor invitation={data} contact={contact.data} />
                <ReplyAndOutcome invitation={data} />
              </>
            ) : (
              <OutgoingAcceptance invitation={data} />
            )}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }} order={{ base: 1, md: 2 }}>
          <Stack gap="lg">
            <CommonPointsCard invitation={data} />
            {data.message && (
              <Card component="section" aria-labelledby="their-message-heading">
                <Title order={2} size="h5" id="their-message-heading" mb="xs">
                  {incoming ? t('welcome.theirMessage') : t('recordInvitation.yourNote')}
                </Title>
                <Blockquote color="sage" icon={<IconQuote size={18} aria-hidden />} iconSize={30} p="md" mt="md" style={{ whiteSpace: 'pre-wrap' }}>
                  {data.message}
                </Blockquote>
              </Card>
            )}
            <DeleteInvitation invitation={data} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}

function Header({ invitation, contact }: { invitation: Invitation; contact: Contact | undefined }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const name = invitation.contact.displayName;
  const incoming = invitation.direction === 'incoming';
  const when = incoming
    ? t('invitations.receivedOn', { date: format.date(invitation.receivedOn) })
    : t('invitations.sentOn', { date: format.date(invitation.receivedOn) });
  return (
    <Stack gap={4} mt="xs" mb="lg">
      <Group gap="sm" align="center">
        <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
          {incoming ? t('welcome.title', { name }) : t('welcome.outgoingTitle', { name })}
        </Title>
        <InvitationStatusBadge invitation={invitation} />
      </Group>
      <Text c="dimmed" size="sm">
        {/* Underlined: a link inside a line of text must not be told apart by its colour alone. */}
        <Anchor component={Link} to={`/contacts/${invitation.contactId}`} size="sm" underline="always">
          {name}
        </Anchor>
        {contact && workLine(contact) ? ` · ${workLine(contact)}` : ''} · {networkName(invitation.network)} · {when}
      </Text>
    </Stack>
  );
}

function CommonPointsCard({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const points = useCommonPoints(invitation.contactId);
  return (
    <Card component="section" aria-labelledby="common-points-heading">
      <Title order={2} size="h5" id="common-points-heading">
        {t('welcome.commonPoints')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {t('welcome.commonPointsHint')}
      </Text>
      {points.isPending && <Skeleton h={60} />}
      {points.isError && <LoadError error={points.error} onRetry={() => void points.refetch()} />}
      {points.data && points.data.length > 0 && <CommonPointChips points={points.data} />}
      {points.data && points.data.length === 0 && (
        <Stack gap="xs">
          <Text size="sm">{t('welcome.noCommonPoints')}</Text>
          <Group gap="md">
            <Anchor component={Link} to="/settings#pitch" size="sm">
              {t('welcome.editProfile')}
            </Anchor>
            <Anchor component={Link} to={`/contacts/${invitation.contactId}/edit`} size="sm">
              {t('welcome.editContact', { name: invitation.contact.displayName })}
            </Anchor>
          </Group>
        </Stack>
      )}
    </Card>
  );
}

function DeleteInvitation({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteInvitation(invitation.id);
  return (
    <>
      <Group justify="flex-end">
        <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={14} aria-hidden />} onClick={open}>
          {t('invitations.delete')}
        </Button>
      </Group>
      <Modal opened={opened} onClose={close} title={t('invitations.deleteTitle')}>
        <Text size="sm">{t('invitations.deleteBody')}</Text>
        <ModalActions
          submitLabel={t('common.delete')}
          danger
          focus="cancel"
          loading={remove.isPending}
          onSubmit={() =>
            remove.mutate(undefined, {
              onSuccess: () => {
                notifySuccess(t('invitations.deleted'));
                void navigate('/invitations', { replace: true });
              },
            })
          }
          onCancel={close}
          mt="lg"
        />
      </Modal>
    </>
  );
}
