import { ActionIcon, Button, Skeleton, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconArrowBackUp, IconTrash, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { TrashItem } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EmptyState } from '../../ui/EmptyState';
import { ListRow, RowList } from '../../ui/ListRow';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { useEmptyTrash, useRestoreFromTrash, useTrash } from './api';

/** Contacts deleted in the last 30 days (here, through the API or on a phone), to restore. */
export function TrashPage() {
  const { t } = useTranslation();
  const trash = useTrash();
  const empty = useEmptyTrash();
  const [confirming, { open, close }] = useDisclosure(false);
  const count = trash.data?.length ?? 0;

  return (
    <Stack gap="md" maw={860}>
      <PageHeader
        title={t('trash.title')}
        subtitle={t('trash.subtitle')}
        actions={
          count > 0 && (
            <Button variant="default" color="red" leftSection={<IconTrash size={18} aria-hidden />} onClick={open}>
              {t('trash.empty')}
            </Button>
          )
        }
      />
      {trash.isPending && <Skeleton h={64} />}
      {trash.isError && <LoadError error={trash.error} onRetry={() => void trash.refetch()} />}
      {trash.data?.length === 0 && (
        <EmptyState icon={<IconTrash size={24} aria-hidden />} title={t('trash.nothingTitle')}>
          {t('trash.nothing')}
        </EmptyState>
      )}
      {trash.data && trash.data.length > 0 && (
        <RowList label={t('trash.list')}>
          {trash.data.map((item) => (
            <TrashRow key={item.id} item={item} />
          ))}
        </RowList>
      )}
      <ConfirmModal
        opened={confirming}
        onClose={close}
        title={t('trash.emptyTitle')}
        confirmLabel={t('trash.empty')}
        loading={empty.isPending}
        onConfirm={() =>
          empty.mutate(undefined, {
            onSuccess: () => {
              close();
              notifySuccess(t('trash.emptied'));
            },
          })
        }
      >
        <Text size="sm">{t('trash.emptyBody', { count })}</Text>
      </ConfirmModal>
    </Stack>
  );
}

function TrashRow({ item }: { item: TrashItem }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const restore = useRestoreFromTrash();
  const label = t('trash.restoreLabel', { name: item.displayName });
  const onRestore = () => restore.mutate(item.id, { onSuccess: () => notifySuccess(t('trash.restored', { name: item.displayName })) });
  return (
    <ListRow
      label={item.displayName}
      icon={<IconUser size={16} />}
      iconColor="gray"
      testId="trash-row"
      title={
        <Text fw={600} truncate>
          {item.displayName}
        </Text>
      }
      action={
        <>
          <Button variant="light" leftSection={<IconArrowBackUp size={16} aria-hidden />} aria-label={label} loading={restore.isPending} onClick={onRestore} visibleFrom="xs">
            {t('trash.restore')}
          </Button>
          {/* A phone's row has no room for the word: the icon alone, named the same. */}
          <ActionIcon variant="light" size="lg" aria-label={label} loading={restore.isPending} onClick={onRestore} hiddenFrom="xs">
            <IconArrowBackUp size={18} aria-hidden />
          </ActionIcon>
        </>
      }
    >
      <Text size="xs" c="dimmed">
        {t('trash.deletedOn', { date: format.dayOf(item.deletedAt) })} · {t('trash.purgedOn', { date: format.dayOf(item.purgeAt) })}
      </Text>
    </ListRow>
  );
}
