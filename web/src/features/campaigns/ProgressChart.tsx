import { BarChart } from '@mantine/charts';
import { Box, SimpleGrid, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { isoWeekOf } from '@shared/rules/time.js';
import type { CampaignDetail } from '@shared/schemas/index.js';
import { useUserToday } from '../../i18n/useFormatters';
import { weekNumber } from '../review/weeks';

type Week = CampaignDetail['progress']['weeks'][number];
/** The last weeks up to now are what a weekly routine needs; older ones stay in the totals. */
const WEEKS_SHOWN = 12;

/** New people and meetings per week of the campaign, each against its weekly target. */
export function ProgressChart({ progress }: { progress: CampaignDetail['progress'] }) {
  const { t } = useTranslation();
  const today = useUserToday();
  const thisWeek = isoWeekOf(today);
  const weeks = progress.weeks.filter((w) => w.week <= thisWeek).slice(-WEEKS_SHOWN);
  if (weeks.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('campaignProgress.empty')}
      </Text>
    );
  }
  return (
    <>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="lg">
        <WeekBars weeks={weeks} thisWeek={thisWeek} metric="newContacts" color="sage" testId="progress-new" />
        <WeekBars weeks={weeks} thisWeek={thisWeek} metric="meetings" color="blue" testId="progress-meetings" />
      </SimpleGrid>
      <Text size="sm" mt="sm" c="dimmed">
        {t('campaignProgress.totals', { people: progress.totals.newContacts, meetings: progress.totals.meetings })}
      </Text>
    </>
  );
}

interface WeekBarsProps {
  weeks: Week[];
  thisWeek: string;
  metric: 'newContacts' | 'meetings';
  color: string;
  testId: string;
}

function WeekBars({ weeks, thisWeek, metric, color, testId }: WeekBarsProps) {
  const { t } = useTranslation();
  const series = t(`campaignProgress.${metric}`);
  const target = weeks.at(-1)![metric].target;
  const data = weeks.map((w) => ({
    label: t('campaignProgress.weekShort', { week: weekNumber(w.week) }),
    count: w[metric].count,
    color: w.week === thisWeek ? `${color}.7` : `${color}.3`,
  }));
  const highest = Math.max(target, ...weeks.map((w) => w[metric].count), 1);
  return (
    <Box component="figure" m={0} data-testid={testId}>
      <Title order={3} size="h6" mb={4} component="figcaption">
        {series}
      </Title>
      <Box role="img" aria-label={t('campaignProgress.chartLabel', { series, target })}>
        <BarChart
          h={170}
          data={data}
          dataKey="label"
          series={[{ name: 'count', label: series, color: `${color}.6` }]}
          referenceLines={
            target > 0
              ? [{ y: target, color: 'coral.5', label: t('campaignProgress.target'), labelPosition: 'insideTopLeft', strokeDasharray: '5 4' }]
              : []
          }
          yAxisProps={{ allowDecimals: false, domain: [0, highest], width: 24 }}
          xAxisProps={{ interval: 'preserveStartEnd', tickMargin: 6 }}
          gridAxis="y"
          tickLine="none"
          maxBarWidth={28}
          withBarValueLabel
          tooltipAnimationDuration={150}
        />
      </Box>
      {/* The same numbers for screen readers, who cannot see the bars. */}
      <VisuallyHidden>
        <Table>
          <Table.Caption>{series}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('campaignProgress.week')}</Table.Th>
              <Table.Th>{series}</Table.Th>
              <Table.Th>{t('campaignProgress.target')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {weeks.map((w) => (
              <Table.Tr key={w.week}>
                <Table.Th scope="row">{w.week}</Table.Th>
                <Table.Td>{w[metric].count}</Table.Td>
                <Table.Td>{w[metric].target}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}
