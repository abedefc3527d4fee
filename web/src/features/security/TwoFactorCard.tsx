import { Alert, Badge, Button, Group, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { IconShieldCheck, IconShieldOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useDisableTotp, useRegenerateRecoveryCodes, useTotpStatus } from './api';
import { ConfirmIdentityModal } from './ConfirmIdentityModal';
import { EnrolTwoFactorModal } from './EnrolTwoFactorModal';
import { RecoveryCodesView } from './RecoveryCodesView';

const FEW_CODES = 3;

export function TwoFactorCard() {
  const { t } = useTranslation();
  const format = useFormatters();
  const status = useTotpStatus();
  const disable = useDisableTotp();
  const regenerate = useRegenerateRecoveryCodes();
  const [dialog, setDialog] = useState<'enrol' | 'disable' | 'regenerate' | null>(null);
  const [newCodes, setNewCodes] = useState<string[] | null>(null);
  const on = status.data?.enabled ?? false;

  return (
    <SectionCard
      title={t('security.twoFactor.title')}
      hint={t('security.twoFactor.hint')}
      testId="security-two-factor"
    >
      {status.data && (
        <Badge mb="sm" color={on ? 'sage' : 'gray'} variant="light" leftSection={on ? <IconShieldCheck size={14} aria-hidden /> : <IconShieldOff size={14} aria-hidden />}>
          {on ? t('security.twoFactor.on') : t('security.twoFactor.off')}
        </Badge>
      )}
      {status.isPending && <Skeleton h={48} />}
      {status.isError && <LoadError error={status.error} onRetry={() => void status.refetch()} />}
      {status.data && !on && (
        <Group justify="space-between" gap="sm">
          <Text size="sm" style={{ flex: '1 1 260px' }}>
            {t('security.twoFactor.offBody')}
          </Text>
          <Button leftSection={<IconShieldCheck size={16} aria-hidden />} onClick={() => setDialog('enrol')}>
            {t('security.twoFactor.turnOn')}
          </Button>
        </Group>
      )}
      {status.data && on && (
        <Stack gap="sm">
          <Text size="sm">
            {status.data.enabledAt && t('security.twoFactor.onSince', { date: format.dateTime(status.data.enabledAt) })} ·{' '}
            {t('security.twoFactor.codesLeft', { count: status.data.recoveryCodesLeft })}
          </Text>
          {status.data.recoveryCodesLeft <= FEW_CODES && (
            <Alert color="yellow" variant="light">
              {t('security.twoFactor.codesLow')}
            </Alert>
          )}
          <Group gap="sm">
            <Button variant="light" onClick={() => setDialog('regenerate')}>
              {t('security.twoFactor.regenerate')}
            </Button>
            <Button variant="subtle" color="red" onClick={() => setDialog('disable')}>
              {t('security.twoFactor.turnOff')}
            </Button>
          </Group>
        </Stack>
      )}

      <EnrolTwoFactorModal opened={dialog === 'enrol'} onClose={() => setDialog(null)} />
      <ConfirmIdentityModal
        opened={dialog === 'disable'}
        title={t('security.twoFactor.confirmTitleOff')}
        body={t('security.twoFactor.confirmOffBody')}
        action={t('security.twoFactor.turnOff')}
        danger
        pending={disable.isPending}
        onClose={() => setDialog(null)}
        onConfirm={(proof) => disable.mutateAsync(proof).then(() => notifySuccess(t('security.twoFactor.turnedOff')))}
      />
      <ConfirmIdentityModal
        opened={dialog === 'regenerate'}
        title={t('security.twoFactor.confirmTitleCodes')}
        body={t('security.twoFactor.confirmCodesBody')}
        action={t('security.twoFactor.regenerate')}
        pending={regenerate.isPending}
        onClose={() => setDialog(null)}
        onConfirm={(proof) => regenerate.mutateAsync(proof).then((result) => setNewCodes(result.recoveryCodes))}
      />
      <Modal
        opened={newCodes !== null}
        onClose={() => undefined}
        withCloseButton={false}
        closeOnClickOutside={false}
        closeOnEscape={false}
        title={t('security.twoFactor.regenerate')}
        size="lg"
      >
        {newCodes && <RecoveryCodesView codes={newCodes} onDone={() => setNewCodes(null)} />}
      </Modal>
    </SectionCard>
  );
}
