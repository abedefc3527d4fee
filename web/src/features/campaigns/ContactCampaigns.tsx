import { Anchor, Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Contact } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useContactCampaigns } from './api';
import { stageColor } from './stageStyle';

/**
 * The campaigns a contact is in (docs/domain.md#campaigns): each links to its board, with the
 * contact's stage there and since when. Nothing is shown for a contact in no campaign.
 */
export function ContactCampaigns({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const campaigns = useContactCampaigns(contact.id);

  if (campaigns.isSuccess && campaigns.data.length === 0) return null;
  return (
    <SectionCard title={t('contactCampaigns.title')} testId="contact-campaigns">
      {campaigns.isPending && <Skeleton h={40} />}
      {campaigns.isError && <LoadError error={campaigns.error} onRetry={() => void campaigns.refetch()} />}
      {campaigns.isSuccess && (
        <Stack component="ul" gap="sm" m={0} p={0} style={{ listStyle: 'none' }} aria-label={t('contactCampaigns.title')}>
          {campaigns.data.map((c) => (
            <li key={c.campaignId} data-testid="contact-campaign">
              <Group justify="space-between" gap="xs" wrap="wrap">
                <Anchor component={Link} to={`/campaigns/${c.campaignId}`} fw={600} style={{ overflowWrap: 'anywhere' }}>
                  {c.name}
                </Anchor>
                <Badge color={stageColor[c.stage]} variant="light">
                  {t(`campaignStage.${c.stage}`)}
                </Badge>
              </Group>
              <Text size="sm" c="dimmed">
                {t('contactCampaigns.since', { date: format.dayOf(c.stageChangedAt) })}
                {c.metOn && ` · ${t('campaignMember.metOn', { date: format.date(c.metOn) })}`}
              </Text>
            </li>
          ))}
        </Stack>
      )}
    </SectionCard>
  );
}
