import { Alert, Button, Code, CopyButton, Group, List, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconBrandAndroid, IconBrandApple, IconCheck, IconCopy, IconDeviceMobile } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TokenCreated } from '@shared/schemas/index.js';
import { SectionCard } from '../../ui/SectionCard';
import { useCreateApiToken, useDavConnection } from './api';

// "Crear una contraseña de aplicación" is wider than a phone's card: the label wraps instead of being cut.
const wrappingButton = { root: { height: 'auto', minHeight: 36, paddingBlock: 6 }, label: { whiteSpace: 'normal' } } as const;

/** One value to type on the phone, with a copy button. */
function Field({ label, value, testId }: { label: string; value: string; testId: string }) {
  const { t } = useTranslation();
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      <Group gap="xs" wrap="nowrap">
        <Code data-testid={testId} style={{ wordBreak: 'break-all', whiteSpace: 'pre-wrap', fontSize: 14, flex: 1 }}>
          {value}
        </Code>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button size="compact-sm" variant="default" onClick={copy} aria-label={`${t('phone.copy')}: ${label}`} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
              {copied ? t('phone.copied') : t('phone.copy')}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}

/**
 * Settings → Connect your phone: the CardDAV address to type (the server's public address, else
 * the one this page was opened at), the user name, and a fresh app password (an API token that can
 * write, made for the purpose and revocable on its own). README "Sync with your phone".
 */
export function PhoneSync() {
  const { t } = useTranslation();
  const connection = useDavConnection();
  const create = useCreateApiToken();
  const [password, setPassword] = useState<TokenCreated | null>(null);
  const server = connection.data ? `${connection.data.serverUrl ?? window.location.origin}${connection.data.path}` : '';
  const steps = (key: 'phone.iosSteps' | 'phone.androidSteps') => t(key, { returnObjects: true }) as string[];

  return (
    <SectionCard title={t('phone.title')} hint={t('phone.hint')} testId="phone-sync">
      <Stack gap="md">
        {connection.data && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Field label={t('phone.server')} value={server} testId="phone-server" />
            <Field label={t('phone.username')} value={connection.data.username} testId="phone-username" />
          </SimpleGrid>
        )}
        {password ? (
          <Stack gap="xs">
            <Field label={t('phone.password')} value={password.token} testId="phone-password" />
            <Alert color="yellow" variant="light" p="xs">
              {t('phone.passwordOnce')}
            </Alert>
          </Stack>
        ) : (
          <Group justify="space-between" gap="sm">
            <Text size="sm" c="dimmed" style={{ flex: '1 1 260px' }}>
              {t('phone.passwordHint')}
            </Text>
            <Button
              variant="light"
              styles={wrappingButton}
              leftSection={<IconDeviceMobile size={16} aria-hidden />}
              loading={create.isPending}
              onClick={() => create.mutate({ name: t('phone.tokenName'), scope: 'write', expiresAt: null }, { onSuccess: setPassword })}
            >
              {t('phone.createPassword')}
            </Button>
          </Group>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {(
            [
              ['phone.iosTitle', 'phone.iosSteps', <IconBrandApple key="ios" size={18} aria-hidden />],
              ['phone.androidTitle', 'phone.androidSteps', <IconBrandAndroid key="android" size={18} aria-hidden />],
            ] as const
          ).map(([title, key, icon]) => (
            <Stack key={key} gap={6}>
              <Group gap={6}>
                {icon}
                <Title order={3} size="h5">
                  {t(title)}
                </Title>
              </Group>
              <List type="ordered" size="sm" spacing={4}>
                {steps(key).map((step) => (
                  <List.Item key={step}>{step}</List.Item>
                ))}
              </List>
            </Stack>
          ))}
        </SimpleGrid>
      </Stack>
    </SectionCard>
  );
}
