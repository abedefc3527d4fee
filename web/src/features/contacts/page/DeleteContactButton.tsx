import { ActionIcon, Button, List, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Contact } from '@shared/schemas/index.js';
import { notifySuccess } from '../../../app/queryClient';
import { LoadError } from '../../../ui/LoadError';
import { ModalActions } from '../../../ui/ModalActions';
import { useDeleteContact, useDeleteImpact } from '../api';

/** Deleting asks first and says exactly what goes with the contact and what stays. */
export function DeleteContactButton({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const impact = useDeleteImpact(contact.id, opened);
  const remove = useDeleteContact(contact.id);

  const confirm = () =>
    void remove.mutateAsync().then(() => {
      notifySuccess(t('contact.deleted', { name: contact.displayName }));
      void navigate('/contacts', { replace: true });
    }, () => undefined);

  return (
    <>
      <Button variant="subtle" color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={open} visibleFrom="xs">
        {t('common.delete')}
      </Button>
      <ActionIcon variant="subtle" color="red" size="lg" onClick={open} aria-label={t('common.delete')} hiddenFrom="xs">
        <IconTrash size={18} aria-hidden />
      </ActionIcon>
      <Modal opened={opened} onClose={close} title={t('contact.deleteTitle', { name: contact.displayName })}>
        <Stack>
          {impact.isPending && <Skeleton h={60} />}
          {impact.isError && <LoadError error={impact.error} onRetry={() => void impact.refetch()} />}
          {impact.data && (
            <List spacing={4} size="sm" data-testid="delete-impact">
              <List.Item>{t('contact.impactFollowups', { count: impact.data.followups })}</List.Item>
              {impact.data.favors > 0 && <List.Item>{t('favors.impact', { count: impact.data.favors })}</List.Item>}
              {impact.data.events > 0 && <List.Item>{t('contact.impactEvents', { count: impact.data.events })}</List.Item>}
              {impact.data.campaigns > 0 && <List.Item>{t('contact.impactCampaigns', { count: impact.data.campaigns })}</List.Item>}
              <List.Item>{t('contact.impactDeleted', { count: impact.data.interactionsDeleted })}</List.Item>
              <List.Item>{t('contact.impactKept', { count: impact.data.interactionsKept })}</List.Item>
            </List>
          )}
          <Text size="sm" c="dimmed">
            {t('contact.deleteBody')}
          </Text>
          <ModalActions submitLabel={t('contact.deleteConfirm')} danger onSubmit={confirm} loading={remove.isPending} disabled={!impact.data} onCancel={close} focus="cancel" />
        </Stack>
      </Modal>
    </>
  );
}
