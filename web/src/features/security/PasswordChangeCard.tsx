import { Alert, Button, Group, PasswordInput, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { errorMessage, notifySuccess } from '../../app/queryClient';
import { SectionCard } from '../../ui/SectionCard';
import { useFormState } from '../../ui/useFormState';
import { useMe } from '../auth/session';
import { useChangePassword } from './api';

const empty = { currentPassword: '', newPassword: '', repeat: '' };

export function PasswordChangeCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const email = useMe().data?.user.email ?? '';
  const form = useFormState(empty);
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const { currentPassword, newPassword, repeat } = form.values;
    const errors = {
      currentPassword: currentPassword ? undefined : t('errors.required'),
      newPassword: newPassword.length >= 10 ? undefined : t('errors.passwordLength'),
      repeat: repeat === newPassword ? undefined : t('security.password.mismatch'),
    };
    if (errors.currentPassword || errors.newPassword || errors.repeat) return form.setErrors(errors);
    setFailure(null);
    change.mutate(
      { currentPassword, newPassword },
      {
        onSuccess: ({ endedSessions }) => {
          form.reset(empty);
          notifySuccess(t('security.password.changed', { count: endedSessions }));
        },
        onError: (error) => {
          const code = isApiError(error, 400) ? error.problem?.errors?.[0]?.code : undefined;
          if (code === 'wrong_password') form.setErrors({ currentPassword: t('security.password.wrongCurrent') });
          else if (code === 'same_password') form.setErrors({ newPassword: t('security.password.sameAsCurrent') });
          else if (isApiError(error, 400) && error.fieldErrors.newPassword) form.setErrors({ newPassword: t('errors.passwordLength') });
          else setFailure(errorMessage(error));
        },
      },
    );
  };

  return (
    <SectionCard title={t('security.password.title')} hint={t('security.password.hint')} testId="security-password">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm" maw={420}>
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {/* The username field lets password managers file the new password under the right login. */}
          <input type="email" name="username" autoComplete="username" value={email} hidden readOnly />
          <PasswordInput label={t('security.password.current')} autoComplete="current-password" required {...form.textProps('currentPassword')} />
          <PasswordInput
            label={t('security.password.new')}
            description={t('security.password.newHint')}
            autoComplete="new-password"
            required
            {...form.textProps('newPassword')}
          />
          <PasswordInput label={t('security.password.confirm')} autoComplete="new-password" required {...form.textProps('repeat')} />
          <Group justify="flex-end">
            <Button type="submit" loading={change.isPending}>
              {t('security.password.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </SectionCard>
  );
}
