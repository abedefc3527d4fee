import { Alert, Modal, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FollowupKind } from '@shared/enums.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { addDays } from '../../i18n/format';
import { useUserToday } from '../../i18n/useFormatters';
import { ModalActions } from '../../ui/ModalActions';
import { useEnumOptions } from '../../ui/useEnumOptions';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useCreateFollowup } from './api';

interface AddFollowupModalProps {
  contactId: string;
  contactName: string;
  opened: boolean;
  onClose: () => void;
}

const fields = ['title', 'dueOn', 'kind'] as const;

export function AddFollowupModal({ contactId, contactName, opened, onClose }: AddFollowupModalProps) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const today = useUserToday();
  const create = useCreateFollowup();
  const form = useFormState({ title: '', dueOn: addDays(today, 2), kind: 'custom' as FollowupKind });

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const errors = {
      title: form.values.title.trim() ? undefined : t('errors.required'),
      dueOn: /^\d{4}-\d{2}-\d{2}$/.test(form.values.dueOn) ? undefined : t('errors.date'),
    };
    if (errors.title || errors.dueOn) return form.setErrors(errors);
    create.mutate(
      { contactId, ...form.values, title: form.values.title.trim() },
      {
        onSuccess: () => {
          notifySuccess(t('followups.created'));
          onClose();
        },
        onError: (error) => isApiError(error) && form.setErrors(pickFieldErrors(error.fieldErrors, fields)),
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`${t('followups.addTitle')} · ${contactName}`}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          {form.errors.form && <Alert color="red">{form.errors.form}</Alert>}
          <TextInput
            label={t('followups.title')}
            placeholder={t('followups.titlePlaceholder')}
            required
            data-autofocus
            {...form.textProps('title')}
          />
          <TextInput type="date" label={t('followups.dueOn')} required {...form.textProps('dueOn')} />
          <Select
            label={t('followups.kind')}
            data={options.followupKind}
            value={form.values.kind}
            onChange={(v) => v && form.setValue('kind', v as FollowupKind)}
            error={form.errors.kind}
          />
          <ModalActions submitLabel={t('common.save')} loading={create.isPending} onCancel={onClose} />
        </Stack>
      </form>
    </Modal>
  );
}
