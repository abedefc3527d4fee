import { Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { IntroPaths } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { IntroPathList } from './IntroPathList';

/** The best warm path to each member of a campaign, where one exists. */
export function CampaignIntros({ campaignId }: { campaignId: string }) {
  const { t } = useTranslation();
  const paths = useQuery({
    queryKey: [...queryKeys.intros, 'campaign', campaignId],
    queryFn: ({ signal }) => api<IntroPaths>(`/api/campaigns/${campaignId}/intros`, { signal }),
  });
  return (
    <SectionCard title={t('intros.campaignTitle')} hint={t('intros.campaignHint')} testId="campaign-intros">
      {paths.isPending && <Skeleton h={40} />}
      {paths.isError && <LoadError error={paths.error} onRetry={() => void paths.refetch()} />}
      {paths.isSuccess && paths.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('intros.campaignNone')}
        </Text>
      )}
      {paths.isSuccess && paths.data.items.length > 0 && <IntroPathList paths={paths.data.items} label={t('intros.campaignTitle')} />}
    </SectionCard>
  );
}
