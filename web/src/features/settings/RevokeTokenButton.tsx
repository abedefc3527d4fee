import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useRevokeApiToken } from './api';

export function RevokeTokenButton({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const revoke = useRevokeApiToken();
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" onClick={open} style={{ flexShrink: 0 }}>
        {t('settings.revoke')}
      </Button>
      <Modal opened={opened} onClose={close} title={t('settings.revokeTitle')}>
        <Stack>
          <Text size="sm">{t('settings.revokeBody', { name: token.name })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close} data-autofocus>
              {t('common.cancel')}
            </Button>
            <Button
              color="red"
              loading={revoke.isPending}
              // The row (and this button) disappears on success, so wait on the promise, not a callback.
              onClick={() =>
                void revoke.mutateAsync(token.id).then(() => notifySuccess(t('settings.revoked')), () => undefined)
              }
            >
              {t('settings.revoke')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
