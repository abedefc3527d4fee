import { Button, Card, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconCoffee, IconPlus, IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useFormatters } from '../../i18n/useFormatters';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { useContactCount } from '../contacts/api';
import { GiveBackList } from '../favors/GiveBackList';
import { FollowupList } from '../followups/FollowupList';
import { LogTouchModal } from '../interactions/LogTouchModal';
import { useTodayQuery } from './api';
import { KeepInTouchList } from './KeepInTouchList';
import { ConnectionsToEngageCard } from './ConnectionsToEngage';
import { LoopsToClose } from './LoopsToClose';
import { WeekTallyCard } from './WeekTallyCard';

export function TodayPage() {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useTodayQuery();
  const contactCount = useContactCount();
  const [touching, setTouching] = useState<{ id: string; displayName: string } | null>(null);

  if (today.isError) return <LoadError error={today.error} onRetry={() => void today.refetch()} />;
  if (today.isPending) return <TodaySkeleton />;

  const { overdue, dueToday, keepInTouch, loopsToClose, giveBack, week, date } = today.data;
  const hasNoContacts = contactCount.data === 0;
  const nothingDue = overdue.length === 0 && dueToday.length === 0;

  return (
    <>
      <PageHeader
        title={t('today.title')}
        subtitle={format.dateLong(date)}
        actions={
          <Button component={Link} to="/contacts/new" leftSection={<IconPlus size={18} aria-hidden />}>
            {t('contacts.new')}
          </Button>
        }
      />
      {hasNoContacts && <WelcomeCard />}
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          <Stack gap="lg">
            <SectionCard title={t('today.followups')} testId="today-followups">
              {nothingDue ? (
                <EmptyState icon={<IconCoffee size={26} aria-hidden />}>{t('today.emptyFollowups')}</EmptyState>
              ) : (
                <Stack gap="md">
                  {overdue.length > 0 && (
                    <DueGroup title={t('today.overdue')} color="red">
                      <FollowupList followups={overdue} label={t('today.overdue')} />
                    </DueGroup>
                  )}
                  {dueToday.length > 0 && (
                    <DueGroup title={t('today.dueToday')}>
                      <FollowupList followups={dueToday} label={t('today.dueToday')} />
                    </DueGroup>
                  )}
                </Stack>
              )}
            </SectionCard>
            {loopsToClose.length > 0 && <LoopsToClose loops={loopsToClose} />}
            {giveBack.length > 0 && (
              <SectionCard title={t('reciprocity.giveBack')} hint={t('reciprocity.giveBackHint')} testId="today-give-back">
                <GiveBackList people={giveBack} />
              </SectionCard>
            )}
            {!hasNoContacts && (
              <SectionCard title={t('today.keepInTouch')} hint={t('today.keepInTouchHint')} testId="today-keep-in-touch">
                {keepInTouch.length === 0 ? (
                  <Text c="dimmed" size="sm">
                    {t('today.emptyKeepInTouch')}
                  </Text>
                ) : (
                  <KeepInTouchList suggestions={keepInTouch} today={date} onLogTouch={setTouching} />
                )}
                <details style={{ marginTop: 'var(--mantine-spacing-sm)' }} data-testid="keep-in-touch-why">
                  <Text component="summary" size="sm" c="dimmed" style={{ cursor: 'pointer' }}>
                    {t('handshake.whyTitle')}
                  </Text>
                  <Text size="sm" mt={4}>
                    {t('handshake.whyBody')}
                  </Text>
                </details>
              </SectionCard>
            )}
            {!hasNoContacts && <ConnectionsToEngageCard />}
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <WeekTallyCard week={week} />
        </Grid.Col>
      </Grid>
      <LogTouchModal contact={touching} onClose={() => setTouching(null)} />
    </>
  );
}

function DueGroup({ title, color, children }: { title: string; color?: string; children: React.ReactNode }) {
  return (
    <Stack gap={8}>
      <Title order={3} size="h6" c={color ?? 'dimmed'} tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      {children}
    </Stack>
  );
}

function WelcomeCard() {
  const { t } = useTranslation();
  return (
    <Card mb="lg" bg="sage.0" style={{ borderColor: 'var(--mantine-color-sage-2)' }}>
      <EmptyState
        icon={<IconUserPlus size={26} aria-hidden />}
        title={t('today.welcomeTitle')}
        action={
          <Button component={Link} to="/contacts/new" mt="xs" leftSection={<IconPlus size={18} aria-hidden />}>
            {t('today.addFirstContact')}
          </Button>
        }
      >
        {t('today.welcomeBody')}
      </EmptyState>
    </Card>
  );
}

function TodaySkeleton() {
  return (
    <Stack aria-busy="true">
      <Skeleton h={36} w={180} />
      <Group grow align="flex-start">
        <Skeleton h={220} />
        <Skeleton h={220} maw={360} />
      </Group>
    </Stack>
  );
}
