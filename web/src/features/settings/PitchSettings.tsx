import { Button, Group, SimpleGrid, Skeleton, Stack, TagsInput, Text, Textarea, Title } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Profile } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useProfile, useUpdateProfile } from './api';

/** People speak about 2.5 words a second: a pitch for a lift ride is ~75 words. */
const WORDS_PER_SECOND = 2.5;
const PITCH_SECONDS = 30;

interface PitchValues {
  pitchShort: string;
  pitchLong: string;
  goals: string;
  companies: string[];
  schools: string[];
  interests: string[];
  places: string[];
  communities: string[];
}
const fields = ['pitchShort', 'pitchLong', 'goals', 'companies', 'schools', 'interests', 'places', 'communities'] as const;
const listFields = ['companies', 'schools', 'interests', 'places', 'communities'] as const;

const toValues = (p: Profile): PitchValues => ({
  pitchShort: p.pitchShort ?? '',
  pitchLong: p.pitchLong ?? '',
  goals: p.goals ?? '',
  companies: p.companies,
  schools: p.schools,
  interests: p.interests,
  places: p.places,
  communities: p.communities,
});

/** The elevator pitch (for messages and events) and the lists common points are found in. */
export function PitchSettings() {
  const { t } = useTranslation();
  const profile = useProfile();
  const values = profile.data && toValues(profile.data);
  return (
    <div id="pitch">
      <SectionCard title={t('pitch.title')} hint={t('pitch.hint')} testId="settings-pitch">
        {profile.isPending && <Skeleton h={260} />}
        {profile.isError && <LoadError error={profile.error} onRetry={() => void profile.refetch()} />}
        {/* Keyed on its own fields: saving the other profile card does not reset what is typed here. */}
        {values && <PitchForm key={JSON.stringify(values)} initial={values} />}
      </SectionCard>
    </div>
  );
}

export function speakingSeconds(text: string): number {
  const words = text.trim().split(/\s+/).filter(Boolean).length;
  return Math.round(words / WORDS_PER_SECOND);
}

function PitchForm({ initial }: { initial: PitchValues }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const update = useUpdateProfile();
  const form = useFormState<PitchValues>(initial);
  const seconds = speakingSeconds(form.values.pitchShort);
  const tooLong = seconds > PITCH_SECONDS;

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    // A promise, not mutate callbacks: saving re-keys this form, and callbacks of an unmounted
    // form would never run.
    update.mutateAsync(form.values).then(
      () => notifySuccess(t('pitch.saved')),
      (error: unknown) => isApiError(error) && form.setErrors(pickFieldErrors(error.fieldErrors, fields)),
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('pitch.title')}>
      <Stack gap="md">
        <Stack gap={4}>
          <Textarea
            label={t('pitch.pitchShort')}
            description={t('pitch.pitchShortHint')}
            placeholder={t('pitch.pitchShortPlaceholder')}
            autosize
            minRows={3}
            maxRows={8}
            maxLength={600}
            aria-describedby="pitch-short-meter"
            {...form.textProps('pitchShort')}
          />
          <Group gap="xs" id="pitch-short-meter" aria-live="polite">
            <Text size="xs" c="dimmed">
              {t('pitch.characters', { count: form.values.pitchShort.length, formatted: format.number(form.values.pitchShort.length) })}
              {' · '}
              {t('pitch.readingTime', { seconds })}
            </Text>
            {form.values.pitchShort.trim() && (
              <Text size="xs" fw={600} c={tooLong ? 'orange' : 'sage.8'}>
                {tooLong ? t('pitch.overThirty') : t('pitch.withinThirty')}
              </Text>
            )}
          </Group>
        </Stack>
        <Textarea
          label={t('pitch.pitchLong')}
          description={t('pitch.pitchLongHint')}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={3000}
          {...form.textProps('pitchLong')}
        />
        <Textarea label={t('pitch.goals')} placeholder={t('pitch.goalsPlaceholder')} autosize minRows={2} maxRows={8} {...form.textProps('goals')} />

        <Stack gap={2} mt="xs">
          <Title order={3} size="h5">
            {t('pitch.commonGround')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('pitch.commonGroundHint')}
          </Text>
        </Stack>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          {listFields.map((field) => (
            <TagsInput
              key={field}
              label={t(`pitch.${field}`)}
              description={t(`pitch.${field}Hint`)}
              value={form.values[field]}
              onChange={(v) => form.setValue(field, v)}
              splitChars={[',']}
              clearable
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
