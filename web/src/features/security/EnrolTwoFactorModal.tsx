// Turning two-factor on: confirm the password, scan the QR code (or type the key), prove it with
// a code, then save the recovery codes. Two-factor is on only after the code step.
import { Button, Code, CopyButton, Group, Image, Modal, PasswordInput, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TotpEnrolment } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { errorMessage, notifySuccess } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';
import { useConfirmTotp, useStartTotpEnrolment } from './api';
import { RecoveryCodesView } from './RecoveryCodesView';

export function EnrolTwoFactorModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const start = useStartTotpEnrolment();
  const confirm = useConfirmTotp();
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string>();
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);

  const close = () => {
    setPassword('');
    setCode('');
    setError(undefined);
    setEnrolment(null);
    setCodes(null);
    start.reset();
    confirm.reset();
    onClose();
  };

  const onPassword = (event: FormEvent) => {
    event.preventDefault();
    if (!password) return setError(t('errors.required'));
    start.mutate(password, {
      onSuccess: (result) => {
        setError(undefined);
        setEnrolment(result);
      },
      onError: (e) => setError(isApiError(e, 400) ? t('security.password.wrongCurrent') : errorMessage(e)),
    });
  };

  const onCode = (event: FormEvent) => {
    event.preventDefault();
    const digits = code.replace(/\s+/g, '');
    if (!/^\d{6}$/.test(digits)) return setError(t('security.twoFactor.wrongCode'));
    confirm.mutate(digits, {
      onSuccess: (result) => {
        setError(undefined);
        setCodes(result.recoveryCodes);
        notifySuccess(t('security.twoFactor.turnedOn'));
      },
      onError: (e) => setError(isApiError(e, 400) ? t('security.twoFactor.wrongCode') : errorMessage(e)),
    });
  };

  return (
    // Once the codes are shown, only the "saved them" button closes: no accidental dismissal.
    <Modal
      opened={opened}
      onClose={codes ? () => undefined : close}
      withCloseButton={!codes}
      closeOnClickOutside={!codes}
      closeOnEscape={!codes}
      title={codes ? t('security.twoFactor.turnedOn') : t('security.twoFactor.enrolTitle')}
      size="lg"
    >
      {!enrolment && (
        <form onSubmit={onPassword} noValidate>
          <Stack>
            <Text size="sm">{t('security.twoFactor.enrolPasswordIntro')}</Text>
            <PasswordInput
              label={t('security.password.current')}
              autoComplete="current-password"
              value={password}
              onChange={(e) => {
                setPassword(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              data-autofocus
            />
            <ModalActions submitLabel={t('security.twoFactor.continue')} loading={start.isPending} onCancel={close} />
          </Stack>
        </form>
      )}
      {enrolment && !codes && (
        <form onSubmit={onCode} noValidate>
          <Stack>
            <Text fw={600}>{t('security.twoFactor.scanStep')}</Text>
            <Image src={enrolment.qrCode} alt={t('security.twoFactor.qrAlt')} w={200} h={200} mx="auto" data-testid="totp-qr" />
            <Text size="sm">{t('security.twoFactor.manualStep')}</Text>
            <Group gap="xs" wrap="nowrap">
              <Code fz="sm" data-testid="totp-secret" style={{ wordBreak: 'break-all', flex: 1 }}>
                {enrolment.secret.match(/.{1,4}/g)?.join(' ')}
              </Code>
              <CopyButton value={enrolment.secret}>
                {({ copied, copy }) => (
                  <Button size="compact-sm" variant="light" onClick={copy} leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}>
                    {copied ? t('common.copied') : t('security.twoFactor.copyKey')}
                  </Button>
                )}
              </CopyButton>
            </Group>
            <Text fw={600}>{t('security.twoFactor.codeStep')}</Text>
            <TextInput
              label={t('security.twoFactor.code')}
              inputMode="numeric"
              autoComplete="one-time-code"
              maxLength={7}
              value={code}
              onChange={(e) => {
                setCode(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
              w={200}
            />
            <ModalActions submitLabel={t('security.twoFactor.confirm')} loading={confirm.isPending} onCancel={close} />
          </Stack>
        </form>
      )}
      {codes && <RecoveryCodesView codes={codes} onDone={close} />}
    </Modal>
  );
}
