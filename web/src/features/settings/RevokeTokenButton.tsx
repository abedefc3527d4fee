import { Button, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { ApiToken } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';
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
          <ModalActions
            submitLabel={t('settings.revoke')}
            danger
            focus="cancel"
            loading={revoke.isPending}
            // The row (and this button) disappears on success, so wait on the promise, not a callback.
            onSubmit={() => void revoke.mutateAsync(token.id).then(() => notifySuccess(t('settings.revoked')), () => undefined)}
            onCancel={close}
          />
        </Stack>
      </Modal>
    </>
  );
}
