import { Alert, Fieldset, Modal, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { campaignGoals, type CampaignGoal } from '@shared/enums.js';
import type { CampaignCreate, CampaignDetail } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { useUserToday } from '../../i18n/useFormatters';
import { ModalActions } from '../../ui/ModalActions';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useProfile } from '../settings/api';
import { useCreateCampaign, useUpdateCampaign } from './api';

interface CampaignFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** Editing this campaign; absent, a new one is started. */
  campaign?: CampaignDetail;
  onCreated?: (id: string) => void;
}

interface Values {
  name: string;
  goal: CampaignGoal | null;
  target: string;
  startsOn: string;
  endsOn: string;
  newContactsPerWeek: number | string;
  meetingsPerWeek: number | string;
  notes: string;
}

const fields = ['name', 'goal', 'target', 'startsOn', 'endsOn', 'newContactsPerWeek', 'meetingsPerWeek', 'notes'] as const;
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Start or edit a campaign: a goal, a target, dates and weekly targets. */
export function CampaignFormModal({ opened, onClose, campaign, onCreated }: CampaignFormModalProps) {
  const { t } = useTranslation();
  const today = useUserToday();
  const weeklyTarget = useProfile().data?.weeklyTarget;
  const create = useCreateCampaign();
  const update = useUpdateCampaign(campaign?.id ?? '');
  const form = useFormState<Values>(() => ({
    name: campaign?.name ?? '',
    goal: campaign?.goal ?? null,
    target: campaign?.target ?? '',
    startsOn: campaign?.startsOn ?? today,
    endsOn: campaign?.endsOn ?? '',
    // Empty when the profile has not loaded yet: the server then uses the profile's weekly target.
    newContactsPerWeek: campaign?.newContactsPerWeek ?? weeklyTarget ?? '',
    meetingsPerWeek: campaign?.meetingsPerWeek ?? 1,
    notes: campaign?.notes ?? '',
  }));
  const { values } = form;
  const goalOptions = campaignGoals.map((value) => ({ value, label: t(`campaignGoal.${value}`) }));

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const wholeNumber = (v: number | string, optional = false) =>
      (optional && v === '') || (typeof v === 'number' && Number.isInteger(v) && v >= 0) ? undefined : t('errors.number');
    const found: Partial<Record<keyof Values, string>> = {
      name: values.name.trim() ? undefined : t('errors.required'),
      goal: values.goal ? undefined : t('errors.required'),
      startsOn: isDate(values.startsOn) ? undefined : t('errors.date'),
      endsOn:
        values.endsOn && !isDate(values.endsOn)
          ? t('errors.date')
          : values.endsOn && values.endsOn < values.startsOn
            ? t('campaignForm.endsBeforeStart')
            : undefined,
      newContactsPerWeek: wholeNumber(values.newContactsPerWeek, !campaign),
      meetingsPerWeek: wholeNumber(values.meetingsPerWeek),
    };
    if (Object.values(found).some(Boolean)) return form.setErrors(found);

    const body: CampaignCreate = {
      name: values.name.trim(),
      goal: values.goal!,
      target: values.target.trim() || null,
      startsOn: values.startsOn,
      endsOn: values.endsOn || null,
      newContactsPerWeek: values.newContactsPerWeek === '' ? undefined : Number(values.newContactsPerWeek),
      meetingsPerWeek: Number(values.meetingsPerWeek),
      notes: values.notes.trim() || null,
    };
    const onError = (error: unknown) => isApiError(error) && form.setErrors(pickFieldErrors(error.fieldErrors, fields));
    if (campaign) {
      update.mutate(body, {
        onSuccess: () => {
          notifySuccess(t('campaignForm.saved'));
          onClose();
        },
        onError,
      });
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          notifySuccess(t('campaignForm.created'));
          onClose();
          onCreated?.(created.id);
        },
        onError,
      });
    }
  };

  const title = campaign ? t('campaignForm.editTitle') : t('campaignForm.createTitle');
  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          {form.errors.form && <Alert color="red">{form.errors.form}</Alert>}
          <TextInput label={t('campaignForm.name')} placeholder={t('campaignForm.namePlaceholder')} required data-autofocus {...form.textProps('name')} />
          <Select
            label={t('campaignForm.goal')}
            data={goalOptions}
            value={values.goal}
            onChange={(v) => v && form.setValue('goal', v as CampaignGoal)}
            placeholder={t('common.choose')}
            required
            error={form.errors.goal}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {t(`campaignGoalHint.${option.value as CampaignGoal}`)}
                </Text>
              </Stack>
            )}
          />
          <TextInput
            label={t('campaignForm.target')}
            placeholder={t('campaignForm.targetPlaceholder')}
            description={t('campaignForm.targetHint')}
            {...form.textProps('target')}
          />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput type="date" label={t('campaignForm.startsOn')} required {...form.textProps('startsOn')} />
            <TextInput
              type="date"
              label={t('campaignForm.endsOn')}
              description={t('campaignForm.endsOnHint')}
              min={values.startsOn || undefined}
              {...form.textProps('endsOn')}
            />
          </SimpleGrid>
          <Fieldset legend={t('campaignForm.weeklyTargets')} variant="unstyled">
            <Text size="xs" c="dimmed" mb="xs">
              {t('campaignForm.weeklyTargetsHint')}
            </Text>
            <SimpleGrid cols={2} spacing="sm">
              <NumberInput
                label={t('campaignForm.newContactsPerWeek')}
                min={0}
                max={100}
                allowDecimal={false}
                allowNegative={false}
                value={values.newContactsPerWeek}
                onChange={(v) => form.setValue('newContactsPerWeek', v)}
                error={form.errors.newContactsPerWeek}
              />
              <NumberInput
                label={t('campaignForm.meetingsPerWeek')}
                min={0}
                max={50}
                allowDecimal={false}
                allowNegative={false}
                value={values.meetingsPerWeek}
                onChange={(v) => form.setValue('meetingsPerWeek', v)}
                error={form.errors.meetingsPerWeek}
              />
            </SimpleGrid>
          </Fieldset>
          <Textarea label={t('campaignForm.notes')} autosize minRows={2} maxRows={6} {...form.textProps('notes')} />
          <ModalActions submitLabel={campaign ? t('common.save') : t('campaignForm.create')} loading={create.isPending || update.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
