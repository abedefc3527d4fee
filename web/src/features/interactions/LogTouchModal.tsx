import { Modal } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LogTouchForm } from './LogTouchForm';

interface LogTouchModalProps {
  contact: { id: string; displayName: string } | null;
  onClose: () => void;
}

/** The quick log form in a dialog, opened from Today's keep-in-touch suggestions. */
export function LogTouchModal({ contact, onClose }: LogTouchModalProps) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={contact !== null}
      onClose={onClose}
      size="lg"
      title={contact ? t('interactions.formTitleFor', { name: contact.displayName }) : ''}
    >
      {contact && <LogTouchForm contactId={contact.id} onLogged={onClose} autoFocus />}
    </Modal>
  );
}
