import { Button, Card, Center, List, Skeleton, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconMessageQuestion, IconPlus, IconSnowflake, IconUsers, IconUsersPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { useCampaigns } from './api';
import { CampaignCard } from './CampaignCard';
import { CampaignFormModal } from './CampaignFormModal';
import { useProfile } from '../settings/api';

/** Every campaign, newest first, each with how far its people have come. */
export function CampaignsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const list = useCampaigns();
  useProfile(); // Loaded early: a new campaign's weekly target starts from the profile's.
  const campaigns = list.data?.pages.flatMap((page) => page.items) ?? [];
  const start = () => setCreating(true);

  return (
    <>
      <PageHeader
        title={t('campaigns.title')}
        subtitle={t('campaigns.subtitle')}
        actions={
          campaigns.length > 0 && (
            <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={start}>
              {t('campaigns.create')}
            </Button>
          )
        }
      />
      {list.isPending ? (
        <Stack gap="sm" aria-busy="true">
          <Skeleton h={120} />
          <Skeleton h={120} />
        </Stack>
      ) : list.isError ? (
        <LoadError error={list.error} onRetry={() => void list.refetch()} />
      ) : campaigns.length === 0 ? (
        <SnowballIntro onStart={start} />
      ) : (
        <>
          <Stack component="ul" gap="sm" p={0} m={0} maw={860} style={{ listStyle: 'none' }} aria-label={t('campaigns.list')}>
            {campaigns.map((campaign) => (
              <CampaignCard key={campaign.id} campaign={campaign} />
            ))}
          </Stack>
          {list.hasNextPage && (
            <Center mt="md" maw={860}>
              <Button variant="default" size="xs" onClick={() => void list.fetchNextPage()} loading={list.isFetchingNextPage}>
                {t('common.loadMore')}
              </Button>
            </Center>
          )}
        </>
      )}
      {creating && <CampaignFormModal opened onClose={() => setCreating(false)} onCreated={(id) => void navigate(`/campaigns/${id}`)} />}
    </>
  );
}

/** The blank slate teaches the method: three steps, then one button. */
function SnowballIntro({ onStart }: { onStart: () => void }) {
  const { t } = useTranslation();
  const steps = [
    { icon: IconUsers, title: t('campaigns.snowball.closest'), hint: t('campaigns.snowball.closestHint') },
    { icon: IconMessageQuestion, title: t('campaigns.snowball.advice'), hint: t('campaigns.snowball.adviceHint') },
    { icon: IconUsersPlus, title: t('campaigns.snowball.twoNames'), hint: t('campaigns.snowball.twoNamesHint') },
  ];
  return (
    <Card maw={720} p={{ base: 'lg', sm: 'xl' }} data-testid="campaigns-empty">
      <Stack gap="md">
        <ThemeIcon size={52} radius="xl" variant="light">
          <IconSnowflake size={28} aria-hidden />
        </ThemeIcon>
        <Title order={2} size="h3">
          {t('campaigns.emptyTitle')}
        </Title>
        <Text c="dimmed">{t('campaigns.emptyIntro')}</Text>
        <List component="ol" spacing="md" listStyleType="none" p={0} m={0} styles={{ itemWrapper: { alignItems: 'flex-start' } }}>
          {steps.map((step, i) => (
            <List.Item
              key={step.title}
              icon={
                <ThemeIcon size={36} radius="xl" color="coral" variant="light" aria-hidden>
                  <step.icon size={20} />
                </ThemeIcon>
              }
            >
              <Text fw={650}>
                {i + 1}. {step.title}
              </Text>
              <Text size="sm" c="dimmed">
                {step.hint}
              </Text>
            </List.Item>
          ))}
        </List>
        <div>
          <Button size="md" leftSection={<IconPlus size={18} aria-hidden />} onClick={onStart}>
            {t('campaigns.startFirst')}
          </Button>
        </div>
      </Stack>
    </Card>
  );
}
