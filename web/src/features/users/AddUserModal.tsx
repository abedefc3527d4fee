import { Alert, Modal, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language } from '@shared/enums.js';
import { isApiError } from '../../api/client';
import { errorMessage, notifySuccess } from '../../app/queryClient';
import { toLanguage } from '../../i18n';
import { useMe } from '../auth/session';
import { ModalActions } from '../../ui/ModalActions';
import { useEnumOptions } from '../../ui/useEnumOptions';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useAddUser } from './api';

const fields = ['name', 'email', 'password'] as const;

/** A new user with an account of their own; the owner passes the initial password on to them. */
export function AddUserModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const options = useEnumOptions();
  const me = useMe().data;
  const add = useAddUser();
  const empty = () => ({ name: '', email: '', password: '', language: toLanguage(i18n.resolvedLanguage) as Language });
  const form = useFormState(empty);
  const [failure, setFailure] = useState<string | null>(null);

  const close = () => {
    form.reset(empty());
    setFailure(null);
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { name, email, password } = form.values;
    const errors = {
      name: name.trim() ? undefined : t('errors.required'),
      email: /^\S+@\S+\.\S+$/.test(email.trim()) ? undefined : t('errors.email'),
      password: password.length >= 10 ? undefined : t('errors.passwordLength'),
    };
    if (errors.name || errors.email || errors.password) return form.setErrors(errors);
    setFailure(null);
    add.mutate(
      { ...form.values, name: name.trim(), email: email.trim(), ...(me ? { timeZone: me.user.timeZone } : {}) },
      {
        onSuccess: (user) => {
          notifySuccess(t('users.added', { name: user.name }));
          close();
        },
        onError: (error) => {
          if (isApiError(error, 409)) return form.setErrors({ email: t('users.emailTaken') });
          if (isApiError(error, 400)) {
            const picked = pickFieldErrors<typeof form.values>(error.fieldErrors, fields);
            form.setErrors(picked);
            if (picked.form) setFailure(picked.form);
            return;
          }
          setFailure(errorMessage(error));
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={close} title={t('users.addTitle')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput label={t('users.name')} required autoComplete="off" data-autofocus {...form.textProps('name')} />
          <TextInput label={t('users.email')} type="email" required autoComplete="off" {...form.textProps('email')} />
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            {...form.textProps('password')}
          />
          <Select
            label={t('users.language')}
            data={options.language}
            value={form.values.language}
            onChange={(v) => v && form.setValue('language', v as Language)}
            allowDeselect={false}
          />
          <ModalActions submitLabel={t('users.addSubmit')} loading={add.isPending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
