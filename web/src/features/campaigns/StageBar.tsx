import { Group, Progress, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { campaignStages, type CampaignStage } from '@shared/enums.js';
import { stageColor } from './stageStyle';

/**
 * How far along a campaign is: one bar split by stage (left to right, identified to following
 * up), with the counts written out underneath so the colours are never the only cue.
 */
export function StageBar({ counts }: { counts: Record<CampaignStage, number> }) {
  const { t } = useTranslation();
  const total = campaignStages.reduce((sum, stage) => sum + counts[stage], 0);
  const present = campaignStages.filter((stage) => counts[stage] > 0);
  if (total === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('campaigns.noMembers')}
      </Text>
    );
  }
  return (
    <div>
      <Progress.Root size={10} aria-hidden>
        {present.map((stage) => (
          <Progress.Section key={stage} value={(counts[stage] / total) * 100} color={`${stageColor[stage]}.5`} />
        ))}
      </Progress.Root>
      <Group component="ul" gap={10} mt={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('campaigns.stagesLabel')}>
        {present.map((stage) => (
          <Group component="li" key={stage} gap={5} wrap="nowrap">
            <span
              aria-hidden
              style={{ width: 8, height: 8, borderRadius: 4, background: `var(--mantine-color-${stageColor[stage]}-5)`, flex: 'none' }}
            />
            <Text size="xs" c="dimmed">
              {t(`campaignStage.${stage}`)} <b>{counts[stage]}</b>
            </Text>
          </Group>
        ))}
      </Group>
    </div>
  );
}
