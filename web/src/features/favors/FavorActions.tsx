import { ActionIcon, Button, Group, Menu, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconDots, IconMessageCircle, IconNews, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Favor } from '@shared/schemas/favors.js';
import { notifySuccess } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';
import { useDeleteFavor } from './api';
import { OutcomeModal } from './OutcomeModal';
import { ThankFavorModal } from './ThankFavorModal';

/** The next step of a favor's loop as one button, and the rarer actions in a menu. */
export function FavorActions({ favor, withMenu = true }: { favor: Favor; withMenu?: boolean }) {
  const { t } = useTranslation();
  const [thanking, thankModal] = useDisclosure(false);
  const [reporting, outcomeModal] = useDisclosure(false);
  const [deleting, deleteModal] = useDisclosure(false);
  const remove = useDeleteFavor();

  const nextStep =
    favor.direction === 'received'
      ? favor.loopStatus === 'open'
        ? { label: t('favors.markThanked'), icon: IconCheck, onClick: thankModal.open, variant: 'filled' }
        : favor.loopStatus === 'thanked'
          ? { label: t('favors.recordOutcome'), icon: IconMessageCircle, onClick: outcomeModal.open, variant: 'light' }
          : null
      : favor.outcomeReportedOn
        ? null
        : { label: t('favors.reportedBack'), icon: IconNews, onClick: outcomeModal.open, variant: 'default' };

  const confirmDelete = () =>
    void remove.mutateAsync(favor.id).then(() => {
      deleteModal.close();
      notifySuccess(t('favors.deleted'));
    }, () => undefined);

  return (
    <Group gap={6} wrap="nowrap">
      {nextStep && (
        <Button size="compact-sm" variant={nextStep.variant} leftSection={<nextStep.icon size={16} aria-hidden />} onClick={nextStep.onClick}>
          {nextStep.label}
        </Button>
      )}
      {withMenu && (
        <Menu position="bottom-end" withinPortal>
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('favors.more')}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={deleteModal.open}>
              {t('favors.delete')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      )}
      {thanking && <ThankFavorModal opened favor={favor} onClose={thankModal.close} />}
      {reporting && <OutcomeModal opened favor={favor} onClose={outcomeModal.close} />}
      <Modal opened={deleting} onClose={deleteModal.close} title={t('favors.deleteTitle')}>
        <Stack>
          <Text size="sm">{t('favors.deleteBody')}</Text>
          <ModalActions submitLabel={t('favors.delete')} danger loading={remove.isPending} onSubmit={confirmDelete} onCancel={deleteModal.close} focus="cancel" />
        </Stack>
      </Modal>
    </Group>
  );
}
