// The one moment recovery codes are visible: the server keeps only their hashes.
import { Alert, Button, Code, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/queryClient';
import { copyText } from '../../ui/clipboard';
import { useMe } from '../auth/session';

export function RecoveryCodesView({ codes, onDone }: { codes: string[]; onDone: () => void }) {
  const { t } = useTranslation();
  const email = useMe().data?.user.email ?? '';
  const asText = [t('security.twoFactor.codesFileHeading', { email }), t('security.twoFactor.codesFileNote'), '', ...codes, ''].join('\n');

  const copy = async () => {
    if (await copyText(codes.join('\n'))) notifySuccess(t('common.copied'));
    else notifications.show({ color: 'red', message: t('errors.requestFailed') });
  };
  const download = () => {
    const url = URL.createObjectURL(new Blob([asText], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: 'circulo-recovery-codes.txt' });
    link.click();
    URL.revokeObjectURL(url);
  };

  return (
    <Stack gap="md">
      <Alert color="yellow" variant="light" title={t('security.twoFactor.codesTitle')}>
        {t('security.twoFactor.codesBody')}
      </Alert>
      <SimpleGrid cols={2} spacing="xs" component="ul" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('security.twoFactor.codesListLabel')} data-testid="recovery-codes">
        {codes.map((code) => (
          <Text component="li" key={code}>
            <Code fz="sm" style={{ whiteSpace: 'nowrap' }}>
              {code}
            </Code>
          </Text>
        ))}
      </SimpleGrid>
      <Group justify="space-between" gap="sm">
        <Group gap="xs">
          <Button variant="light" leftSection={<IconCopy size={16} aria-hidden />} onClick={() => void copy()}>
            {t('security.twoFactor.copyCodes')}
          </Button>
          <Button variant="light" leftSection={<IconDownload size={16} aria-hidden />} onClick={download}>
            {t('security.twoFactor.downloadCodes')}
          </Button>
        </Group>
        <Button onClick={onDone}>{t('security.twoFactor.savedThem')}</Button>
      </Group>
    </Stack>
  );
}
