import { Button, Group, NumberInput, SimpleGrid, Skeleton, Stack } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupDelays } from '@shared/schemas/settings.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useAccountSettings, useUpdateAccountSettings } from './api';

const fields = ['thankYouDays', 'outcomeReportDays'] as const;
/** The server's bounds (docs/domain.md#favors-and-the-loop defaults: thank in 2 days, report in 14). */
const bounds = { thankYouDays: { min: 0, max: 365 }, outcomeReportDays: { min: 1, max: 365 } } as const;

/** When a received favor's thank-you is due, and when to tell them how it went. */
export function FollowupDelaySettings() {
  const { t } = useTranslation();
  const settings = useAccountSettings();
  return (
    <SectionCard title={t('loopSettings.title')} hint={t('loopSettings.hint')} testId="settings-followup-delays">
      {settings.isPending && <Skeleton h={80} />}
      {settings.isError && <LoadError error={settings.error} onRetry={() => void settings.refetch()} />}
      {settings.data && <DelayForm key={JSON.stringify(settings.data.followupDelays)} delays={settings.data.followupDelays} />}
    </SectionCard>
  );
}

function DelayForm({ delays }: { delays: FollowupDelays }) {
  const { t } = useTranslation();
  const update = useUpdateAccountSettings();
  const form = useFormState<FollowupDelays>(delays);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const bad = fields.filter((f) => !(form.values[f] >= bounds[f].min && form.values[f] <= bounds[f].max));
    if (bad.length > 0) return form.setErrors(Object.fromEntries(bad.map((f) => [f, t('errors.number')])));
    update.mutate(
      { followupDelays: form.values },
      {
        onSuccess: () => notifySuccess(t('loopSettings.saved')),
        // The server names these `followupDelays.thankYouDays`; the form knows them by the last part.
        onError: (error) =>
          isApiError(error) &&
          form.setErrors(pickFieldErrors(Object.fromEntries(error.problem?.errors?.map((e) => [e.field.split('.').pop() ?? e.field, e.message]) ?? []), fields)),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {fields.map((field) => (
            <NumberInput
              key={field}
              label={t(`loopSettings.${field}`)}
              description={t(`loopSettings.${field}Hint`)}
              min={bounds[field].min}
              max={bounds[field].max}
              allowDecimal={false}
              allowNegative={false}
              value={form.values[field]}
              onChange={(v) => form.setValue(field, typeof v === 'number' ? v : Number(v) || 0)}
              error={form.errors[field]}
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
