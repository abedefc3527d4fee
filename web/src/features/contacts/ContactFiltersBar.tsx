import { Badge, Button, Collapse, Group, Kbd, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useDebouncedValue, useDisclosure, useHotkeys, useMediaQuery } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconSearch, IconX } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEnumOptions } from '../../ui/useEnumOptions';
import { useContactTags } from './api';
import type { useContactFilters } from './useContactFilters';

type FiltersState = ReturnType<typeof useContactFilters>;

/** Search as you type (debounced) and the circle / kind / tag / stage / due filters. */
export function ContactFiltersBar({ filters, setFilter, clear, active }: FiltersState) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const tags = useContactTags();
  const [text, setText] = useState(filters.q ?? '');
  const [debounced] = useDebouncedValue(text, 200);
  // Mirrors the URL so the switch flips at once, not after the navigation settles.
  const [due, setDue] = useState(filters.due ?? false);
  useEffect(() => setDue(filters.due ?? false), [filters.due]);
  const searchRef = useRef<HTMLInputElement>(null);
  const isWide = useMediaQuery('(min-width: 48em)', true);
  const [filtersOpen, { toggle: toggleFilters }] = useDisclosure(false);
  const filtersShown = isWide || filtersOpen;
  const activeCount = [filters.circle, filters.kind, filters.tag, filters.stage].filter(Boolean).length;

  useEffect(() => setFilter('q', debounced.trim()), [debounced, setFilter]);
  useHotkeys([['/', () => searchRef.current?.focus()]]); // "/" jumps to search, as in many apps.

  const select = (key: 'circle' | 'kind' | 'stage' | 'tag', label: string, data: { value: string; label: string }[] | string[]) => (
    <Select
      label={label}
      placeholder={t('common.any')}
      data={data}
      value={filters[key] ?? null}
      onChange={(v) => setFilter(key, v)}
      clearable
      searchable={key === 'tag' || key === 'kind'}
      comboboxProps={{ withinPortal: true }}
    />
  );

  return (
    <Stack gap="sm" mb="md">
      <TextInput
        ref={searchRef}
        label={t('contacts.search')}
        placeholder={t('contacts.searchPlaceholder')}
        leftSection={<IconSearch size={18} aria-hidden />}
        rightSection={<Kbd size="xs" visibleFrom="sm" aria-hidden>/</Kbd>}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        type="search"
        size="md"
      />
      {/* On a phone the filters fold away behind a button; from tablets up they stay open. */}
      <Button
        hiddenFrom="sm"
        style={{ alignSelf: 'flex-start' }}
        variant="default"
        leftSection={<IconAdjustmentsHorizontal size={16} aria-hidden />}
        onClick={toggleFilters}
        aria-expanded={filtersShown}
        aria-controls="contact-filters"
        rightSection={
          activeCount > 0 ? (
            <Badge size="sm" circle>
              {activeCount}
            </Badge>
          ) : null
        }
      >
        {t('contacts.filters')}
      </Button>
      <Collapse in={filtersShown} id="contact-filters">
        <SimpleGrid cols={{ base: 2, sm: 4 }} spacing="sm">
          {select('circle', t('contacts.circle'), options.circle)}
          {select('kind', t('contacts.kind'), options.kind)}
          {select('tag', t('contacts.tag'), tags.data ?? [])}
          {select('stage', t('contacts.stage'), options.stage)}
        </SimpleGrid>
      </Collapse>
      <Group justify="space-between">
        <Switch
          label={t('contacts.due')}
          checked={due}
          onChange={(e) => {
            setDue(e.currentTarget.checked);
            setFilter('due', e.currentTarget.checked);
          }}
        />
        {active && (
          <Button
            variant="subtle"
            size="compact-sm"
            leftSection={<IconX size={14} aria-hidden />}
            onClick={() => {
              setText('');
              clear();
            }}
          >
            {t('contacts.clearFilters')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
