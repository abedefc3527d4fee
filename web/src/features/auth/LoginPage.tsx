import { Alert, Anchor, Button, PasswordInput, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoginProblem } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../app/queryClient';
import { useFormState } from '../../ui/useFormState';
import { AuthLayout } from './AuthLayout';
import { useLogin } from './session';

/** The password step, then — once two-factor is on — the code step (app code or recovery code). */
type Step = 'password' | 'totpCode' | 'recoveryCode';

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const form = useFormState({ email: '', password: '', code: '' });
  const [step, setStep] = useState<Step>('password');
  const [failure, setFailure] = useState<string | null>(null);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (step === 'password') {
      const missing = { email: form.values.email.trim() ? undefined : t('errors.required'), password: form.values.password ? undefined : t('errors.required') };
      if (missing.email || missing.password) return form.setErrors(missing);
    } else if (!form.values.code.trim()) {
      return form.setErrors({ code: t('errors.required') });
    }
    setFailure(null);
    const { email, password, code } = form.values;
    const body = step === 'password' ? { email, password } : { email, password, [step]: code.trim() };
    // The guard on /login moves the user on as soon as the session exists.
    login.mutate(body, {
      onError: (error) => {
        if (isApiError(error, 401) && (error.problem as LoginProblem | null)?.totpRequired) {
          if (step === 'password') {
            setStep('totpCode');
          } else {
            form.setValue('code', '');
            form.setErrors({ code: t('security.login.wrongCode') });
          }
          return;
        }
        if (isApiError(error, 400) && step !== 'password') return form.setErrors({ code: t('security.login.wrongCode') });
        if (isApiError(error, 401) && step !== 'password') setStep('password'); // the password changed meanwhile
        setFailure(
          isApiError(error, 401) || isApiError(error, 400)
            ? t('auth.badCredentials')
            : isApiError(error, 429)
              ? t('auth.tooManyAttempts')
              : isApiError(error, 403)
                ? t('auth.userDisabled')
                : errorMessage(error),
        );
      },
    });
  };

  const switchCodeKind = () => {
    setStep(step === 'totpCode' ? 'recoveryCode' : 'totpCode');
    form.setValue('code', '');
    form.setErrors({});
  };

  const backToPassword = () => {
    setStep('password');
    form.reset({ ...form.values, password: '', code: '' });
    setFailure(null);
  };

  const onCodeStep = step !== 'password';
  return (
    <AuthLayout
      title={onCodeStep ? t('security.login.codeTitle') : t('auth.loginTitle')}
      intro={step === 'totpCode' ? t('security.login.codeIntro') : step === 'recoveryCode' ? t('security.login.recoveryIntro') : t('auth.loginIntro')}
    >
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="md">
          {failure && (
            <Alert color="red" role="alert">
              {failure}
            </Alert>
          )}
          {!onCodeStep && (
            <>
              <TextInput label={t('auth.email')} type="email" autoComplete="username" required {...form.textProps('email')} />
              <PasswordInput label={t('auth.password')} autoComplete="current-password" required {...form.textProps('password')} />
              <Button type="submit" size="md" loading={login.isPending} mt="xs">
                {t('auth.logIn')}
              </Button>
            </>
          )}
          {onCodeStep && (
            <>
              <TextInput
                key={step}
                label={step === 'totpCode' ? t('security.login.code') : t('security.login.recoveryCode')}
                inputMode={step === 'totpCode' ? 'numeric' : 'text'}
                autoComplete={step === 'totpCode' ? 'one-time-code' : 'off'}
                autoCapitalize="off"
                spellCheck={false}
                maxLength={step === 'totpCode' ? 7 : 40}
                required
                data-autofocus
                autoFocus
                {...form.textProps('code')}
              />
              <Button type="submit" size="md" loading={login.isPending} mt="xs">
                {t('security.login.verify')}
              </Button>
              <Stack gap="xs" align="center">
                <Anchor component="button" type="button" size="sm" onClick={switchCodeKind}>
                  {step === 'totpCode' ? t('security.login.useRecovery') : t('security.login.useApp')}
                </Anchor>
                <Anchor component="button" type="button" size="sm" c="dimmed" onClick={backToPassword}>
                  {t('security.login.back')}
                </Anchor>
              </Stack>
            </>
          )}
        </Stack>
      </form>
    </AuthLayout>
  );
}
