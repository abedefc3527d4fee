import { Anchor, Badge, Group, Paper, Stack, Text, ThemeIcon } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignSummary } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import { StageBar } from './StageBar';
import { goalIcon } from './stageStyle';
import linked from '../../ui/LinkedCard.module.css';

/** One campaign in the list: the whole card opens it. */
export function CampaignCard({ campaign }: { campaign: CampaignSummary }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const GoalIcon = goalIcon[campaign.goal];
  const dates = campaign.endsOn
    ? t('campaigns.dates', { start: format.date(campaign.startsOn), end: format.date(campaign.endsOn) })
    : t('campaigns.since', { date: format.date(campaign.startsOn) });

  return (
    <Paper component="li" withBorder p="md" className={linked.card} data-testid="campaign-card">
      <Group gap="md" wrap="nowrap" align="flex-start">
        <ThemeIcon size={40} radius="md" variant="light" aria-hidden visibleFrom="xs">
          <GoalIcon size={22} />
        </ThemeIcon>
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={8} wrap="wrap" justify="space-between">
            <Anchor component={Link} to={`/campaigns/${campaign.id}`} fw={650} size="lg" c="dark.7" className={linked.link}>
              {campaign.name}
            </Anchor>
            <Badge variant="light">{t(`campaignGoal.${campaign.goal}`)}</Badge>
          </Group>
          {campaign.target && (
            <Text size="sm" lineClamp={2}>
              {campaign.target}
            </Text>
          )}
          <Text size="xs" c="dimmed">
            {dates} · {t('campaigns.weekly', {
              people: t('campaigns.weeklyPeople', { count: campaign.newContactsPerWeek }),
              meetings: t('campaigns.weeklyMeetings', { count: campaign.meetingsPerWeek }),
            })}
          </Text>
          <StageBar counts={campaign.countsByStage} />
          {campaign.memberCount > 0 && (
            <Text size="sm" fw={600} c="sage.8">
              {t('campaigns.met', { met: campaign.metCount, count: campaign.memberCount })}
            </Text>
          )}
        </Stack>
      </Group>
    </Paper>
  );
}
