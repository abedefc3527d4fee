import { Anchor, Avatar, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { KeepInTouchSuggestion } from '@shared/schemas/index.js';
import { circleColor } from '../../app/theme';
import { daysBetween } from '../../i18n/format';
import { useFormatters } from '../../i18n/useFormatters';
import { initials } from '../contacts/initials';
import { SuggestMessageButton } from '../templates/SuggestMessage';
import { useStrengthWords } from '../relationships/useStrengthWords';

interface KeepInTouchListProps {
  suggestions: KeepInTouchSuggestion[];
  today: string;
  onLogTouch: (contact: { id: string; displayName: string }) => void;
}

export function KeepInTouchList({ suggestions, today, onLogTouch }: KeepInTouchListProps) {
  const { t } = useTranslation();
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('today.keepInTouch')}>
      {suggestions.map((s) => (
        <Suggestion key={s.contactId} suggestion={s} today={today} onLogTouch={onLogTouch} />
      ))}
    </Stack>
  );
}

function Suggestion({ suggestion: s, today, onLogTouch }: { suggestion: KeepInTouchSuggestion } & Omit<KeepInTouchListProps, 'suggestions'>) {
  const { t } = useTranslation();
  const format = useFormatters();
  const strengthWords = useStrengthWords();
  const lastTouch = s.lastInteractionAt
    ? t('today.lastTouch', { ago: format.relativeDays(-daysSinceLastTouch(s, today)) })
    : t('today.neverTouched');

  return (
    <Paper component="li" withBorder p="sm" data-testid="keep-in-touch-item" aria-label={s.displayName}>
      <Group justify="space-between" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" style={{ flex: '1 1 240px', minWidth: 0 }}>
          <Avatar color={circleColor[s.circle]} radius="xl" aria-hidden>
            {initials(s.displayName)}
          </Avatar>
          <Stack gap={2} style={{ minWidth: 0 }}>
            <Group gap={6} wrap="wrap">
              <Anchor component={Link} to={`/contacts/${s.contactId}`} fw={600} truncate>
                {s.displayName}
              </Anchor>
              <Badge color={circleColor[s.circle]} size="sm">
                {t(`enums.circle.${s.circle}`)}
              </Badge>
              {s.why === 'strong_tie_cooling' && (
                <Badge color="coral" variant="light" size="sm" title={strengthWords(s.strength)}>
                  {t('handshake.strongTieCooling')}
                </Badge>
              )}
            </Group>
            <Text size="sm" c="dimmed" lineClamp={2}>
              {[s.company, lastTouch, t('today.cadence', { count: s.cadenceDays })].filter(Boolean).join(' · ')}
            </Text>
          </Stack>
        </Group>
        <Group gap={6} wrap="nowrap">
          <SuggestMessageButton purpose="keep_in_touch" contactId={s.contactId} contactName={s.displayName} />
          <Button
            size="compact-sm"
            variant="light"
            leftSection={<IconSend size={15} aria-hidden />}
            onClick={() => onLogTouch({ id: s.contactId, displayName: s.displayName })}
          >
            {t('today.logTouch')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}

/** Due on = last touch + cadence, so the server's due date gives the days since, in the user's zone. */
function daysSinceLastTouch(s: KeepInTouchSuggestion, today: string): number {
  return daysBetween(s.dueOn, today) + s.cadenceDays;
}
