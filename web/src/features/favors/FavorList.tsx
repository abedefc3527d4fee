import { Anchor, Badge, Blockquote, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Favor } from '@shared/schemas/favors.js';
import { daysBetween } from '../../i18n/format';
import { useFormatters, useUserToday } from '../../i18n/useFormatters';
import { FavorActions } from './FavorActions';
import { directionColor, directionIcon, effortColor } from './favorStyle';
import { LoopStatusBadge } from './LoopStatusBadge';

interface FavorListProps {
  favors: Favor[];
  label: string;
  /** On a contact's own page the name would only repeat itself. */
  showContact?: boolean;
}

export function FavorList({ favors, label, showContact = true }: FavorListProps) {
  return (
    <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
      {favors.map((favor) => (
        <FavorItem key={favor.id} favor={favor} showContact={showContact} />
      ))}
    </Stack>
  );
}

function FavorItem({ favor, showContact }: { favor: Favor; showContact: boolean }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const kind = t(`enums.favorKind.${favor.kind}`);
  const Arrow = directionIcon[favor.direction];

  return (
    <Paper component="li" withBorder p="sm" data-testid="favor-item" aria-label={`${favor.contact.displayName}: ${kind}`}>
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Group gap="sm" wrap="nowrap" align="flex-start" style={{ flex: '1 1 280px', minWidth: 0 }}>
          <ThemeIcon variant="light" color={directionColor[favor.direction]} radius="xl" size="lg" aria-hidden>
            <Arrow size={18} />
          </ThemeIcon>
          <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
            <Group gap={6} wrap="wrap">
              {showContact ? (
                <>
                  <Anchor component={Link} to={`/contacts/${favor.contactId}`} fw={600}>
                    {favor.contact.displayName}
                  </Anchor>
                  <Badge color="grape">{kind}</Badge>
                </>
              ) : (
                <Text fw={600}>{kind}</Text>
              )}
              <Badge color={effortColor[favor.effort]} variant="outline">
                {t('favors.effortBadge', { effort: t(`enums.effort.${favor.effort}`) })}
              </Badge>
              <Text size="sm" c="dimmed">
                {format.date(favor.occurredOn)}
              </Text>
            </Group>
            {favor.description && (
              <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                {favor.description}
              </Text>
            )}
            {favor.introducedTo && (
              <Text size="sm" c="dimmed">
                {t('favors.introducedTo')}:{' '}
                <Anchor component={Link} to={`/contacts/${favor.introducedTo.id}`} size="sm">
                  {favor.introducedTo.displayName}
                </Anchor>
              </Text>
            )}
            {favor.direction === 'received' ? <ReceivedLoop favor={favor} /> : <GivenNews favor={favor} />}
          </Stack>
        </Group>
        <FavorActions favor={favor} />
      </Group>
    </Paper>
  );
}

function ReceivedLoop({ favor }: { favor: Favor }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const dates = [
    favor.thankedOn && t('favors.thankedOnDate', { date: format.date(favor.thankedOn) }),
    favor.outcomeReportedOn && t('favors.reportedOnDate', { date: format.date(favor.outcomeReportedOn) }),
  ].filter(Boolean);
  return (
    <>
      <Group gap={8} wrap="wrap" mt={2}>
        <LoopStatusBadge status={favor.loopStatus} />
        {favor.outcomeNotApplicable && (
          <Badge color="gray" variant="light">
            {t('favors.notApplicable')}
          </Badge>
        )}
        {dates.length > 0 && (
          <Text size="xs" c="dimmed">
            {dates.join(' · ')}
          </Text>
        )}
      </Group>
      {favor.outcome && <Outcome text={favor.outcome} />}
    </>
  );
}

function GivenNews({ favor }: { favor: Favor }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const silentFor = daysBetween(favor.occurredOn, useUserToday());
  return (
    <>
      <Group gap={8} wrap="wrap" mt={2}>
        {favor.outcomeReportedOn ? (
          <Badge color="sage">{t('favors.heardOnDate', { date: format.date(favor.outcomeReportedOn) })}</Badge>
        ) : favor.noNews ? (
          <Badge color="orange">{t('favors.noNewsFor', { count: silentFor })}</Badge>
        ) : (
          <Badge color="gray">{t('favors.waitingForNews')}</Badge>
        )}
      </Group>
      {favor.outcome && <Outcome text={favor.outcome} />}
    </>
  );
}

function Outcome({ text }: { text: string }) {
  return (
    <Blockquote color="sage" p="xs" pl="sm" mt={4} fz="sm" style={{ overflowWrap: 'anywhere' }}>
      {text}
    </Blockquote>
  );
}
