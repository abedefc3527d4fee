import { Anchor, Badge, Card, Grid, Group, Loader, Progress, SimpleGrid, Skeleton, Stack, Text, ThemeIcon } from '@mantine/core';
import {
  IconArrowDownLeft, IconArrowUpRight, IconCalendarCheck, IconCalendarExclamation, IconCircleCheck, IconConfetti, IconMailForward,
} from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import type { WeeklyReview } from '@shared/schemas/review.js';
import { useFormatters, useUserToday } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { useWeeklyReview } from './api';
import { NewContactsChart } from './NewContactsChart';
import { TouchBreakdown } from './TouchBreakdown';
import { WeekPicker } from './WeekPicker';
import { isoWeekOf, weekOrCurrent } from './weeks';

/** docs/domain.md#weekly-review: count the week's new connections against the target, and how the loops went. */
export function ReviewPage() {
  const { t } = useTranslation();
  const today = useUserToday();
  const currentWeek = isoWeekOf(today);
  const [params, setParams] = useSearchParams();
  const week = weekOrCurrent(params.get('week'), today);
  const review = useWeeklyReview(week);
  const setWeek = (next: string) => setParams(next === currentWeek ? {} : { week: next }, { replace: true });

  return (
    <>
      <PageHeader
        title={t('review.title')}
        subtitle={t('review.subtitle')}
        actions={<WeekPicker week={week} currentWeek={currentWeek} onChange={setWeek} busy={review.isPlaceholderData} />}
      />
      {review.isError && <LoadError error={review.error} onRetry={() => void review.refetch()} />}
      {review.isPending && <ReviewSkeleton />}
      {review.data && <ReviewBody review={review.data} loading={review.isPlaceholderData} />}
    </>
  );
}

function ReviewBody({ review, loading }: { review: WeeklyReview; loading: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  return (
    <Stack gap="lg" style={{ opacity: loading ? 0.6 : 1, transition: 'opacity 150ms' }} data-testid="weekly-review" data-week={review.week}>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <NewContactsCard count={review.newContacts.count} target={review.newContacts.target} loading={loading} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <SectionCard title={t('review.history')} hint={review.newContacts.target > 0 ? t('review.historyHint') : undefined}>
            <NewContactsChart history={review.history} week={review.week} target={review.newContacts.target} />
          </SectionCard>
        </Grid.Col>
      </Grid>

      <SimpleGrid cols={{ base: 2, sm: 3, lg: 6 }} spacing="md">
        <Stat testId="review-followups-done" icon={<IconCalendarCheck size={18} />} color="sage" label={t('review.followupsDone')} context={t('review.followupsDoneHint')} value={format.number(review.followupsDone)} />
        <Stat
          testId="review-followups-overdue"
          icon={<IconCalendarExclamation size={18} />}
          color={review.followupsOverdue > 0 ? 'red' : 'gray'}
          label={t('review.followupsOverdue')}
          context={t('review.followupsOverdueHint')}
          value={format.number(review.followupsOverdue)}
        />
        <Stat testId="review-loops-closed" icon={<IconCircleCheck size={18} />} color="sage" label={t('review.loopsClosed')} context={t('review.loopsClosedHint')} value={format.number(review.loopsClosed)} />
        <Stat testId="review-favors-given" icon={<IconArrowUpRight size={18} />} color="green" label={t('review.favorsGiven')} context={t('review.favorsHint')} value={format.number(review.favorsGiven)} />
        <Stat testId="review-favors-received" icon={<IconArrowDownLeft size={18} />} color="grape" label={t('review.favorsReceived')} context={t('review.favorsHint')} value={format.number(review.favorsReceived)} />
        <Stat
          testId="review-reply-rate"
          icon={<IconMailForward size={18} />}
          color="blue"
          label={t('review.replyRate')}
          context={review.replyRate === null ? t('review.replyRateNone') : t('review.replyRateHint')}
          value={review.replyRate === null ? '—' : format.percent(review.replyRate)}
        />
      </SimpleGrid>

      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 6 }}>
          <SectionCard title={t('review.touches')} hint={t('review.touchesTotal', { count: review.touches.total })} testId="review-touches">
            {review.touches.total === 0 ? (
              <Text size="sm" c="dimmed">
                {t('review.noTouches')}
              </Text>
            ) : (
              <TouchBreakdown byChannel={review.touches.byChannel} byIntent={review.touches.byIntent} />
            )}
          </SectionCard>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 6 }}>
          <StageMoves moves={review.stageMoves} />
        </Grid.Col>
      </Grid>
    </Stack>
  );
}

