import { Anchor, Badge, Button, Card, Center, Group, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconArrowLeft, IconCopyCheck, IconGitMerge } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicatePair, DuplicateSide } from '@shared/schemas/index.js';
import { useFormatters } from '../../../i18n/useFormatters';
import { EmptyState } from '../../../ui/EmptyState';
import { LoadError } from '../../../ui/LoadError';
import { PageHeader } from '../../../ui/PageHeader';
import { useDuplicates } from './api';
import { MergeModal } from './MergeModal';

/** "3 touches · 1 follow-up · 0 favors": what comes along with a contact. */
export function useCountsText() {
  const { t } = useTranslation();
  return (side: DuplicateSide) => ({
    touches: t('duplicates.touches', { count: side.counts.interactions }),
    followups: t('duplicates.followups', { count: side.counts.followups }),
    favors: t('duplicates.favors', { count: side.counts.favors }),
  });
}

function SideSummary({ side }: { side: DuplicateSide }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const counts = useCountsText()(side);
  const work = [side.title, side.company].filter(Boolean).join(' · ');
  return (
    <Stack gap={2} miw={0}>
      <Anchor component={Link} to={`/contacts/${side.id}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
        {side.displayName}
      </Anchor>
      {work && (
        <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {work}
        </Text>
      )}
      {[...side.emails, ...side.phones].map((value) => (
        <Text key={value} size="sm" style={{ overflowWrap: 'anywhere' }}>
          {value}
        </Text>
      ))}
      <Text size="xs" c="dimmed">
        {t('duplicates.counts', counts)}
      </Text>
      <Text size="xs" c="dimmed">
        {t('duplicates.addedOn', { date: format.date(side.createdAt.slice(0, 10)) })} · {t(`enums.stage.${side.stage}`)}
      </Text>
    </Stack>
  );
}

function PairCard({ pair, onMerge }: { pair: DuplicatePair; onMerge: () => void }) {
  const { t } = useTranslation();
  const [a, b] = pair.contacts;
  return (
    <Card component="li" aria-label={t('duplicates.pairLabel', { a: a.displayName, b: b.displayName })}>
      <Group justify="space-between" align="flex-start" mb="sm" gap="xs">
        <Group gap={6}>
          {pair.reasons.map((reason) => (
            <Badge key={reason} variant="light" radius="sm">
              {t(`duplicates.reason.${reason}`)}
            </Badge>
          ))}
        </Group>
        <Button size="xs" variant="light" leftSection={<IconGitMerge size={16} aria-hidden />} onClick={onMerge}>
          {t('duplicates.merge')}
        </Button>
      </Group>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md" verticalSpacing="lg">
        <SideSummary side={a} />
        <SideSummary side={b} />
      </SimpleGrid>
    </Card>
  );
}

export function DuplicatesPage() {
  const { t } = useTranslation();
  const list = useDuplicates();
  const [merging, setMerging] = useState<DuplicatePair | null>(null);
  const pairs = list.data?.pages.flatMap((page) => page.items) ?? [];
  const total = list.data?.pages[0]?.total ?? 0;

  return (
    <>
      <Anchor component={Link} to="/contacts" size="sm" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden /> {t('duplicates.back')}
      </Anchor>
      <PageHeader title={t('duplicates.title')} subtitle={t('duplicates.subtitle')} />
      {list.isError && <LoadError error={list.error} onRetry={() => void list.refetch()} />}
      {list.isPending && (
        <Stack gap="sm" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} h={120} />
          ))}
        </Stack>
      )}
      {list.isSuccess && pairs.length === 0 && (
        <EmptyState icon={<IconCopyCheck size={26} aria-hidden />} title={t('duplicates.emptyTitle')}>
          {t('duplicates.empty')}
        </EmptyState>
      )}
      {pairs.length > 0 && (
        <>
          <Title order={2} size="h5" c="dimmed" mb="xs" aria-live="polite">
            {t('duplicates.total', { count: total })}
          </Title>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-busy={list.isFetching}>
            {pairs.map((pair) => (
              <PairCard key={`${pair.contacts[0].id}:${pair.contacts[1].id}`} pair={pair} onMerge={() => setMerging(pair)} />
            ))}
          </Stack>
        </>
      )}
      {list.hasNextPage && (
        <Center mt="md">
          <Button variant="default" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
      {merging && <MergeModal pair={merging} onClose={() => setMerging(null)} />}
    </>
  );
}
