import { Button, Group, RingProgress, SimpleGrid, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconArrowRight, IconConfetti } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { WeekTally } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import { SectionCard } from '../../ui/SectionCard';

/** New contacts against the weekly target as a ring, with the week's touches and follow-ups done. */
export function WeekTallyCard({ week }: { week: WeekTally }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const { count, target } = week.newContacts;
  const share = target > 0 ? Math.min(count / target, 1) : count > 0 ? 1 : 0;
  const reached = target > 0 && count >= target;
  const weekNumber = Number(week.week.split('-W')[1]);

  return (
    <SectionCard title={t('today.week')} hint={t('today.weekNumber', { week: weekNumber })} testId="week-tally">
      <Group gap="md" wrap="nowrap">
        <RingProgress
          size={112}
          thickness={11}
          roundCaps
          sections={[{ value: share * 100, color: reached ? 'sage.6' : 'coral.4' }]}
          label={
            <Text ta="center" fw={700} fz="lg">
              {format.number(count)}/{format.number(target)}
            </Text>
          }
          aria-label={`${t('today.newContacts')}: ${t('today.newContactsOfTarget', { done: count, target })}`}
        />
        <Stack gap={2}>
          <Text fw={600}>{t('today.newContacts')}</Text>
          <Text size="sm" c="dimmed">
            {t('today.newContactsOfTarget', { done: format.number(count), target: format.number(target) })}
          </Text>
          {reached && (
            <Group gap={6} mt={4} wrap="nowrap" align="flex-start">
              <ThemeIcon size="sm" variant="light" radius="xl">
                <IconConfetti size={14} aria-hidden />
              </ThemeIcon>
              <Text size="sm" c="sage.8" fw={500}>
                {t('today.targetReached')}
              </Text>
            </Group>
          )}
        </Stack>
      </Group>
      <SimpleGrid cols={2} mt="md" spacing="sm">
        <Stat label={t('today.touches')} value={format.number(week.touches)} />
        <Stat label={t('today.followupsDone')} value={format.number(week.followupsDone)} />
      </SimpleGrid>
      <Button component={Link} to="/review" variant="subtle" fullWidth mt="sm" rightSection={<IconArrowRight size={16} aria-hidden />}>
        {t('review.openReview')}
      </Button>
    </SectionCard>
  );
}

function Stat({ label, value }: { label: string; value: string }) {
  return (
    <Stack gap={0} p="sm" bg="gray.0" style={{ borderRadius: 'var(--mantine-radius-md)' }}>
      <Text fz={24} fw={700} lh={1.2}>
        {value}
      </Text>
      <Text size="sm" c="dimmed">
        {label}
      </Text>
    </Stack>
  );
}
