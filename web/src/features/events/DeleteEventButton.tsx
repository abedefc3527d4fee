import { ActionIcon, Button, List, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { EventDetail } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';
import { useDeleteEvent } from './api';

/** Asks first, and says what goes with the event (its list, preparation, notes, follow-ups) and what stays (the contacts). */
export function DeleteEventButton({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const remove = useDeleteEvent(event.id);
  const metHere = event.attendees.filter((a) => a.metHere).length;

  const confirm = () =>
    void remove.mutateAsync().then(() => {
      notifySuccess(t('events.delete.done', { name: event.name }));
      void navigate('/events', { replace: true });
    }, () => undefined);

  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={open} visibleFrom="xs">
        {t('common.delete')}
      </Button>
      <ActionIcon variant="subtle" color="red" size="lg" onClick={open} aria-label={t('common.delete')} hiddenFrom="xs">
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
      <Modal opened={opened} onClose={close} title={t('events.delete.title', { name: event.name })}>
        <Stack>
          <Text size="sm">{t('events.delete.goes')}</Text>
          <List spacing={4} size="sm" data-testid="delete-impact">
            <List.Item>{t('events.delete.attendees', { count: event.attendeeCount })}</List.Item>
            <List.Item>{t('events.delete.preparation')}</List.Item>
            <List.Item>{t('events.delete.followups')}</List.Item>
          </List>
          <Text size="sm" c="dimmed">
            {metHere > 0 ? t('events.delete.staysMet', { count: metHere }) : t('events.delete.stays')}
          </Text>
          <ModalActions submitLabel={t('events.delete.confirm')} danger onSubmit={confirm} loading={remove.isPending} onCancel={close} focus="cancel" />
        </Stack>
      </Modal>
    </>
  );
}
