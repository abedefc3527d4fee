import { Anchor, Button, Center, Loader, Skeleton, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconPlus, IconTrash, IconUpload, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { useUserToday } from '../../i18n/useFormatters';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { useMe } from '../auth/session';
import { useContactList } from './api';
import { ContactFiltersBar } from './ContactFiltersBar';
import { ContactRow } from './ContactRow';
import { useContactFilters } from './useContactFilters';
import { DuplicatesButton } from './duplicates/DuplicatesButton';

export function ContactsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const filterState = useContactFilters();
  const list = useContactList(filterState.filters);
  const today = useUserToday();
  const timeZone = useMe().data?.user.timeZone;
  useHotkeys([['n', () => void navigate('/contacts/new')]]);

  const contacts = list.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('contacts.title')}
        actions={
          <>
            <DuplicatesButton />
            <Button component={Link} to="/contacts/trash" variant="default" leftSection={<IconTrash size={18} aria-hidden />}>
              {t('trash.open')}
            </Button>
            <Button component={Link} to="/import" variant="default" leftSection={<IconUpload size={18} aria-hidden />}>
              {t('imports.importFrom')}
            </Button>
            <Button component={Link} to="/contacts/new" leftSection={<IconPlus size={18} aria-hidden />}>
              {t('contacts.new')}
            </Button>
          </>
        }
      />
      <ContactFiltersBar {...filterState} />
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && (
        <Stack gap="xs" aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} h={64} />
          ))}
        </Stack>
      )}
      {list.isSuccess && contacts.length === 0 && (
        <EmptyState
          icon={<IconUsers size={26} aria-hidden />}
          title={filterState.active ? undefined : t('contacts.emptyTitle')}
          action={
            filterState.active ? (
              <Button variant="light" onClick={filterState.clear}>
                {t('contacts.clearFilters')}
              </Button>
            ) : (
              <Stack gap="xs" align="center">
                <Button component={Link} to="/contacts/new" leftSection={<IconPlus size={18} aria-hidden />}>
                  {t('contacts.new')}
                </Button>
                <Anchor component={Link} to="/import" size="sm">
                  {t('imports.contactsEmptyImport')}
                </Anchor>
              </Stack>
            )
          }
        >
          {filterState.active ? t('contacts.noMatch') : t('contacts.emptyBody')}
        </EmptyState>
      )}
      {contacts.length > 0 && (
        <Stack
          component="ul"
          gap={6}
          p={0}
          m={0}
          style={{ listStyle: 'none', opacity: list.isPlaceholderData ? 0.6 : 1 }}
          aria-label={t('contacts.title')}
          aria-busy={list.isFetching}
        >
          {contacts.map((contact) => (
            <ContactRow key={contact.id} contact={contact} today={today} timeZone={timeZone} />
          ))}
        </Stack>
      )}
      <Center mt="md">
        {list.hasNextPage ? (
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        ) : (
          contacts.length > 0 && (
            <Text size="xs" c="dimmed" aria-live="polite">
              {t('contacts.loadedCount', { count: contacts.length })}
            </Text>
          )
        )}
        {list.isFetching && !list.isFetchingNextPage && !list.isPending && <Loader size="xs" ml="sm" aria-hidden />}
      </Center>
    </>
  );
}
