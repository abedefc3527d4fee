import { Badge, Button, Group, Select, SimpleGrid, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconKey, IconPlus } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { expiresAtFor, tokenExpiry, tokenLifetimes, type TokenLifetime } from '@shared/rules/api-tokens.js';
import type { ApiToken, TokenCreated, TokenScope } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { useFormatters } from '../../i18n/useFormatters';
import { ListRow, RowList } from '../../ui/ListRow';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useApiTokens, useCreateApiToken } from './api';
import { NewTokenModal } from './NewTokenModal';
import { useExpiryText } from './useExpiryText';
import { RevokeTokenButton } from './RevokeTokenButton';

const lifetimeKey = (lifetime: TokenLifetime) => (lifetime === null ? 'never' : String(lifetime));

export function ApiTokens() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  // Least privilege by default: a script that only reads needs nothing more, and not for ever.
  const [scope, setScope] = useState<TokenScope>('read');
  const [lifetime, setLifetime] = useState<string>('90');
  const [error, setError] = useState<string>();
  const [created, setCreated] = useState<TokenCreated | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setError(t('errors.required'));
    const chosen = tokenLifetimes.find((l) => lifetimeKey(l) === lifetime) ?? null;
    const expiresAt = expiresAtFor(chosen, new Date())?.toISOString() ?? null;
    create.mutate(
      { name: name.trim(), scope, expiresAt },
      {
        onSuccess: (token) => {
          setName('');
          setCreated(token);
        },
        onError: (failure) => isApiError(failure) && failure.fieldErrors.name && setError(failure.fieldErrors.name),
      },
    );
  };

  return (
    <SectionCard title={t('settings.tokens')} hint={t('settings.tokensHint')} testId="settings-tokens">
      <Stack gap="md">
        <form onSubmit={onSubmit} noValidate>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
              <TextInput
                label={t('settings.tokenName')}
                placeholder={t('settings.tokenNamePlaceholder')}
                value={name}
                onChange={(e) => {
                  setName(e.currentTarget.value);
                  setError(undefined);
                }}
                error={error}
                maxLength={80}
              />
              <Select
                label={t('settings.tokenScope')}
                data={[
                  { value: 'read', label: t('settings.tokenScopeRead') },
                  { value: 'write', label: t('settings.tokenScopeWrite') },
                ]}
                value={scope}
                onChange={(v) => v && setScope(v as TokenScope)}
                allowDeselect={false}
              />
              <Select
                label={t('settings.tokenLifetime')}
                data={tokenLifetimes.map((l) => ({ value: lifetimeKey(l), label: t(`settings.tokenLifetimes.${lifetimeKey(l) as '30' | '90' | '365' | 'never'}`) }))}
                value={lifetime}
                onChange={(v) => v && setLifetime(v)}
                allowDeselect={false}
              />
            </SimpleGrid>
            <Group justify="space-between" gap="sm">
              <Text size="xs" c="dimmed" style={{ flex: '1 1 240px' }}>
                {t('settings.tokenLimits')}
              </Text>
              <Button type="submit" variant="light" leftSection={<IconPlus size={16} aria-hidden />} loading={create.isPending}>
                {t('settings.createToken')}
              </Button>
            </Group>
          </Stack>
        </form>
        {tokens.isPending && <Skeleton h={48} />}
        {tokens.isError && <LoadError error={tokens.error} onRetry={() => void tokens.refetch()} />}
        {tokens.data?.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('settings.noTokens')}
          </Text>
        )}
        {tokens.data && tokens.data.length > 0 && (
          <RowList label={t('settings.tokens')}>
            {tokens.data.map((token) => (
              <TokenRow key={token.id} token={token} />
            ))}
          </RowList>
        )}
      </Stack>
      <NewTokenModal token={created} onClose={() => setCreated(null)} />
    </SectionCard>
  );
}

function TokenRow({ token }: { token: ApiToken }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const expiryText = useExpiryText();
  const expired = tokenExpiry(token.expiresAt ? new Date(token.expiresAt) : null, new Date()).state === 'expired';
  return (
    <ListRow
      label={token.name}
      icon={<IconKey size={16} />}
      iconColor={expired ? 'red' : 'gray'}
      title={
        <>
          <Text fw={600} truncate>
            {token.name}
          </Text>
          <Badge size="sm" variant="light" color={token.scope === 'read' ? 'blue' : 'orange'}>
            {token.scope === 'read' ? t('settings.tokenScopeRead') : t('settings.tokenScopeWrite')}
          </Badge>
          {expired && (
            <Badge size="sm" variant="filled" color="red">
              {t('settings.expired')}
            </Badge>
          )}
        </>
      }
      action={<RevokeTokenButton token={token} />}
    >
      <Text size="xs" c="dimmed">
        {t('settings.createdOn', { date: format.dateTime(token.createdAt) })} ·{' '}
        {token.lastUsedAt ? t('settings.lastUsed', { date: format.dateTime(token.lastUsedAt) }) : t('settings.neverUsed')}
        {!expired && <> · {expiryText(token.expiresAt)}</>}
      </Text>
    </ListRow>
  );
}
