import {
  Alert, Group, Input, Modal, Radio, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput, Textarea,
} from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight } from '@tabler/icons-react';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Effort, FavorDirection, FavorKind } from '@shared/enums.js';
import { suggestedGesture } from '@shared/rules/favors.js';
import type { FavorCreate } from '@shared/schemas/favors.js';
import type { ContactRef } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { useUserToday } from '../../i18n/useFormatters';
import { ModalActions } from '../../ui/ModalActions';
import { pickFieldErrors } from '../../ui/useFormState';
import { ContactPicker } from '../contacts/form/ContactPicker';
import { useCreateFavor } from './api';
import { effortColor } from './favorStyle';
import { IntroducedToField, noIntroduction, type IntroducedTo } from './IntroducedToField';
import { useFavorOptions } from './useFavorOptions';

interface FavorFormModalProps {
  opened: boolean;
  onClose: () => void;
  /** The person, when recording from their page (or a "give back" suggestion). */
  contact?: ContactRef;
  direction?: FavorDirection;
}

interface Values {
  contact: ContactRef | null;
  direction: FavorDirection;
  kind: FavorKind | null;
  effort: Effort;
  occurredOn: string;
  description: string;
  introducedTo: IntroducedTo;
}

type Field = 'contactId' | 'kind' | 'effort' | 'occurredOn' | 'description' | 'introducedTo';
const serverFields = ['contactId', 'kind', 'effort', 'occurredOn', 'description', 'introducedToId', 'newIntroducedContact'] as const;

/** "Record a favor": who, which way, what kind, how big, when, and whom it introduced you to. */
export function FavorFormModal({ opened, onClose, contact, direction = 'received' }: FavorFormModalProps) {
  const { t } = useTranslation();
  const options = useFavorOptions();
  const today = useUserToday();
  const create = useCreateFavor();
  const directionLabelId = useId();
  const [values, setValues] = useState<Values>({
    contact: contact ?? null,
    direction,
    kind: null,
    effort: 'small',
    occurredOn: today,
    description: '',
    introducedTo: noIntroduction,
  });
  const [errors, setErrors] = useState<Partial<Record<Field | 'form', string>>>({});
  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((current) => ({ ...current, [key]: value }));
    setErrors((current) => ({ ...current, [key === 'contact' ? 'contactId' : key]: undefined }));
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { introducedTo } = values;
    const newPerson = introducedTo.mode === 'new' ? introducedTo.person : null;
    const found: typeof errors = {
      contactId: values.contact ? undefined : t('errors.required'),
      kind: values.kind ? undefined : t('errors.required'),
      occurredOn: /^\d{4}-\d{2}-\d{2}$/.test(values.occurredOn) ? undefined : t('errors.date'),
      introducedTo: newPerson && !newPerson.firstName.trim() ? t('errors.required') : undefined,
    };
    if (Object.values(found).some(Boolean)) return setErrors(found);

    const body: FavorCreate = {
      contactId: values.contact!.id,
      direction: values.direction,
      kind: values.kind!,
      effort: values.effort,
      occurredOn: values.occurredOn,
      description: values.description.trim() || null,
      ...(introducedTo.mode === 'existing' && introducedTo.contact ? { introducedToId: introducedTo.contact.id } : {}),
      ...(newPerson
        ? {
            newIntroducedContact: {
              firstName: newPerson.firstName.trim(),
              lastName: newPerson.lastName.trim() || null,
              company: newPerson.company.trim() || null,
            },
          }
        : {}),
    };
    create.mutate(body, {
      onSuccess: (favor) => {
        notifySuccess(favor.direction === 'received' ? t('favors.recordedReceived', { name: favor.contact.displayName }) : t('favors.recorded'));
        onClose();
      },
      onError: (error) => {
        if (!isApiError(error)) return;
        const { introducedToId, newIntroducedContact, ...rest } = pickFieldErrors(error.fieldErrors, serverFields);
        setErrors({ ...rest, introducedTo: introducedToId ?? newIntroducedContact });
      },
    });
  };

  const title = contact ? t('favors.recordFor', { name: contact.displayName }) : t('favors.record');
  const gesture = suggestedGesture(values.effort).gesture;

  return (
    <Modal opened={opened} onClose={onClose} title={title} size="lg">
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          {errors.form && <Alert color="red">{errors.form}</Alert>}
          {!contact && (
            <ContactPicker
              label={t('favors.who')}
              value={values.contact}
              onChange={(picked) => set('contact', picked)}
              error={errors.contactId}
            />
          )}
          <Stack gap={4}>
            <Input.Label id={directionLabelId} component="span">
              {t('favors.direction')}
            </Input.Label>
            <SegmentedControl
              fullWidth
              value={values.direction}
              onChange={(v) => set('direction', v as FavorDirection)}
              aria-labelledby={directionLabelId}
              data={options.direction.map((o) => ({
                value: o.value,
                label: (
                  <Group gap={6} justify="center" wrap="nowrap">
                    {o.value === 'received' ? <IconArrowDownLeft size={16} aria-hidden /> : <IconArrowUpRight size={16} aria-hidden />}
                    <span>{o.label}</span>
                  </Group>
                ),
              }))}
            />
          </Stack>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <Select
              label={t('favors.kind')}
              data={options.kind}
              value={values.kind}
              onChange={(v) => v && set('kind', v as FavorKind)}
              placeholder={t('common.choose')}
              required
              error={errors.kind}
              data-autofocus={contact ? true : undefined}
            />
            <TextInput
              type="date"
              label={t('favors.occurredOn')}
              required
              value={values.occurredOn}
              max={today}
              onChange={(e) => set('occurredOn', e.currentTarget.value)}
              error={errors.occurredOn}
            />
          </SimpleGrid>
          <Radio.Group
            label={t('favors.effort')}
            description={t('favors.effortLegend')}
            value={values.effort}
            onChange={(v) => set('effort', v as Effort)}
            error={errors.effort}
          >
            <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs" mt={6}>
              {options.effort.map((o) => (
                <Radio.Card key={o.value} value={o.value} p="sm" radius="md">
                  <Group gap="xs" wrap="nowrap" align="flex-start">
                    <Radio.Indicator color={effortColor[o.value]} mt={2} />
                    <Stack gap={0}>
                      <Text fw={600} size="sm">
                        {o.label}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {o.hint}
                      </Text>
                    </Stack>
                  </Group>
                </Radio.Card>
              ))}
            </SimpleGrid>
          </Radio.Group>
          {values.direction === 'received' && (
            <Text size="sm" c="coral.8" mt={-6}>
              {t('favors.thankWith', { gesture: t(`gesture.${gesture}`) })}
            </Text>
          )}
          <Textarea
            label={t('favors.description')}
            placeholder={t('favors.descriptionPlaceholder')}
            autosize
            minRows={2}
            maxRows={6}
            value={values.description}
            onChange={(e) => set('description', e.currentTarget.value)}
            error={errors.description}
          />
          <IntroducedToField
            direction={values.direction}
            value={values.introducedTo}
            onChange={(v) => set('introducedTo', v)}
            helper={values.contact}
            error={errors.introducedTo}
          />
          <ModalActions submitLabel={t('favors.record')} loading={create.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
