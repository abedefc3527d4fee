import { Button, Group, NumberInput, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { circles } from '@shared/enums.js';
import type { Cadences } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useAccountSettings, useUpdateAccountSettings } from './api';

export function CadenceSettings() {
  const { t } = useTranslation();
  const settings = useAccountSettings();
  return (
    <SectionCard title={t('settings.cadences')} hint={t('settings.cadencesHint')} testId="settings-cadences">
      {settings.isPending && <Skeleton h={80} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <CadenceForm key={JSON.stringify(settings.data.cadences)} cadences={settings.data.cadences} />}
    </SectionCard>
  );
}

function CadenceForm({ cadences }: { cadences: Cadences }) {
  const { t } = useTranslation();
  const update = useUpdateAccountSettings();
  const form = useFormState<Cadences>(cadences);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const bad = circles.filter((c) => !(form.values[c] >= 1 && form.values[c] <= 3650));
    if (bad.length > 0) return form.setErrors(Object.fromEntries(bad.map((c) => [c, t('errors.number')])));
    update.mutate(
      { cadences: form.values },
      {
        onSuccess: () => notifySuccess(t('settings.cadencesSaved')),
        // The server names these `cadences.personal`; the form knows them as `personal`.
        onError: (error) =>
          isApiError(error) &&
          form.setErrors(pickFieldErrors(Object.fromEntries(error.problem?.errors?.map((e) => [e.field.split('.').pop() ?? e.field, e.message]) ?? []), circles)),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
          {circles.map((circle) => (
            <NumberInput
              key={circle}
              label={t('settings.cadenceFor', { circle: t(`enums.circle.${circle}`) })}
              min={1}
              max={3650}
              allowDecimal={false}
              allowNegative={false}
              value={form.values[circle]}
              onChange={(v) => form.setValue(circle, Number(v) || 0)}
              error={form.errors[circle]}
            />
          ))}
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
