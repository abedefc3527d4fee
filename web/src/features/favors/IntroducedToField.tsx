import { Group, Input, SegmentedControl, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { FavorDirection } from '@shared/enums.js';
import type { ContactRef } from '@shared/schemas/index.js';
import { ContactPicker } from '../contacts/form/ContactPicker';

export interface NewPerson {
  firstName: string;
  lastName: string;
  company: string;
}

export type IntroducedTo = { mode: 'existing'; contact: ContactRef | null } | { mode: 'new'; person: NewPerson };

export const noIntroduction: IntroducedTo = { mode: 'existing', contact: null };

interface IntroducedToFieldProps {
  direction: FavorDirection;
  value: IntroducedTo;
  onChange: (value: IntroducedTo) => void;
  /** Who did the favor: the new person is recorded as introduced by them. */
  helper: ContactRef | null;
  error?: string;
}

/** "Introduced you to": someone already in your contacts, or a new person created on the spot. */
export function IntroducedToField({ direction, value, onChange, helper, error }: IntroducedToFieldProps) {
  const { t } = useTranslation();
  const labelId = useId();
  const label = direction === 'received' ? t('favors.introducedYouTo') : t('favors.youIntroducedThemTo');
  const person = value.mode === 'new' ? value.person : { firstName: '', lastName: '', company: '' };
  const setPerson = (change: Partial<NewPerson>) => onChange({ mode: 'new', person: { ...person, ...change } });

  return (
    <Stack gap={6} role="group" aria-labelledby={labelId}>
      <Group justify="space-between" gap="xs" align="flex-end">
        <Stack gap={0}>
          <Input.Label id={labelId} component="span">
            {label}
          </Input.Label>
          <Input.Description>{t('favors.introducedHint')}</Input.Description>
        </Stack>
        <SegmentedControl
          size="xs"
          value={value.mode}
          onChange={(mode) => onChange(mode === 'new' ? { mode: 'new', person } : { mode: 'existing', contact: null })}
          data={[
            { value: 'existing', label: t('favors.existingContact') },
            { value: 'new', label: t('favors.newPerson') },
          ]}
          aria-label={label}
        />
      </Group>
      {value.mode === 'existing' ? (
        <ContactPicker
          label={label}
          hideLabel
          value={value.contact}
          onChange={(contact) => onChange({ mode: 'existing', contact })}
          excludeId={helper?.id}
          error={error}
        />
      ) : (
        <>
          <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="xs">
            <TextInput
              label={t('favors.firstName')}
              required
              value={person.firstName}
              onChange={(e) => setPerson({ firstName: e.currentTarget.value })}
              error={error}
            />
            <TextInput label={t('favors.lastName')} value={person.lastName} onChange={(e) => setPerson({ lastName: e.currentTarget.value })} />
            <TextInput label={t('favors.company')} value={person.company} onChange={(e) => setPerson({ company: e.currentTarget.value })} />
          </SimpleGrid>
          <Text size="xs" c="dimmed">
            {helper ? t('favors.newPersonHint', { name: helper.displayName }) : t('favors.newPersonHintNoName')}
          </Text>
        </>
      )}
    </Stack>
  );
}
