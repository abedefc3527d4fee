// Before turning two-factor off or replacing the recovery codes: the password, the app's code or
// a recovery code proves the person at the keyboard is the user.
import { Group, Modal, PasswordInput, Radio, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Reauthentication } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { errorMessage } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';

type Proof = 'password' | 'totpCode' | 'recoveryCode';

interface ConfirmIdentityModalProps {
  opened: boolean;
  title: string;
  body: string;
  action: string;
  danger?: boolean;
  pending: boolean;
  onClose: () => void;
  /** Resolves when the server accepted the proof; rejects with its error otherwise. */
  onConfirm: (proof: Reauthentication) => Promise<unknown>;
}

export function ConfirmIdentityModal({ opened, title, body, action, danger, pending, onClose, onConfirm }: ConfirmIdentityModalProps) {
  const { t } = useTranslation();
  const [kind, setKind] = useState<Proof>('password');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();

  const close = () => {
    setValue('');
    setError(undefined);
    setKind('password');
    onClose();
  };

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!value.trim()) return setError(t('errors.required'));
    onConfirm({ [kind]: value.trim() }).then(
      () => close(),
      (e: unknown) => setError(isApiError(e, 400) ? t('security.twoFactor.wrongProof') : errorMessage(e)),
    );
  };

  const label = { password: t('security.twoFactor.proofPassword'), totpCode: t('security.twoFactor.code'), recoveryCode: t('security.twoFactor.recoveryCode') }[kind];
  const inputProps = {
    label,
    value,
    error,
    'data-autofocus': true,
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      setValue(e.currentTarget.value);
      setError(undefined);
    },
  };

  return (
    <Modal opened={opened} onClose={close} title={title}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{body}</Text>
          <Radio.Group
            label={t('security.twoFactor.proveWith')}
            value={kind}
            onChange={(next) => {
              setKind(next as Proof);
              setValue('');
              setError(undefined);
            }}
          >
            <Group gap="md" mt={6}>
              <Radio value="password" label={t('security.twoFactor.proofPassword')} />
              <Radio value="totpCode" label={t('security.twoFactor.proofCode')} />
              <Radio value="recoveryCode" label={t('security.twoFactor.proofRecovery')} />
            </Group>
          </Radio.Group>
          {kind === 'password' ? (
            <PasswordInput autoComplete="current-password" {...inputProps} />
          ) : (
            <TextInput
              autoComplete={kind === 'totpCode' ? 'one-time-code' : 'off'}
              inputMode={kind === 'totpCode' ? 'numeric' : 'text'}
              {...inputProps}
            />
          )}
          <ModalActions submitLabel={action} danger={danger} loading={pending} onCancel={close} />
        </Stack>
      </form>
    </Modal>
  );
}
