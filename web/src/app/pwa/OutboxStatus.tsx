// The header's "3 changes waiting": writes made offline (web/src/api/outbox.ts), with a list to
// read them, send them now, or discard one the server refused.
import { Button, Group, Popover, Stack, Text, CloseButton, Paper } from '@mantine/core';
import { useNetwork } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { IconCloudUpload, IconAlertTriangle } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { discard, sendWaiting, startOutbox, type QueuedWrite } from '../../api/outbox';
import { useOutbox } from '../../api/useOutbox';
import { useFormatters } from '../../i18n/useFormatters';
import i18n from '../../i18n';

const labelOf = (write: QueuedWrite) => i18n.t(`offline.labels.${write.label.key}`);

/** Sends the user's waiting writes from the moment they are logged in; stops at logout. */
export function useOutboxSession(userId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    void startOutbox(userId ?? null, {
      // The screens showed what was on this device; now the server's truth.
      delivered: () => void queryClient.invalidateQueries(),
      refused: (write) =>
        notifications.show({
          color: 'red',
          // Long enough to read; the header's list keeps the write and its reason afterwards.
          autoClose: 15_000,
          closeButtonProps: { 'aria-label': i18n.t('common.close') },
          title: i18n.t('offline.refusedTitle'),
          message: `${labelOf(write)}${write.label.detail ? ` (${write.label.detail})` : ''}: ${write.refused?.message ?? ''}`,
        }),
    });
    return () => void startOutbox(null, { delivered: () => undefined, refused: () => undefined });
  }, [userId, queryClient]);
}

export function OutboxStatus() {
  const { t } = useTranslation();
  const format = useFormatters();
  const { online } = useNetwork();
  const writes = useOutbox();
  const waiting = writes.filter((write) => !write.refused).length;
  const refused = writes.length - waiting;
  if (writes.length === 0) return null;

  const label = waiting > 0 ? t('offline.waiting', { count: waiting }) : t('offline.refused', { count: refused });
  return (
    <Popover width={320} position="bottom-end" withArrow shadow="md">
      <Popover.Target>
        <Button
          variant="light"
          color={refused > 0 ? 'red' : 'orange'}
          size="compact-sm"
          leftSection={refused > 0 ? <IconAlertTriangle size={16} aria-hidden /> : <IconCloudUpload size={16} aria-hidden />}
          aria-label={label}
          data-testid="outbox-status"
        >
          {/* A phone's header has room for the number only; the button's name says it all. */}
          <Text span inherit hiddenFrom="sm" aria-hidden>
            {waiting > 0 ? waiting : refused}
          </Text>
          <Text span inherit visibleFrom="sm">
            {label}
          </Text>
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <div>
            <Text fw={600} size="sm">
              {t('offline.listTitle')}
            </Text>
            <Text size="xs" c="dimmed">
              {online ? t('offline.listHint') : `${t('offline.offlineNow')} ${t('offline.listHint')}`}
            </Text>
          </div>
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none', maxHeight: 320, overflowY: 'auto' }}>
            {writes.map((write) => (
              <Paper component="li" key={write.id} withBorder px="sm" py={6}>
                <Group gap="xs" wrap="nowrap" align="flex-start">
                  <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={500}>
                      {labelOf(write)}
                    </Text>
                    {write.label.detail && (
                      <Text size="xs" truncate>
                        {write.label.detail}
                      </Text>
                    )}
                    {write.refused ? (
                      <Text size="xs" c="red">
                        {t('offline.refusedReason', { reason: write.refused.message })}
                      </Text>
                    ) : (
                      <Text size="xs" c="dimmed">
                        {format.dateTime(write.queuedAt)}
                      </Text>
                    )}
                  </Stack>
                  <CloseButton size="sm" aria-label={`${t('offline.discard')}: ${labelOf(write)}`} onClick={() => void discard(write.id)} />
                </Group>
              </Paper>
            ))}
          </Stack>
          {waiting > 0 && (
            <Button size="xs" variant="light" leftSection={<IconCloudUpload size={14} aria-hidden />} disabled={!online} onClick={() => void sendWaiting()}>
              {t('offline.sendNow')}
            </Button>
          )}
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}
