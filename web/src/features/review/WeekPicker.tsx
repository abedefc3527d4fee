import { ActionIcon, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronLeft, IconChevronRight } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useFormatters } from '../../i18n/useFormatters';
import { isoWeekRange, parseIsoWeek, shiftWeek } from './weeks';

interface WeekPickerProps {
  week: string;
  currentWeek: string;
  onChange: (week: string) => void;
  busy?: boolean;
}

/** Previous / next week around an ISO week label, and a way back to this week. */
export function WeekPicker({ week, currentWeek, onChange, busy }: WeekPickerProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { year, week: number } = parseIsoWeek(week);
  const { start, end } = isoWeekRange(week);
  const isCurrent = week === currentWeek;

  return (
    <Group gap="xs" wrap="nowrap" role="group" aria-label={t('review.weekPicker')} data-testid="week-picker">
      <Tooltip label={t('review.previousWeek')}>
        <ActionIcon variant="default" size="lg" onClick={() => onChange(shiftWeek(week, -1))} aria-label={t('review.previousWeek')}>
          <IconChevronLeft size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Stack gap={0} align="center" miw={170} aria-live="polite" aria-busy={busy || undefined}>
        <Text fw={650} data-testid="week-label">
          {t('review.weekLabel', { week: number, year })}
        </Text>
        <Text size="xs" c="dimmed">
          {format.weekdayShort(start)} – {format.weekdayShort(end)}
        </Text>
      </Stack>
      <Tooltip label={t('review.nextWeek')}>
        <ActionIcon
          variant="default"
          size="lg"
          onClick={() => onChange(shiftWeek(week, 1))}
          disabled={week >= currentWeek}
          aria-label={t('review.nextWeek')}
        >
          <IconChevronRight size={18} aria-hidden />
        </ActionIcon>
      </Tooltip>
      {!isCurrent && (
        <Button variant="subtle" size="compact-sm" onClick={() => onChange(currentWeek)}>
          {t('review.thisWeek')}
        </Button>
      )}
    </Group>
  );
}
