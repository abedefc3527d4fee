import { Alert, Modal, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { eventKinds, type EventKind } from '@shared/enums.js';
import type { EventCreate, EventDetail } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useMe } from '../auth/session';
import { useCreateEvent, useUpdateEvent } from './api';
import { fromWallTime, toWallTime } from './wallTime';

interface Values {
  name: string;
  startsAt: string;
  endsAt: string;
  place: string;
  url: string;
  kind: EventKind;
}

const fields = ['name', 'startsAt', 'endsAt', 'place', 'url', 'kind'] as const;

const withScheme = (link: string) => (/^[a-z][a-z0-9+.-]*:/i.test(link) ? link : `https://${link}`);

/** Create an event, or change the one given: name, when, where (a place or a link) and what kind. */
export function EventFormModal({ opened, onClose, event }: { opened: boolean; onClose: () => void; event?: EventDetail }) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={event ? t('events.editTitle') : t('events.createTitle')} size="lg">
      {opened && <EventForm event={event} onDone={onClose} />}
    </Modal>
  );
}

/** The next full hour, a sensible start for a new event. */
function nextHour(): Date {
  const date = new Date(Date.now() + 3_600_000);
  date.setMinutes(0, 0, 0);
  return date;
}

function EventForm({ event, onDone }: { event?: EventDetail; onDone: () => void }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const timeZone = useMe().data?.user.timeZone;
  const create = useCreateEvent();
  const update = useUpdateEvent(event?.id ?? '');
  const saving = create.isPending || update.isPending;
  const form = useFormState<Values>(() => ({
    name: event?.name ?? '',
    startsAt: toWallTime(event?.startsAt ?? nextHour().toISOString(), timeZone),
    endsAt: event?.endsAt ? toWallTime(event.endsAt, timeZone) : '',
    place: event?.place ?? '',
    url: event?.url ?? '',
    kind: event?.kind ?? 'meetup',
  }));
  const { values } = form;
  const kindOptions = eventKinds.map((value) => ({ value, label: t(`events.kind.${value}`) }));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const startsAt = fromWallTime(values.startsAt, timeZone);
    const endsAt = values.endsAt ? fromWallTime(values.endsAt, timeZone) : null;
    const errors: Partial<Record<keyof Values, string>> = {};
    if (!values.name.trim()) errors.name = t('errors.required');
    if (!startsAt) errors.startsAt = t('events.form.dateTimeError');
    if (values.endsAt && !endsAt) errors.endsAt = t('events.form.dateTimeError');
    else if (startsAt && endsAt && endsAt < startsAt) errors.endsAt = t('events.form.endsBeforeStart');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);

    const body: EventCreate = {
      name: values.name.trim(),
      startsAt: startsAt!,
      endsAt,
      place: values.place.trim(),
      url: values.url.trim() ? withScheme(values.url.trim()) : '',
      kind: values.kind,
    };
    const onError = (error: Error) => {
      if (isApiError(error)) form.setErrors(pickFieldErrors(error.fieldErrors, fields));
    };
    if (event) {
      update.mutate(body, {
        onSuccess: () => {
          notifySuccess(t('events.saved'));
          onDone();
        },
        onError,
      });
    } else {
      create.mutate(body, {
        onSuccess: (created) => {
          notifySuccess(t('events.created'));
          onDone();
          void navigate(`/events/${created.id}`);
        },
        onError,
      });
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={event ? t('events.editTitle') : t('events.createTitle')}>
      <Stack gap="md">
        {form.errors.form && <Alert color="red">{form.errors.form}</Alert>}
        <TextInput label={t('events.form.name')} placeholder={t('events.form.namePlaceholder')} required data-autofocus {...form.textProps('name')} />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput type="datetime-local" label={t('events.form.startsAt')} required {...form.textProps('startsAt')} />
          <TextInput
            type="datetime-local"
            label={t('events.form.endsAt')}
            min={values.startsAt}
            {...form.textProps('endsAt')}
          />
        </SimpleGrid>
        {timeZone && (
          <Text size="xs" c="dimmed" mt={-8}>
            {t('events.form.timeZone', { zone: timeZone.replace(/_/g, ' ') })}
          </Text>
        )}
        <Select
          label={t('events.form.kind')}
          data={kindOptions}
          value={values.kind}
          onChange={(v) => v && form.setValue('kind', v as EventKind)}
          allowDeselect={false}
          error={form.errors.kind}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
          <TextInput label={t('events.form.place')} placeholder={t('events.form.placePlaceholder')} {...form.textProps('place')} />
          <TextInput
            label={t('events.form.url')}
            placeholder="https://"
            type="url"
            inputMode="url"
            {...form.textProps('url')}
          />
        </SimpleGrid>
        <ModalActions submitLabel={event ? t('common.save') : t('events.create')} loading={saving} onCancel={onDone} />
      </Stack>
    </form>
  );
}
