import { Badge, Button, Group, Paper, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconDeviceDesktop, IconDeviceMobile, IconDeviceTablet, IconDevices, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionInfo } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
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
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('security.sessions.listLabel')}>
            {sessions.data.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </Stack>
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
    <Paper component="li" withBorder p="sm" aria-label={name} data-testid="session-row">
      <Group justify="space-between" wrap="nowrap" gap="sm" align="flex-start">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <ThemeIcon variant="light" color={session.current ? 'sage' : 'gray'} radius="xl" aria-hidden>
            <Icon size={16} />
          </ThemeIcon>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Text fw={600}>{name}</Text>
              {session.current && (
                <Badge size="sm" color="sage" variant="light">
                  {t('security.sessions.thisDevice')}
                </Badge>
              )}
            </Group>
            <Text size="xs" c="dimmed">
              {t('security.sessions.lastSeen', { date: format.dateTime(session.lastSeenAt) })}
              {session.ipAddress && <> · {t('security.sessions.address', { ip: session.ipAddress })}</>}
            </Text>
            <Text size="xs" c="dimmed">
              {t('security.sessions.since', { date: format.dateTime(session.createdAt) })}
            </Text>
          </Stack>
        </Group>
        {!session.current && (
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
        )}
      </Group>
    </Paper>
  );
}
