import { Button, Center, Grid, Skeleton, Stack, Tabs } from '@mantine/core';
import { IconInbox, IconPlus, IconSend } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { InvitationDirection } from '@shared/enums.js';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { useInvitations } from './api';
import { FunnelCard } from './FunnelCard';
import { InvitationRow } from './InvitationRow';
import { RecordInvitationModal } from './RecordInvitationModal';

/** The invitations inbox (incoming and outgoing, newest first) next to the funnel and reply rate. */
export function InvitationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const direction: InvitationDirection = params.get('direction') === 'outgoing' ? 'outgoing' : 'incoming';
  const [recording, setRecording] = useState(false);

  return (
    <>
      <PageHeader
        title={t('invitations.title')}
        subtitle={t('invitations.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setRecording(true)}>
            {t('invitations.record')}
          </Button>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Tabs
            value={direction}
            onChange={(v) => setParams(v === 'outgoing' ? { direction: 'outgoing' } : {}, { replace: true })}
            keepMounted={false}
          >
            <Tabs.List mb="md">
              <Tabs.Tab value="incoming" leftSection={<IconInbox size={16} aria-hidden />}>
                {t('invitations.incoming')}
              </Tabs.Tab>
              <Tabs.Tab value="outgoing" leftSection={<IconSend size={16} aria-hidden />}>
                {t('invitations.outgoing')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="incoming">
              <InvitationList direction="incoming" onRecord={() => setRecording(true)} />
            </Tabs.Panel>
            <Tabs.Panel value="outgoing">
              <InvitationList direction="outgoing" onRecord={() => setRecording(true)} />
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <FunnelCard />
        </Grid.Col>
      </Grid>
      <RecordInvitationModal opened={recording} onClose={() => setRecording(false)} direction={direction} />
    </>
  );
}

function InvitationList({ direction, onRecord }: { direction: InvitationDirection; onRecord: () => void }) {
  const { t } = useTranslation();
  const list = useInvitations(direction);
  const items = list.data?.pages.flatMap((page) => page.items) ?? [];

  if (list.isPending) {
    return (
      <Stack gap="sm" aria-busy="true">
        <Skeleton h={72} />
        <Skeleton h={72} />
      </Stack>
    );
  }
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (items.length === 0) {
    const incoming = direction === 'incoming';
    return (
      <EmptyState
        icon={incoming ? <IconInbox size={26} aria-hidden /> : <IconSend size={26} aria-hidden />}
        title={incoming ? t('invitations.emptyIncomingTitle') : t('invitations.emptyOutgoingTitle')}
        action={
          <Button variant="light" mt="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={onRecord}>
            {t('invitations.record')}
          </Button>
        }
      >
        {incoming ? t('invitations.emptyIncoming') : t('invitations.emptyOutgoing')}
      </EmptyState>
    );
  }
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t(`invitations.${direction}`)}>
        {items.map((invitation) => (
          <InvitationRow key={invitation.id} invitation={invitation} />
        ))}
      </Stack>
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </>
  );
}
