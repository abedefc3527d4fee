import { Button, Card, Center, Chip, Divider, Grid, Group, Skeleton, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconArrowDownLeft, IconArrowUpRight, IconHeartHandshake, IconMoodSilence, IconPlus } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { FavorDirection, LoopStatus } from '@shared/enums.js';
import type { Favor } from '@shared/schemas/favors.js';
import type { FavorFilters } from '../../api/queryKeys';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { useFavorList, useReciprocity } from './api';
import { FavorFormModal } from './FavorFormModal';
import { FavorList } from './FavorList';
import { GiveBackList } from './GiveBackList';
import { ReciprocityBar } from './ReciprocityBar';
import { useFavorOptions } from './useFavorOptions';

/** The ledger: favors received (with their loops) and given (did they ever report back?). */
export function FavorsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const tab: FavorDirection = params.get('tab') === 'given' ? 'given' : 'received';
  const [recording, setRecording] = useState(false);

  return (
    <>
      <PageHeader
        title={t('favors.title')}
        subtitle={t('favors.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => setRecording(true)}>
            {t('favors.record')}
          </Button>
        }
      />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }} order={{ base: 2, md: 1 }}>
          <Tabs
            value={tab}
            onChange={(value) => setParams(value === 'given' ? { tab: 'given' } : {}, { replace: true })}
            keepMounted={false}
          >
            <Tabs.List mb="md">
              <Tabs.Tab value="received" leftSection={<IconArrowDownLeft size={16} aria-hidden />}>
                {t('favors.tabReceived')}
              </Tabs.Tab>
              <Tabs.Tab value="given" leftSection={<IconArrowUpRight size={16} aria-hidden />}>
                {t('favors.tabGiven')}
              </Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="received">
              <ReceivedFavors onRecord={() => setRecording(true)} />
            </Tabs.Panel>
            <Tabs.Panel value="given">
              <Stack gap="lg">
                <NoNewsFavors />
                {/* Those already in the no-news list above aren't repeated here. */}
                <FavorPages filters={{ direction: 'given' }} hide={(f) => f.noNews} label={t('favors.tabGiven')} empty={t('favors.emptyGiven')} />
              </Stack>
            </Tabs.Panel>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }} order={{ base: 1, md: 2 }}>
          <ReciprocityOverview />
        </Grid.Col>
      </Grid>
      {recording && <FavorFormModal opened direction={tab} onClose={() => setRecording(false)} />}
    </>
  );
}

function ReceivedFavors({ onRecord }: { onRecord: () => void }) {
  const { t } = useTranslation();
  const options = useFavorOptions();
  const [status, setStatus] = useState<LoopStatus | 'all'>('all');
  return (
    <Stack gap="md">
      <Chip.Group value={status} onChange={(value) => setStatus(value as LoopStatus | 'all')}>
        <Group gap={6} role="radiogroup" aria-label={t('favors.statusFilter')}>
          {[{ value: 'all', label: t('favors.all') }, ...options.loopStatus].map((o) => (
            <Chip key={o.value} value={o.value} size="sm" variant="light">
              {o.label}
            </Chip>
          ))}
        </Group>
      </Chip.Group>
      <FavorPages
        filters={status === 'all' ? { direction: 'received' } : { direction: 'received', loopStatus: status }}
        label={t('favors.tabReceived')}
        empty={status === 'all' ? t('favors.emptyReceived') : t('favors.emptyFilter')}
        emptyAction={
          status === 'all' ? (
            <Button variant="light" mt="xs" leftSection={<IconPlus size={16} aria-hidden />} onClick={onRecord}>
              {t('favors.record')}
            </Button>
          ) : undefined
        }
      />
    </Stack>
  );
}

interface FavorPagesProps {
  filters: FavorFilters;
  hide?: (favor: Favor) => boolean;
  label: string;
  empty: string;
  emptyAction?: ReactNode;
}

function FavorPages({ filters, hide, label, empty, emptyAction }: FavorPagesProps) {
  const { t } = useTranslation();
  const list = useFavorList(filters);
  const all = list.data?.pages.flatMap((page) => page.items) ?? [];
  const favors = hide ? all.filter((favor) => !hide(favor)) : all;
  if (list.isPending) return <Skeleton h={160} />;
  if (list.isError) return <LoadError error={list.error} onRetry={() => void list.refetch()} />;
  if (all.length === 0) {
    return (
      <Card>
        <EmptyState icon={<IconHeartHandshake size={26} aria-hidden />} action={emptyAction}>
          {empty}
        </EmptyState>
      </Card>
    );
  }
  return (
    <Stack gap="md">
      {favors.length > 0 && <FavorList favors={favors} label={label} />}
      {list.hasNextPage && (
        <Center>
          <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
            {t('common.loadMore')}
          </Button>
        </Center>
      )}
    </Stack>
  );
}

/** A gentle list: favors you did that nobody reported back on after 30 days. */
function NoNewsFavors() {
  const { t } = useTranslation();
  const list = useFavorList({ direction: 'given', noNews: true });
  const favors = list.data?.pages.flatMap((page) => page.items) ?? [];
  if (favors.length === 0) return null;
  return (
    <Card bg="yellow.0" style={{ borderColor: 'var(--mantine-color-yellow-2)' }} component="section" aria-labelledby="no-news-heading" data-testid="no-news">
      <Stack gap={2} mb="sm">
        <Title order={2} size="h5" id="no-news-heading">
          <IconMoodSilence size={18} aria-hidden style={{ verticalAlign: '-3px', marginRight: 6 }} />
          {t('favors.noNewsTitle')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('favors.noNewsHint')}
        </Text>
      </Stack>
      <FavorList favors={favors} label={t('favors.noNewsTitle')} />
    </Card>
  );
}

/** The 12-month balance, and the people it would be good to give back to. */
function ReciprocityOverview() {
  const { t } = useTranslation();
  const summary = useReciprocity();
  const people = summary.data?.suggestGiveTo ?? [];
  return (
    <SectionCard title={t('reciprocity.title')} hint={t('reciprocity.hint')} testId="reciprocity">
      {summary.isPending && <Skeleton h={56} />}
      {summary.isError && <LoadError error={summary.error} onRetry={() => void summary.refetch()} />}
      {summary.data && <ReciprocityBar given={summary.data.given} received={summary.data.received} />}
      {people.length > 0 && (
        <>
          <Divider my="md" />
          <Title order={3} size="h5">
            {t('reciprocity.giveBack')}
          </Title>
          <Text size="sm" c="dimmed" mb="sm">
            {t('reciprocity.giveBackHint')}
          </Text>
          <GiveBackList people={people} />
        </>
      )}
    </SectionCard>
  );
}
