import { Group, Progress, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { channels, intents, type Channel, type Intent } from '@shared/enums.js';
import { intentColor } from '../../app/theme';
import { useFormatters } from '../../i18n/useFormatters';
import { ChannelIcon } from '../interactions/ChannelIcon';

interface TouchBreakdownProps {
  byChannel: Record<string, number>;
  byIntent: Record<string, number>;
}

/** The week's touches as two small bar lists: by channel and by intent, biggest first. */
export function TouchBreakdown({ byChannel, byIntent }: TouchBreakdownProps) {
  const { t } = useTranslation();
  const channelRows = rowsOf(byChannel, channels).map(([channel, count]) => ({
    key: channel,
    label: t(`enums.channel.${channel}`),
    icon: <ChannelIcon channel={channel} size={16} />,
    count,
    color: 'sage',
  }));
  const intentRows = rowsOf(byIntent, intents).map(([intent, count]) => ({
    key: intent,
    label: t(`enums.intent.${intent}`),
    count,
    color: intentColor[intent],
  }));
  return (
    <Stack gap="lg">
      <BarList title={t('review.byChannel')} rows={channelRows} testId="touches-by-channel" />
      <BarList title={t('review.byIntent')} rows={intentRows} testId="touches-by-intent" />
    </Stack>
  );
}

/** Known values only (so every label translates), biggest first. */
function rowsOf<T extends Channel | Intent>(counts: Record<string, number>, known: readonly T[]): [T, number][] {
  return known
    .filter((value) => (counts[value] ?? 0) > 0)
    .map((value): [T, number] => [value, counts[value] ?? 0])
    .sort((a, b) => b[1] - a[1]);
}

interface Row {
  key: string;
  label: string;
  icon?: ReactNode;
  count: number;
  color: string;
}

function BarList({ title, rows, testId }: { title: string; rows: Row[]; testId: string }) {
  const format = useFormatters();
  const max = Math.max(1, ...rows.map((r) => r.count));
  return (
    <Stack gap={8} data-testid={testId}>
      <Title order={3} size="h6" c="dimmed" tt="uppercase" style={{ letterSpacing: '0.04em' }}>
        {title}
      </Title>
      <Stack component="ul" gap={8} p={0} m={0} style={{ listStyle: 'none' }} aria-label={title}>
        {rows.map((row) => (
          <li key={row.key} aria-label={`${row.label}: ${row.count}`}>
            <Group gap="sm" wrap="nowrap" aria-hidden>
              <Group gap={6} wrap="nowrap" w={{ base: 140, sm: 180 }} style={{ flexShrink: 0 }}>
                {row.icon}
                <Text size="sm" truncate>
                  {row.label}
                </Text>
              </Group>
              <Progress value={(row.count / max) * 100} color={row.color} size="lg" radius="xl" style={{ flex: 1 }} />
              <Text size="sm" fw={600} w={28} ta="right">
                {format.number(row.count)}
              </Text>
            </Group>
          </li>
        ))}
      </Stack>
    </Stack>
  );
}
