import { Modal, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Template } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';
import { useDeleteTemplate, useResetTemplate } from './api';

interface ConfirmTemplateActionProps {
  template: Template;
  action: 'delete' | 'reset' | null;
  onClose: () => void;
  onReset: (template: Template) => void;
  onDeleted: () => void;
}

/** Asks before deleting one of your templates or putting a shipped one back to its original text. */
export function ConfirmTemplateAction({ template, action, onClose, onReset, onDeleted }: ConfirmTemplateActionProps) {
  const { t } = useTranslation();
  const remove = useDeleteTemplate();
  const reset = useResetTemplate();

  const confirm = () => {
    if (action === 'delete') {
      remove.mutate(template.id, {
        onSuccess: () => {
          notifySuccess(t('templates.deleted'));
          onClose();
          onDeleted();
        },
      });
    } else if (action === 'reset') {
      reset.mutate(template.id, {
        onSuccess: (result) => {
          notifySuccess(t('templates.resetDone'));
          onClose();
          onReset(result);
        },
      });
    }
  };

  const isDelete = action === 'delete';
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={isDelete ? t('templates.deleteTitle', { name: template.name }) : t('templates.resetTitle', { name: template.name })}
    >
      <Text size="sm">{isDelete ? t('templates.deleteBody') : t('templates.resetBody')}</Text>
      <ModalActions submitLabel={isDelete ? t('common.delete') : t('templates.reset')} danger={isDelete} onSubmit={confirm} loading={remove.isPending || reset.isPending} onCancel={onClose} focus="cancel" mt="lg" />
    </Modal>
  );
}
