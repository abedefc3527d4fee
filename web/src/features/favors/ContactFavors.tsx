import { Button, Center, Divider, Skeleton, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@shared/schemas/index.js';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useFavorList } from './api';
import { FavorFormModal } from './FavorFormModal';
import { FavorList } from './FavorList';
import { ReciprocityBar } from './ReciprocityBar';

/** A contact's favors both ways, with the 12-month balance and a "Record a favor" button. */
export function ContactFavors({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const list = useFavorList({ contactId: contact.id });
  const favors = list.data?.pages.flatMap((page) => page.items) ?? [];
  const [recording, setRecording] = useState(false);

  return (
    <SectionCard
      title={t('favors.title')}
      hint={t('reciprocity.hint')}
      testId="contact-favors"
      actions={
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={15} aria-hidden />} onClick={() => setRecording(true)}>
          {t('favors.record')}
        </Button>
      }
    >
      <Stack gap="md">
        <ReciprocityBar given={contact.reciprocity.given} received={contact.reciprocity.received} />
        <Divider />
        {list.isPending && <Skeleton h={56} />}
        {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
        {list.isSuccess && favors.length === 0 && (
          <Text size="sm" c="dimmed">
            {t('favors.emptyContact', { name: contact.displayName })}
          </Text>
        )}
        {favors.length > 0 && <FavorList favors={favors} showContact={false} label={t('favors.listLabel')} />}
        {list.hasNextPage && (
          <Center>
            <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
              {t('common.loadMore')}
            </Button>
          </Center>
        )}
      </Stack>
      {recording && <FavorFormModal opened contact={contact} onClose={() => setRecording(false)} />}
    </SectionCard>
  );
}
