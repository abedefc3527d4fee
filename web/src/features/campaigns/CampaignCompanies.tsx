import { Button, Group, Paper, Skeleton, Stack, TagsInput, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { MAX_TARGET_COMPANIES, type CampaignCompanyPaths, type CampaignDetail } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { IntroPathList } from '../relationships/IntroPathList';
import { campaignKeys, useUpdateCampaign } from './api';

/**
 * The campaign's target companies, edited in place, and the best warm path to someone at each
 * (or what to do when there is none); companies its free-text target names are offered first.
 */
export function CampaignCompanies({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const update = useUpdateCampaign(campaign.id);
  // Under `campaigns`: every campaign write (the list changing included) refreshes it.
  const paths = useQuery({
    queryKey: [...campaignKeys.all, 'companies', campaign.id, campaign.targetCompanies],
    queryFn: ({ signal }) => api<CampaignCompanyPaths>(`/api/campaigns/${campaign.id}/company-intros`, { signal }),
  });
  const save = (targetCompanies: string[]) => {
    const unique = targetCompanies.filter((name, i) => targetCompanies.findIndex((other) => other.toLocaleLowerCase() === name.toLocaleLowerCase()) === i);
    update.mutate({ targetCompanies: unique.slice(0, MAX_TARGET_COMPANIES) });
  };
  return (
    <SectionCard title={t('campaignCompanies.title')} hint={t('campaignCompanies.hint')} testId="campaign-companies">
      <Stack gap="sm">
        <TagsInput
          label={t('campaignCompanies.label')}
          description={t('campaignCompanies.labelHint')}
          placeholder={campaign.targetCompanies.length === 0 ? t('campaignCompanies.placeholder') : undefined}
          value={campaign.targetCompanies}
          onChange={save}
          splitChars={[',', ';']}
          maxTags={MAX_TARGET_COMPANIES}
          disabled={update.isPending}
          error={update.isError ? t('campaignCompanies.saveFailed') : undefined}
          clearable
        />
        {paths.isSuccess && paths.data.suggested.length > 0 && (
          <Group gap={6} aria-label={t('campaignCompanies.suggested')} role="group">
            <Text size="xs" c="dimmed">
              {t('campaignCompanies.suggested')}
            </Text>
            {paths.data.suggested.map((company) => (
              <Button
                key={company}
                size="compact-xs"
                variant="light"
                leftSection={<IconPlus size={12} aria-hidden />}
                onClick={() => save([...campaign.targetCompanies, company])}
                disabled={update.isPending}
                aria-label={t('campaignCompanies.add', { company })}
              >
                {company}
              </Button>
            ))}
          </Group>
        )}
        {paths.isPending && campaign.targetCompanies.length > 0 && <Skeleton h={40} />}
        {paths.isError && <LoadError error={paths.error} onRetry={() => void paths.refetch()} />}
        {paths.isSuccess &&
          paths.data.items.map((item) => (
            <Stack key={item.company} gap={4} data-testid="company-path">
              <Text size="sm" fw={600}>
                {item.company}
              </Text>
              {item.path ? (
                <IntroPathList paths={[item.path]} label={t('campaignCompanies.pathTo', { company: item.company })} />
              ) : (
                <Paper withBorder p="xs">
                  <Text size="sm" c="dimmed">
                    {item.people === 0 ? t('campaignCompanies.nobody', { company: item.company }) : t('campaignCompanies.noPath', { company: item.company, count: item.people })}
                  </Text>
                </Paper>
              )}
            </Stack>
          ))}
      </Stack>
    </SectionCard>
  );
}
