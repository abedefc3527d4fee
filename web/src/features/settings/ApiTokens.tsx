import { Button, Group, Paper, Skeleton, Stack, Text, TextInput, ThemeIcon } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, TokenCreated } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useApiTokens, useCreateApiToken } from './api';
import { NewTokenModal } from './NewTokenModal';
import { RevokeTokenButton } from './RevokeTokenButton';

export function ApiTokens() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<TokenCreated | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError(t('errors.required'));
    create.mutate(name.trim(), {
      onSuccess: (token) => {
        setName('');
        setCreated(token);
      },
    });
  };

  return (
    <SectionCard title={t('settings.tokens')} hint={t('settings.tokensHint')} testId="settings-tokens">
      <Stack gap="md">
        <form onSubmit={onSubmit} noValidate>
          <Group align="flex-end" gap="sm">
            <TextInput
              label={t('settings.tokenName')}
              placeholder={t('settings.tokenNamePlaceholder')}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              style={{ flex: '1 1 220px' }}
              maxLength={80}
            />
            <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending}>
              {t('settings.createToken')}
            </Button>
          </Group>
        </form>
        {tokens.isPending && <Skeleton h={48} />}
        {tokens.isError && <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('settings.noTokens')}
          </Text>
        )}
        {tokens.data && tokens.data.length > 0 && (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('settings.tokens')}>
            {tokens.data.map((token) => (
              <TokenRow key={token.id} token={token} />
            ))}
          </Stack>
        )}
      </Stack>
      <NewTokenModal token={created} onClose={() => setCreated(null)} />
    </SectionCard>
  );
}

function TokenRow({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Paper component="li" withBorder p="sm" aria-label={token.name}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Group gap="sm" wrap="nowrap" style={{ minWidth: 0 }}>
          <ThemeIcon variant="light" color="gray" radius="xl" aria-hidden>
            <IconKey size={16} />
          </ThemeIcon>
          <Stack gap={0} style={{ minWidth: 0 }}>
            <Text fw={600} truncate>
              {token.name}
            </Text>
            <Text size="xs" c="dimmed">
              {t('settings.createdOn', { date: format.dateTime(token.createdAt) })} ·{' '}
              {token.lastUsedAt ? t('settings.lastUsed', { date: format.dateTime(token.lastUsedAt) }) : t('settings.neverUsed')}
            </Text>
          </Stack>
        </Group>
        <RevokeTokenButton token={token} />
      </Group>
    </Paper>
  );
}
