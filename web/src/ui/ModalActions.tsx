import { Button, Group, type GroupProps, type MantineSize } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface ModalActionsProps extends Omit<GroupProps, 'children' | 'justify'> {
  /** What the main button says. */
  submitLabel: ReactNode;
  /** Without it the main button submits the form it sits in. */
  onSubmit?: () => void;
  onCancel: () => void;
  /** Defaults to "Cancel". */
  cancelLabel?: ReactNode;
  loading?: boolean;
  disabled?: boolean;
  submitIcon?: ReactNode;
  /** Something that cannot be undone: a red button. */
  danger?: boolean;
  /**
   * Which button the dialog focuses first: `cancel` for a plain "are you sure?" (Enter does not
   * confirm by accident), `submit` when the defaults above it are usually right.
   */
  focus?: 'cancel' | 'submit';
  size?: MantineSize;
}

/**
 * The footer of every dialog and inline form that asks "cancel or go ahead": Cancel on the left,
 * the action on the right, both at the end of the line.
 */
export function ModalActions({
  submitLabel,
  onSubmit,
  onCancel,
  cancelLabel,
  loading,
  disabled,
  submitIcon,
  danger,
  focus,
  size,
  ...group
}: ModalActionsProps) {
  const { t } = useTranslation();
  return (
    <Group justify="flex-end" {...group}>
      <Button variant="default" size={size} onClick={onCancel} data-autofocus={focus === 'cancel' || undefined}>
        {cancelLabel ?? t('common.cancel')}
      </Button>
      <Button
        type={onSubmit ? 'button' : 'submit'}
        size={size}
        color={danger ? 'red' : undefined}
        leftSection={submitIcon}
        loading={loading}
        disabled={disabled}
        onClick={onSubmit}
        data-autofocus={focus === 'submit' || undefined}
      >
        {submitLabel}
      </Button>
    </Group>
  );
}
