import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Favor } from '@shared/schemas/favors.js';
import { useFormatters } from '../../i18n/useFormatters';
import { SectionCard } from '../../ui/SectionCard';
import { FavorActions } from '../favors/FavorActions';
import { effortColor } from '../favors/favorStyle';
import { GestureSuggestion } from '../favors/GestureSuggestion';
import { LoopStatusBadge } from '../favors/LoopStatusBadge';

/**
 * Received favors still waiting for their next step: a thank-you in proportion to the effort,
 * then telling them how it turned out.
 */
export function LoopsToClose({ loops }: { loops: Favor[] }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('today.loopsToClose')} hint={t('today.loopsToCloseHint')} testId="today-loops">
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('today.loopsToClose')}>
        {loops.map((favor) => (
          <Loop key={favor.id} favor={favor} />
        ))}
      </Stack>
    </SectionCard>
  );
}

function Loop({ favor }: { favor: Favor }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const kind = t(`enums.favorKind.${favor.kind}`);
  const toThank = favor.loopStatus === 'open';
  return (
    <Paper component="li" withBorder p="sm" aria-label={`${favor.contact.displayName}: ${kind}`} data-testid="loop-item">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 300px', minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <Text fw={600}>
              <Trans
                t={t}
                i18nKey={toThank ? 'loop.thankStep' : 'loop.reportStep'}
                values={{ name: favor.contact.displayName }}
                components={{ person: <Anchor component={Link} to={`/contacts/${favor.contactId}`} fw={600} inherit /> }}
              />
            </Text>
            <LoopStatusBadge status={favor.loopStatus} size="sm" />
          </Group>
          <Group gap={6} wrap="wrap">
            <Badge color="grape" size="sm">
              {kind}
            </Badge>
            <Badge color={effortColor[favor.effort]} variant="outline" size="sm">
              {t('favors.effortBadge', { effort: t(`enums.effort.${favor.effort}`) })}
            </Badge>
            <Text size="xs" c="dimmed">
              {format.date(favor.occurredOn)}
            </Text>
          </Group>
          {favor.description && (
            <Text size="sm" lineClamp={2}>
              {favor.description}
            </Text>
          )}
          {toThank ? (
            <GestureSuggestion gesture={favor.suggestedGesture} />
          ) : (
            <Text size="sm" c="dimmed">
              {t('loop.reportStepHint', { date: favor.thankedOn ? format.date(favor.thankedOn) : '' })}
            </Text>
          )}
        </Stack>
        <FavorActions favor={favor} withMenu={false} />
      </Group>
    </Paper>
  );
}
