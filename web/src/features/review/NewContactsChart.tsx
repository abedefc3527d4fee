import { BarChart } from '@mantine/charts';
import { Box, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { WeeklyReview } from '@shared/schemas/review.js';
import { weekNumber } from './weeks';

interface NewContactsChartProps {
  history: WeeklyReview['history'];
  /** The week on screen, drawn darker. */
  week: string;
  target: number;
}

/** New contacts per week over the last 12 weeks, with the weekly target as a dashed line. */
export function NewContactsChart({ history, week, target }: NewContactsChartProps) {
  const { t } = useTranslation();
  const newContacts = t('review.newContacts');
  const data = history.map((h) => ({
    label: t('review.weekShort', { week: weekNumber(h.week) }),
    newContacts: h.newContacts,
    color: h.week === week ? 'sage.7' : 'sage.3',
  }));
  const highest = Math.max(target, ...history.map((h) => h.newContacts), 1);

  return (
    <Box component="figure" m={0} data-testid="new-contacts-chart">
      <Box role="img" aria-label={t('review.chartLabel')}>
        <BarChart
          h={220}
          data={data}
          dataKey="label"
          series={[{ name: 'newContacts', label: newContacts, color: 'sage.6' }]}
          referenceLines={target > 0 ? [{ y: target, color: 'coral.5', label: t('review.target'), labelPosition: 'insideTopRight', strokeDasharray: '5 4' }] : []}
          yAxisProps={{ allowDecimals: false, domain: [0, highest], width: 28 }}
          xAxisProps={{ interval: 'preserveStartEnd', tickMargin: 6 }}
          gridAxis="x"
          tickLine="none"
          maxBarWidth={36}
          withBarValueLabel
          tooltipAnimationDuration={150}
        />
      </Box>
      {/* The same numbers for screen readers, who cannot see the bars. */}
      <VisuallyHidden>
        <Table>
          <Table.Caption>{t('review.history')}</Table.Caption>
          <Table.Tbody>
            {history.map((h) => (
              <Table.Tr key={h.week}>
                <Table.Th scope="row">{h.week}</Table.Th>
                <Table.Td>{h.newContacts}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </VisuallyHidden>
    </Box>
  );
}