function NewContactsCard({ count, target, loading }: { count: number; target: number; loading: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const reached = target > 0 && count >= target;
  return (
    <SectionCard title={t('review.newContacts')} testId="review-new-contacts" actions={loading ? <Loader size="xs" /> : undefined}>
      <Stack gap="sm">
        <Group gap={6} align="baseline">
          <Text fz={44} fw={700} lh={1}>
            {format.number(count)}
          </Text>
          {target > 0 && (
            <Text size="lg" c="dimmed" fw={500}>
              / {format.number(target)}
            </Text>
          )}
        </Group>
        {target > 0 ? (
          <>
            <Progress
              value={Math.min(count / target, 1) * 100}
              color={reached ? 'sage.6' : 'coral.4'}
              size="lg"
              radius="xl"
              aria-label={`${t('review.newContacts')}: ${t('review.ofTarget', { count, target })}`}
            />
            {reached ? (
              <Group gap={6} wrap="nowrap">
                <ThemeIcon size="sm" variant="light" radius="xl" aria-hidden>
                  <IconConfetti size={14} />
                </ThemeIcon>
                <Text size="sm" c="sage.8" fw={500}>
                  {t('review.targetReached')}
                </Text>
              </Group>
            ) : (
              <Text size="sm" c="dimmed">
                {t('review.toGo', { count: target - count })}
              </Text>
            )}
          </>
        ) : (
          <Text size="sm" c="dimmed">
            {t('review.noTarget')}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}

interface StatProps {
  label: string;
  context: string;
  value: string;
  icon: ReactNode;
  color: string;
  testId: string;
}

function Stat({ label, context, value, icon, color, testId }: StatProps) {
  return (
    <Card p="md" data-testid={testId} component="section" aria-label={`${label}: ${value}`}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="xs">
        <Text fz={30} fw={700} lh={1.1} data-testid="stat-value">
          {value}
        </Text>
        <ThemeIcon variant="light" color={color} radius="xl" aria-hidden>
          {icon}
        </ThemeIcon>
      </Group>
      <Text fw={600} size="sm" mt={6}>
        {label}
      </Text>
      <Text size="xs" c="dimmed">
        {context}
      </Text>
    </Card>
  );
}

function StageMoves({ moves }: { moves: WeeklyReview['stageMoves'] }) {
  const { t } = useTranslation();
  const format = useFormatters();
  // The moves that matter most first: from online to a handshake.
  const sorted = [...moves].sort((a, b) => Number(b.toInPerson) - Number(a.toInPerson) || a.at.localeCompare(b.at));
  return (
    <SectionCard title={t('review.stageMoves')} hint={t('review.stageMovesHint')} testId="review-stage-moves">
      {sorted.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('review.noStageMoves')}
        </Text>
      ) : (
        <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('review.stageMoves')}>
          {sorted.map((move) => (
            <Group
              component="li"
              key={`${move.contactId}-${move.at}`}
              gap="xs"
              wrap="wrap"
              p={move.toInPerson ? 'xs' : 0}
              bg={move.toInPerson ? 'coral.0' : undefined}
              style={{ borderRadius: 'var(--mantine-radius-md)' }}
            >
              <Anchor component={Link} to={`/contacts/${move.contactId}`} fw={600} size="sm">
                {move.displayName}
              </Anchor>
              <Text size="sm" c="dimmed">
                {t('review.stageMove', { from: t(`enums.stage.${move.from}`), to: t(`enums.stage.${move.to}`) })}
              </Text>
              {move.toInPerson && (
                <Badge color="coral" variant="filled" size="sm">
                  {t('review.toInPerson')}
                </Badge>
              )}
              <Text size="xs" c="dimmed" ml="auto">
                {format.dateTime(move.at)}
              </Text>
            </Group>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}

function ReviewSkeleton() {
  return (
    <Stack aria-busy="true">
      <Group grow align="flex-start">
        <Skeleton h={200} maw={360} />
        <Skeleton h={200} />
      </Group>
      <Skeleton h={110} />
      <Skeleton h={220} />
    </Stack>
  );
}
