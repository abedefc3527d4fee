import { Badge, Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile, IconDeviceTablet, IconDevices, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { ListRow, RowList } from '../../ui/ListRow';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useEndOtherSessions, useRevokeSession, useSessions } from './api';

const icons = { desktop: IconDeviceDesktop, mobile: IconDeviceMobile, tablet: IconDeviceTablet, other: IconDevices };

export function SessionsCard() {
  const { t } = useTranslation();
  const sessions = useSessions();
  const endOthers = useEndOtherSessions();
  const others = sessions.data?.filter((s) => !s.current).length ?? 0;

  return (
    <SectionCard
      title={t('security.sessions.title')}
      hint={t('security.sessions.hint')}
      testId="security-sessions"
    >
      <Stack gap="md">
        {sessions.isPending && <Skeleton h={64} />}
        {sessions.isError && <LoadError error={sessions.error} onRetry={() => void sessions.refetch()} />}
        {sessions.data && (
          <RowList label={t('security.sessions.listLabel')}>
            {sessions.data.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </RowList>
        )}
        {sessions.data && others === 0 && (
          <Text size="sm" c="dimmed">
            {t('security.sessions.noOthers')}
          </Text>
        )}
        {others > 0 && (
          <Group justify="flex-end">
            <Button
              variant="light"
              color="red"
              leftSection={<IconLogout size={16} aria-hidden />}
              loading={endOthers.isPending}
              onClick={() => endOthers.mutate(undefined, { onSuccess: ({ ended }) => notifySuccess(t('security.sessions.othersEnded', { count: ended })) })}
            >
              {t('security.sessions.logOutOthers')}
            </Button>
          </Group>
        )}
      </Stack>
    </SectionCard>
  );
}

function useDeviceName() {
  const { t } = useTranslation();
  return (session: SessionInfo) =>
    session.browser && session.os
      ? t('security.sessions.device', { browser: session.browser, os: session.os })
      : (session.browser ?? session.os ?? t('security.sessions.unknownDevice'));
}

function SessionRow({ session }: { session: SessionInfo }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const revoke = useRevokeSession();
  const name = useDeviceName()(session);
  const Icon = icons[session.deviceType];
  return (
    <ListRow
      label={name}
      testId="session-row"
      icon={<Icon size={16} />}
      iconColor={session.current ? 'sage' : 'gray'}
      title={
        <>
          <Text fw={600}>{name}</Text>
          {session.current && (
            <Badge size="sm" color="sage" variant="light">
              {t('security.sessions.thisDevice')}
            </Badge>
          )}
        </>
      }
      action={
        !session.current && (
          <Button
            size="compact-sm"
            variant="subtle"
            color="red"
            aria-label={t('security.sessions.revokeLabel', { device: name })}
            loading={revoke.isPending}
            onClick={() => void revoke.mutateAsync(session.id).then(() => notifySuccess(t('security.sessions.revoked')), () => undefined)}
          >
            {t('security.sessions.revoke')}
          </Button>
        )
      }
    >
      <Text size="xs" c="dimmed">
        {t('security.sessions.lastSeen', { date: format.dateTime(session.lastSeenAt) })}
        {session.ipAddress && <> · {t('security.sessions.address', { ip: session.ipAddress })}</>}
      </Text>
      <Text size="xs" c="dimmed">
        {t('security.sessions.since', { date: format.dateTime(session.createdAt) })}
      </Text>
    </ListRow>
  );
}
