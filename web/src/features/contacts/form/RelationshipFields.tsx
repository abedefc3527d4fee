import { Input, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, TagsInput, TextInput } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Circle, ContactKind, Stage } from '@shared/enums.js';
import { useEnumOptions } from '../../../ui/useEnumOptions';
import { useAccountSettings } from '../../settings/api';
import { useContactTags } from '../api';
import { ContactPicker } from './ContactPicker';
import type { ContactFormState } from './useContactForm';

/** Circle, kind, stage, cadence, tags and how you met: the fields Círculo's reminders run on. */
export function RelationshipFields({ form, contactId }: { form: ContactFormState; contactId?: string }) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const tags = useContactTags();
  const cadences = useAccountSettings().data?.cadences;
  const circleLabelId = useId();
  const { values, errors, setValue } = form;
  const circleDefault = cadences?.[values.circle];

  return (
    <Stack gap="md">
      <Input.Wrapper label={t('contactForm.circle')} labelElement="div" id={circleLabelId} error={errors.circle}>
        <SegmentedControl
          fullWidth
          mt={4}
          aria-labelledby={`${circleLabelId}-label`}
          data={options.circle}
          value={values.circle}
          onChange={(v) => setValue('circle', v as Circle)}
        />
      </Input.Wrapper>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
        <Select
          label={t('contactForm.kind')}
          placeholder={t('common.choose')}
          data={options.kind}
          value={values.kind}
          onChange={(v) => setValue('kind', (v as ContactKind | null) ?? null)}
          clearable
          searchable
          error={errors.kind}
        />
        <Select
          label={t('contactForm.stage')}
          data={options.stage}
          value={values.stage}
          onChange={(v) => v && setValue('stage', v as Stage)}
          error={errors.stage}
        />
        <NumberInput
          label={t('contactForm.cadence')}
          description={circleDefault ? t('contactForm.cadenceHint', { count: circleDefault }) : undefined}
          placeholder={circleDefault ? String(circleDefault) : undefined}
          min={1}
          max={3650}
          allowDecimal={false}
          allowNegative={false}
          value={values.cadenceDays}
          onChange={(v) => setValue('cadenceDays', v === '' ? '' : Number(v))}
          error={errors.cadenceDays}
        />
      </SimpleGrid>
      <TagsInput
        label={t('contactForm.tags')}
        description={t('contactForm.listHint')}
        data={tags.data ?? []}
        value={values.tags}
        onChange={(v) => setValue('tags', v)}
        splitChars={[',']}
        clearable
        error={errors.tags}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TagsInput
          label={t('contactForm.interests')}
          value={values.interests}
          onChange={(v) => setValue('interests', v)}
          splitChars={[',']}
          error={errors.interests}
        />
        <TagsInput
          label={t('contactForm.communities')}
          value={values.communities}
          onChange={(v) => setValue('communities', v)}
          splitChars={[',']}
          error={errors.communities}
        />
      </SimpleGrid>
      <TextInput label={t('contactForm.howMet')} placeholder={t('contactForm.howMetPlaceholder')} {...form.textProps('howMet')} />
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
        <TextInput type="date" label={t('contactForm.metOn')} {...form.textProps('metOn')} />
        <ContactPicker
          label={t('contactForm.introducedBy')}
          value={values.introducedBy}
          onChange={(c) => setValue('introducedBy', c)}
          excludeId={contactId}
          error={errors.introducedBy}
        />
      </SimpleGrid>
    </Stack>
  );
}
