import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRef } from '@shared/schemas/index.js';
import { useContactSearch } from '../api';

interface ContactPickerProps {
  label: string;
  value: ContactRef | null;
  onChange: (contact: ContactRef | null) => void;
  /** The contact being edited can't have introduced themselves. */
  excludeId?: string;
  error?: string;
  /** The label still names the input for screen readers when a heading nearby shows it. */
  hideLabel?: boolean;
}

/** A searchable select over the user's contacts; the server does the (accent-blind) matching. */
export function ContactPicker({ label, value, onChange, excludeId, error, hideLabel }: ContactPickerProps) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value?.displayName ?? '');
  const [query] = useDebouncedValue(search, 200);
  // Once a contact is chosen the search box shows its name; don't narrow the list to it.
  const results = useContactSearch(query === value?.displayName ? '' : query);

  const data = useMemo(() => {
    const options = (results.data?.items ?? [])
      .filter((c) => c.id !== excludeId)
      .map((c) => ({ value: c.id, label: c.company ? `${c.displayName} · ${c.company}` : c.displayName }));
    if (value && !options.some((o) => o.value === value.id)) options.unshift({ value: value.id, label: value.displayName });
    return options;
  }, [results.data, value, excludeId]);

  return (
    <Select
      label={hideLabel ? undefined : label}
      aria-label={hideLabel ? label : undefined}
      placeholder={t('contactForm.introducedByPlaceholder')}
      data={data}
      value={value?.id ?? null}
      onChange={(id, option) => onChange(id ? { id, displayName: option.label.split(' · ')[0] ?? option.label } : null)}
      searchable
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options }) => options}
      nothingFoundMessage={results.isFetching ? t('common.loading') : t('contactForm.nothingFound')}
      clearable
      allowDeselect
      error={error}
    />
  );
}
