import { Button, Group, NumberInput, Select, SimpleGrid, Skeleton, Stack, TagsInput, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/enums.js';
import type { Profile } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { timeZoneOptions } from '../../ui/timeZones';
import { useEnumOptions } from '../../ui/useEnumOptions';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useProfile, useUpdateProfile } from './api';

export function ProfileSettings() {
  const { t } = useTranslation();
  const profile = useProfile();
  return (
    <SectionCard title={t('settings.profile')} hint={t('settings.profileHint')} testId="settings-profile">
      {profile.isPending && <Skeleton h={140} />}
      {profile.isError && <LoadError error={profile.error} onRetry={() => void profile.refetch()} />}
      {/* Keyed on its own fields: saving the pitch card does not reset what is typed here. */}
      {profile.data && <ProfileForm key={JSON.stringify(fields.map((f) => profile.data[f]))} profile={profile.data} />}
    </SectionCard>
  );
}

const fields = ['name', 'timeZone', 'language', 'weeklyTarget', 'otherEmails'] as const;

function ProfileForm({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const options = useEnumOptions();
  const update = useUpdateProfile();
  const form = useFormState<Profile>(profile);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!form.values.name.trim()) return form.setErrors({ name: t('errors.required') });
    const { name, timeZone, language, weeklyTarget, otherEmails } = form.values; // Only this card's fields.
    // A promise, not mutate callbacks: saving re-keys this form, and callbacks of an unmounted
    // form would never run.
    update.mutateAsync({ name, timeZone, language, weeklyTarget, otherEmails }).then(
      (saved) => {
        // The profile language is also the interface language from now on.
        if (saved.language !== i18n.resolvedLanguage) void i18n.changeLanguage(saved.language);
        notifySuccess(t('settings.profileSaved'));
      },
      (error: unknown) => isApiError(error) && form.setErrors(pickFieldErrors(error.fieldErrors, fields)),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="md">
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('settings.name')} required {...form.textProps('name')} />
          <NumberInput
            label={t('settings.weeklyTarget')}
            description={t('settings.weeklyTargetHint')}
            min={0}
            max={100}
            allowDecimal={false}
            allowNegative={false}
            value={form.values.weeklyTarget}
            onChange={(v) => form.setValue('weeklyTarget', Number(v) || 0)}
            error={form.errors.weeklyTarget}
          />
          <Select
            label={t('settings.timeZone')}
            data={timeZoneOptions(form.values.timeZone)}
            searchable
            value={form.values.timeZone}
            onChange={(v) => v && form.setValue('timeZone', v)}
            error={form.errors.timeZone}
          />
          <Select
            label={t('settings.language')}
            data={options.language}
            value={form.values.language}
            onChange={(v) => v && form.setValue('language', v as Language)}
            error={form.errors.language}
          />
        </SimpleGrid>
        <TagsInput
          label={t('settings.otherEmails')}
          description={t('settings.otherEmailsHint')}
          placeholder={t('settings.otherEmailsPlaceholder')}
          value={form.values.otherEmails}
          onChange={(v) => form.setValue('otherEmails', v.map((e) => e.trim().toLowerCase()).filter(Boolean))}
          error={form.errors.otherEmails}
          maxTags={20}
          splitChars={[',', ' ', ';']}
          clearable
        />
        <Group justify="flex-end">
          <Button type="submit" loading={update.isPending}>
            {t('common.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
