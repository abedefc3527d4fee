// Settings → Users, shown to the owner only: everyone who can log in to this Círculo.
import { Badge, Button, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconUser, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { ListRow, RowList } from '../../ui/ListRow';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { AddUserModal } from './AddUserModal';
import { useDisableUser, useEnableUser, useUsers } from './api';

export function UsersSettings() {
  const { t } = useTranslation();
  const users = useUsers();
  const [adding, { open, close }] = useDisclosure(false);
  return (
    <SectionCard
      title={t('users.title')}
      hint={t('users.hint')}
      testId="settings-users"
      actions={
        <Button variant="light" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={open}>
          {t('users.add')}
        </Button>
      }
    >
      {users.isPending && <Skeleton h={48} />}
      {users.isError && <LoadError error={users.error} onRetry={() => void users.refetch()} />}
      {users.data && (
        <RowList label={t('users.title')}>
          {users.data.items.map((user) => (
            <UserRow key={user.id} user={user} />
          ))}
        </RowList>
      )}
      <AddUserModal opened={adding} onClose={close} />
    </SectionCard>
  );
}

function UserRow({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const disabled = user.status === 'disabled';
  return (
    <ListRow
      label={user.name}
      icon={<IconUser size={16} />}
      iconColor={disabled ? 'gray' : 'sage'}
      title={
        <>
          <Text fw={600} c={disabled ? 'dimmed' : undefined} style={{ overflowWrap: 'anywhere' }}>
            {user.name}
          </Text>
          {user.isOwner && (
            <Badge size="sm" variant="light">
              {t('users.owner')}
            </Badge>
          )}
          <Badge size="sm" variant={disabled ? 'filled' : 'light'} color={disabled ? 'gray' : 'sage'}>
            {t(`users.status.${user.status}`)}
          </Badge>
        </>
      }
      action={!user.isOwner && <UserAction user={user} />}
    >
      <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
        {user.email}
      </Text>
      <Text size="xs" c="dimmed">
        {disabled && user.disabledAt
          ? t('users.disabledOn', { date: format.dateTime(user.disabledAt) })
          : t('users.createdOn', { date: format.dateTime(user.createdAt) })}
      </Text>
    </ListRow>
  );
}

function UserAction({ user }: { user: UserSummary }) {
  const { t } = useTranslation();
  const [confirming, { open, close }] = useDisclosure(false);
  const disable = useDisableUser();
  const enable = useEnableUser();
  if (user.status === 'disabled') {
    return (
      <Button
        size="compact-sm"
        variant="light"
        style={{ flexShrink: 0 }}
        loading={enable.isPending}
        aria-label={t('users.enableNamed', { name: user.name })}
        onClick={() => enable.mutate(user.id, { onSuccess: () => notifySuccess(t('users.enabled', { name: user.name })) })}
      >
        {t('users.enable')}
      </Button>
    );
  }
  return (
    <>
      <Button size="compact-sm" variant="subtle" color="red" style={{ flexShrink: 0 }} aria-label={t('users.disableNamed', { name: user.name })} onClick={open}>
        {t('users.disable')}
      </Button>
      <ConfirmModal
        opened={confirming}
        onClose={close}
        title={t('users.disableTitle', { name: user.name })}
        confirmLabel={t('users.disable')}
        loading={disable.isPending}
        onConfirm={() =>
          disable.mutate(user.id, {
            onSuccess: () => {
              close();
              notifySuccess(t('users.disabled', { name: user.name }));
            },
          })
        }
      >
        <Text size="sm">{t('users.disableBody')}</Text>
      </ConfirmModal>
    </>
  );
}
