import { Alert, Button, Code, CopyButton, Group, Modal, Stack, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TokenCreated } from '@shared/schemas/index.js';
import { useExpiryText } from './useExpiryText';

/** The only moment the token is visible: the server keeps just its hash. */
export function NewTokenModal({ token, onClose }: { token: TokenCreated | null; onClose: () => void }) {
  const { t } = useTranslation();
  const expiryText = useExpiryText();
  return (
    <Modal opened={token !== null} onClose={onClose} title={t('settings.tokenCreatedTitle')} size="lg">
      {token && (
        <Stack>
          <Alert color="yellow" variant="light">
            {t('settings.tokenCreatedBody')}
          </Alert>
          <Code block data-testid="new-token" style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 14 }}>
            {token.token}
          </Code>
          <Text size="sm" c="dimmed">
            {token.name} · {token.scope === 'read' ? t('settings.tokenScopeRead') : t('settings.tokenScopeWrite')} · {expiryText(token.expiresAt)}
          </Text>
          <Group justify="flex-end">
            <CopyButton value={token.token}>
              {({ copied, copy }) => (
                <Button
                  onClick={copy}
                  color={copied ? 'sage' : undefined}
                  variant={copied ? 'light' : 'filled'}
                  leftSection={copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />}
                >
                  {copied ? t('common.copied') : t('settings.copyToken')}
                </Button>
              )}
            </CopyButton>
            <Button variant="default" onClick={onClose}>
              {t('common.close')}
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
