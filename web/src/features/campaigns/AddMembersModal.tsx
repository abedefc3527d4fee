import { Badge, Button, Divider, Group, Modal, Paper, Select, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CampaignSuggestion } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { circleColor } from '../../app/theme';
import { daysBetween, isoDateIn } from '../../i18n/format';
import { useFormatters, useUserToday } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { useMe } from '../auth/session';
import { useContactSearch } from '../contacts/api';
import { useAddMember, useSuggestions } from './api';

/** Add people: search any contact, or take the suggestions (closest first, with why). */
export function AddMembersModal({ campaign, opened, onClose }: { campaign: CampaignDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const add = useAddMember(campaign.id);
  const inCampaign = useMemo(() => new Set(campaign.members.map((m) => m.contactId)), [campaign.members]);
  const addContact = (id: string, name: string) => add.mutate(id, { onSuccess: () => notifySuccess(t('addMembers.added', { name })) });

  return (
    <Modal opened={opened} onClose={onClose} title={t('addMembers.title', { name: campaign.name })} size="lg">
      <Stack gap="md">
        <ContactSearch exclude={inCampaign} onPick={addContact} />
        <Divider />
        <Suggestions campaignId={campaign.id} enabled={opened} onAdd={addContact} adding={add.isPending ? add.variables : undefined} />
        <Group justify="flex-end">
          <Button onClick={onClose}>{t('addMembers.done')}</Button>
        </Group>
      </Stack>
    </Modal>
  );
}

/** Picking a contact adds them at once; the box clears for the next name. */
function ContactSearch({ exclude, onPick }: { exclude: Set<string>; onPick: (id: string, name: string) => void }) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [query] = useDebouncedValue(search, 200);
  const results = useContactSearch(query);
  const options = (results.data?.items ?? [])
    .filter((c) => !exclude.has(c.id))
    .map((c) => ({ value: c.id, label: c.company ? `${c.displayName} · ${c.company}` : c.displayName }));
  return (
    <Select
      label={t('addMembers.search')}
      placeholder={t('addMembers.searchPlaceholder')}
      leftSection={<IconSearch size={16} aria-hidden />}
      data={options}
      value={null}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      onChange={(id, option) => {
        if (!id) return;
        onPick(id, option.label.split(' · ')[0] ?? option.label);
        setSearch('');
      }}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('addMembers.nothingFound')}
    />
  );
}

function Suggestions({ campaignId, enabled, onAdd, adding }: {
  campaignId: string;
  enabled: boolean;
  onAdd: (id: string, name: string) => void;
  adding: string | undefined;
}) {
  const { t } = useTranslation();
  const suggestions = useSuggestions(campaignId, enabled);
  return (
    <Stack gap="xs" component="section" aria-labelledby="suggested-heading">
      <div>
        <Title order={3} size="h5" id="suggested-heading">
          {t('addMembers.suggested')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('addMembers.suggestedHint')}
        </Text>
      </div>
      {suggestions.isPending && <Skeleton h={120} />}
      {suggestions.isError && <LoadError error={suggestions.error} onRetry={() => void suggestions.refetch()} />}
      {suggestions.data?.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('addMembers.noSuggestions')}
        </Text>
      )}
      {suggestions.data && suggestions.data.length > 0 && (
        <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="suggested-heading" data-testid="suggestions">
          {suggestions.data.map((s) => (
            <SuggestionRow key={s.contactId} suggestion={s} onAdd={onAdd} adding={adding === s.contactId} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}

function SuggestionRow({ suggestion, onAdd, adding }: { suggestion: CampaignSuggestion; onAdd: (id: string, name: string) => void; adding: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useUserToday();
  const timeZone = useMe().data?.user.timeZone;
  const name = suggestion.displayName;
  const lastTouch = suggestion.lastInteractionAt
    ? t('addMembers.lastTouch', { when: format.relativeDays(-daysBetween(isoDateIn(new Date(suggestion.lastInteractionAt), timeZone), today)) })
    : t('addMembers.neverTouched');
  return (
    <Paper component="li" withBorder p="xs" aria-label={name}>
      <Group justify="space-between" wrap="nowrap" gap="sm">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} size="sm" truncate>
            {name}
            {suggestion.company && (
              <Text span c="dimmed" fw={400}>
                {' · '}
                {suggestion.company}
              </Text>
            )}
          </Text>
          <Group gap={6}>
            <Badge size="sm" variant="light" color="sage">
              {t(`enums.stage.${suggestion.stage}`)}
            </Badge>
            <Badge size="sm" variant="light" color={circleColor[suggestion.circle]}>
              {t(`enums.circle.${suggestion.circle}`)}
            </Badge>
            <Text size="xs" c="dimmed">
              {lastTouch}
            </Text>
          </Group>
        </Stack>
        <Button
          size="xs"
          variant="light"
          leftSection={<IconPlus size={14} aria-hidden />}
          onClick={() => onAdd(suggestion.contactId, name)}
          loading={adding}
          aria-label={t('addMembers.addName', { name })}
          style={{ flexShrink: 0 }}
        >
          {t('addMembers.add')}
        </Button>
      </Group>
    </Paper>
  );
}
