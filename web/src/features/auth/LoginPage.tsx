import { Alert, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../app/queryClient';
import { useFormState } from '../../ui/useFormState';
import { AuthLayout } from './AuthLayout';
import { useLogin } from './session';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useFormState({ email: '', password: '' });
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const missing = { email: form.values.email.trim() ? undefined : t('errors.required'), password: form.values.password ? undefined : t('errors.required') };
    if (missing.email || missing.password) {
      form.setErrors(missing);
      return;
    }
    setFailure(null);
    // The guard on /login moves the user on as soon as the session exists.
    login.mutate(form.values, {
      onError: (error) =>
        setFailure(
          isApiError(error, 401) || isApiError(error, 400)
            ? t('auth.badCredentials')
            : isApiError(error, 429)
              ? t('auth.tooManyAttempts')
              : isApiError(error, 403)
                ? t('auth.userDisabled')
                : errorMessage(error),
        ),
    });
  };

  return (
    <AuthLayout title={t('auth.loginTitle')} intro={t('auth.loginIntro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.textProps('email')} />
          <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.textProps('password')} />
          <Button type="submit" size="md" loading={login.isPending} mt="xs">
            {t('auth.logIn')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
