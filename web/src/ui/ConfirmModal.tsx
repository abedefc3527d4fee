import { Modal, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { ModalActions } from './ModalActions';

interface ConfirmModalProps {
  opened: boolean;
  onClose: () => void;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  loading?: boolean;
}

/** "Are you sure?" for something that cannot be undone; Cancel has the focus. */
export function ConfirmModal({ opened, onClose, title, children, confirmLabel, onConfirm, loading }: ConfirmModalProps) {
  return (
    <Modal opened={opened} onClose={onClose} title={title}>
      <Stack>
        {children}
        <ModalActions submitLabel={confirmLabel} danger loading={loading} onSubmit={onConfirm} onCancel={onClose} focus="cancel" />
      </Stack>
    </Modal>
  );
}
