import { Alert, Button, PasswordInput, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { SetupBody } from '@shared/schemas/index.js';
import type { Language } from '@shared/enums.js';
import { isApiError } from '../../api/client';
import { toLanguage } from '../../i18n';
import { browserTimeZone, timeZoneOptions } from '../../ui/timeZones';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useEnumOptions } from '../../ui/useEnumOptions';
import { AuthLayout } from './AuthLayout';
import { useSetup } from './session';

const fields = ['name', 'email', 'password', 'timeZone', 'language'] as const;

export function SetupPage() {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const options = useEnumOptions();
  const setup = useSetup();
  const form = useFormState(() => ({
    name: '',
    email: '',
    password: '',
    timeZone: browserTimeZone(),
    language: toLanguage(i18n.resolvedLanguage) as Language,
  }));

  // The shared schema decides what is valid; the messages are ours, in the user's language.
  const messageFor = (field: string) =>
    field === 'email' ? t('errors.email') : field === 'password' ? t('errors.passwordLength') : t('errors.required');

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = SetupBody.safeParse(form.values);
    if (!parsed.success) {
      form.setErrors(Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), messageFor(String(i.path[0]))])));
      return;
    }
    setup.mutate(parsed.data, {
      onSuccess: () => {
        void i18n.changeLanguage(parsed.data.language ?? 'en');
        void navigate('/', { replace: true });
      },
      onError: (error) => form.setErrors(isApiError(error) ? pickFieldErrors(error.fieldErrors, fields) : {}),
    });
  };

  return (
    <AuthLayout title={t('auth.setupTitle')} intro={t('auth.setupIntro')}>
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {setup.error && isApiError(setup.error, 409) && <Alert color="yellow">{t('auth.alreadySetUp')}</Alert>}
          {form.errors.form && <Alert color="red">{form.errors.form}</Alert>}
          <TextInput label={t('auth.name')} autoComplete="name" required {...form.textProps('name')} />
          <TextInput label={t('auth.email')} type="email" autoComplete="email" required {...form.textProps('email')} />
          <PasswordInput
            label={t('auth.password')}
            description={t('auth.passwordHint')}
            autoComplete="new-password"
            required
            {...form.textProps('password')}
          />
          <Select
            label={t('auth.timeZone')}
            data={timeZoneOptions(form.values.timeZone)}
            searchable
            value={form.values.timeZone}
            onChange={(v) => v && form.setValue('timeZone', v)}
            error={form.errors.timeZone}
          />
          <Select
            label={t('auth.language')}
            data={options.language}
            value={form.values.language}
            onChange={(v) => {
              if (!v) return;
              form.setValue('language', v as Language);
              void i18n.changeLanguage(v); // Show the rest of the setup in the chosen language.
            }}
          />
          <Button type="submit" size="md" loading={setup.isPending} mt="xs">
            {t('auth.createAccount')}
          </Button>
        </Stack>
      </form>
    </AuthLayout>
  );
}
