import { Paper, SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isoWeekOf } from '@shared/rules/time.js';
import type { CampaignDetail } from '@shared/schemas/index.js';
import { useFormatters, useUserToday } from '../../i18n/useFormatters';
import { flagColor } from './stageStyle';

/** The numbers that matter at a glance: people, meetings, names still to ask for, this week. */
export function CampaignStats({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useUserToday();
  const week = campaign.progress.weeks.find((w) => w.week === isoWeekOf(today));
  const thisWeek = week
    ? t('campaign.thisWeek', {
        people: week.newContacts.count,
        peopleTarget: week.newContacts.target,
        meetings: week.meetings.count,
        meetingsTarget: week.meetings.target,
      })
    : today < campaign.startsOn
      ? t('campaign.notStarted', { date: format.date(campaign.startsOn) })
      : '—';

  return (
    <SimpleGrid component="dl" cols={{ base: 2, md: 4 }} spacing="sm" m={0} aria-label={t('campaign.statsLabel')}>
      <Stat label={t('campaign.statMembers')} value={String(campaign.memberCount)} testId="stat-members" />
      <Stat label={t('campaign.statMet')} value={String(campaign.metCount)} testId="stat-met" />
      <Stat
        label={t('campaign.statFlagged')}
        value={String(campaign.flaggedCount)}
        color={campaign.flaggedCount > 0 ? flagColor : undefined}
        testId="stat-flagged"
      />
      <Stat label={t('campaign.statThisWeek')} value={thisWeek} small testId="stat-week" />
    </SimpleGrid>
  );
}

function Stat({ label, value, color, small = false, testId }: { label: string; value: string; color?: string; small?: boolean; testId: string }) {
  return (
    // The Paper is the <div> that groups one <dt> and its <dd> inside the <dl>: nothing between them.
    <Paper withBorder p="sm" radius="md" data-testid={testId}>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600} style={{ letterSpacing: 0.3 }}>
        {label}
      </Text>
      <Text component="dd" m={0} mt={2} fw={700} size={small ? 'sm' : 'xl'} c={color} data-testid="stat-value">
        {value}
      </Text>
    </Paper>
  );
}
