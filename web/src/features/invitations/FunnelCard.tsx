import { BarChart } from '@mantine/charts';
import { Group, RingProgress, SegmentedControl, Skeleton, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Funnel } from '@shared/schemas/index.js';
import { toLanguage } from '../../i18n';
import { intlLocaleFor } from '../../i18n/format';
import { useFormatters } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useFunnel } from './api';

const STEPS = ['incoming', 'welcomed', 'replied', 'conversation', 'meeting', 'collaboration'] as const;
const MONTH_SERIES = [
  { name: 'incoming', color: 'gray.4' },
  { name: 'welcomed', color: 'blue.5' },
  { name: 'replied', color: 'sage.6' },
  { name: 'conversation', color: 'grape.5' },
] as const;

/** Incoming → welcome sent → replied → conversation → meeting → collaboration, and the user's own reply rate. */
export function FunnelCard() {
  const { t } = useTranslation();
  const funnel = useFunnel();
  return (
    <SectionCard title={t('funnel.title')} testId="funnel">
      {funnel.isPending && <Skeleton h={260} />}
      {funnel.isError && <LoadError error={funnel.error} onRetry={() => void funnel.refetch()} />}
      {funnel.data && <FunnelBody funnel={funnel.data} />}
    </SectionCard>
  );
}

function FunnelBody({ funnel }: { funnel: Funnel }) {
  const { t, i18n } = useTranslation();
  const format = useFormatters();
  const locale = intlLocaleFor(toLanguage(i18n.resolvedLanguage));
  const [view, setView] = useState<'overall' | 'month'>('overall');
  const rate = funnel.replyRate;
  const monthName = (month: string) =>
    new Intl.DateTimeFormat(locale, { month: 'short', year: '2-digit', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));

  if (funnel.incoming === 0 && funnel.outgoing.sent === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('funnel.empty')}
      </Text>
    );
  }

  const steps = STEPS.map((step) => ({ step: t(`funnel.steps.${step}`), count: funnel[step] }));
  const months = funnel.byMonth.map((m) => ({ ...m, label: monthName(m.month) }));

  return (
    <Stack gap="md">
      <Group gap="md" wrap="nowrap" align="center">
        <RingProgress
          size={92}
          thickness={9}
          roundCaps
          sections={[{ value: (rate ?? 0) * 100, color: 'sage.6' }]}
          label={
            <Text ta="center" fw={700} fz="md" aria-hidden>
              {rate === null ? '—' : format.percent(rate)}
            </Text>
          }
          aria-hidden
        />
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Text fw={600} data-testid="reply-rate">
            {rate === null ? t('funnel.replyRateNone') : t('funnel.replyRate', { rate: format.percent(rate) })}
          </Text>
          {rate !== null && (
            <Text size="sm" c="dimmed">
              {t('funnel.replyRateDetail', { replied: format.number(funnel.replied), count: funnel.welcomed })}
            </Text>
          )}
        </Stack>
      </Group>

      <SegmentedControl
        size="xs"
        aria-label={t('funnel.view')}
        value={view}
        onChange={(v) => setView(v as typeof view)}
        data={[
          { value: 'overall', label: t('funnel.overall') },
          { value: 'month', label: t('funnel.byMonth') },
        ]}
      />

      {view === 'overall' ? (
        <>
          <BarChart
            h={250}
            data={steps}
            dataKey="step"
            orientation="vertical"
            series={[{ name: 'count', color: 'sage.6', label: t('funnel.count') }]}
            withBarValueLabel
            gridAxis="none"
            withXAxis={false}
            yAxisProps={{ width: 118, interval: 0 }}
            tooltipAnimationDuration={150}
            withTooltip={false}
            barProps={{ radius: 4 }}
            maxBarWidth={26}
            aria-hidden
          />
          <VisuallyHidden>
            <Table data-testid="funnel-table">
              <caption>{t('funnel.tableCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('funnel.step')}</Table.Th>
                  <Table.Th scope="col">{t('funnel.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {steps.map((s) => (
                  <Table.Tr key={s.step}>
                    <Table.Th scope="row">{s.step}</Table.Th>
                    <Table.Td>{format.number(s.count)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      ) : (
        <>
          <BarChart
            h={250}
            data={months}
            dataKey="label"
            series={MONTH_SERIES.map((s) => ({ ...s, label: t(`funnel.steps.${s.name}`) }))}
            withLegend
            legendProps={{ verticalAlign: 'bottom' }}
            gridAxis="y"
            yAxisProps={{ allowDecimals: false, width: 28 }}
            maxBarWidth={18}
            barProps={{ radius: 3 }}
            aria-hidden
          />
          <VisuallyHidden>
            <Table>
              <caption>{t('funnel.monthTableCaption')}</caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('funnel.month')}</Table.Th>
                  {STEPS.map((step) => (
                    <Table.Th key={step} scope="col">
                      {t(`funnel.steps.${step}`)}
                    </Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {months.map((m) => (
                  <Table.Tr key={m.month}>
                    <Table.Th scope="row">{m.label}</Table.Th>
                    {STEPS.map((step) => (
                      <Table.Td key={step}>{format.number(m[step])}</Table.Td>
                    ))}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </VisuallyHidden>
        </>
      )}

      <Text size="sm" c="dimmed" data-testid="outgoing-rate">
        {funnel.outgoing.sent === 0 || funnel.outgoing.acceptedRate === null
          ? t('funnel.outgoingNone')
          : t('funnel.outgoing', {
              accepted: format.number(funnel.outgoing.accepted),
              count: funnel.outgoing.sent,
              rate: format.percent(funnel.outgoing.acceptedRate),
            })}
      </Text>
    </Stack>
  );
}
