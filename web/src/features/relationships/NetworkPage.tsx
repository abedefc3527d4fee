import { Alert, Grid, Group, Select, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { circles, type Circle } from '@shared/enums.js';
import type { ContactRef, IntroPath, Network } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { useMe } from '../auth/session';
import { ContactPicker } from '../contacts/form/ContactPicker';
import { useContactTags } from '../contacts/api';
import { useCampaigns } from '../campaigns/api';
import { useIntroPaths } from './api';
import { IntroPathList } from './IntroPathList';
import { ME, NetworkGraph } from './NetworkGraph';

/**
 * The network as a picture (docs/domain.md#the-network): filters, search to focus a person, and
 * "path to…" that lights up the best warm paths — which are also listed, the way in for keyboard
 * and screen-reader users (the picture itself is hidden from them).
 */
export function NetworkPage() {
  const { t } = useTranslation();
  const me = useMe().data?.user;
  const tags = useContactTags();
  const [circle, setCircle] = useState<Circle | null>(null);
  const [tag, setTag] = useState<string | null>(null);
  const [campaignId, setCampaignId] = useState<string | null>(null);
  const campaigns = useCampaigns();
  const campaignOptions = (campaigns.data?.pages ?? []).flatMap((page) => page.items).map((c) => ({ value: c.id, label: c.name }));
  const [companyInput, setCompanyInput] = useState('');
  const [company] = useDebouncedValue(companyInput.trim(), 300);
  const [focus, setFocus] = useState<ContactRef | null>(null);
  const [target, setTarget] = useState<ContactRef | null>(null);
  const [shownPath, setShownPath] = useState<IntroPath | null>(null);
  const [noWebGl, setNoWebGl] = useState(false);

  const filters = useMemo(() => Object.fromEntries(Object.entries({ circle, tag, company, campaignId }).filter(([, v]) => v)) as Record<string, string>, [circle, tag, company, campaignId]);
  const network = useQuery({
    queryKey: [...queryKeys.network, filters],
    queryFn: ({ signal }) => api<Network>('/api/network', { query: filters, signal }),
    // Thousands of people and ties: comparing a new answer with the old one, key by key, is a
    // long task of its own, and the picture is redrawn from scratch anyway.
    structuralSharing: false,
  });
  const paths = useIntroPaths({ contactId: target?.id }, Boolean(target));
  const best = shownPath ?? paths.data?.items[0] ?? null;
  const pathIds = best ? [ME, ...best.via.map((v) => v.contactId), best.target.contactId] : [];
  const onSelect = useCallback((id: string) => {
    setShownPath(null);
    setFocus({ id, displayName: '' });
  }, []);
  const onUnavailable = useCallback(() => setNoWebGl(true), []);

  return (
    <>
      <PageHeader
        title={t('network.title')}
        subtitle={network.data ? t('network.counts', { people: network.data.nodes.length, count: network.data.edges.length }) : t('network.subtitle')}
      />
      <Group gap="sm" mb="md" align="flex-end" wrap="wrap">
        <Select label={t('network.circle')} data={circles.map((c) => ({ value: c, label: t(`enums.circle.${c}`) }))} value={circle} onChange={(v) => setCircle(v as Circle | null)} placeholder={t('common.any')} clearable w={170} />
        <Select label={t('network.tag')} data={tags.data ?? []} value={tag} onChange={setTag} placeholder={t('common.any')} clearable searchable w={170} />
        {campaignOptions.length > 0 && (
          <Select label={t('network.campaign')} data={campaignOptions} value={campaignId} onChange={setCampaignId} placeholder={t('common.any')} clearable w={200} />
        )}
        <TextInput label={t('network.company')} value={companyInput} onChange={(e) => setCompanyInput(e.currentTarget.value)} placeholder={t('common.any')} w={200} />
      </Group>
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 8 }}>
          {network.isError && <LoadError error={network.error} onRetry={() => void network.refetch()} />}
          {noWebGl && <Alert color="yellow">{t('network.noWebGl')}</Alert>}
          {!network.isError && !noWebGl && (
            <NetworkGraph
              network={network.data ?? null}
              meLabel={me?.name ?? t('intros.you')}
              focusId={focus?.id ?? null}
              path={pathIds}
              onSelect={onSelect}
              onUnavailable={onUnavailable}
            />
          )}
          {network.data && network.data.omitted > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('network.omitted', { count: network.data.omitted })}
            </Text>
          )}
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 4 }}>
          <Stack gap="lg">
            <SectionCard title={t('network.search')}>
              <ContactPicker label={t('network.search')} hideLabel value={focus?.displayName ? focus : null} onChange={(c) => { setShownPath(null); setFocus(c); }} />
            </SectionCard>
            <SectionCard title={t('network.pathTo')} hint={t('network.pathToHint')} testId="network-path">
              <Stack gap="sm">
                <ContactPicker label={t('network.pathTo')} hideLabel value={target} onChange={(c) => { setShownPath(null); setTarget(c); }} />
                {target && paths.isPending && <Skeleton h={40} />}
                {paths.isError && <LoadError error={paths.error} onRetry={() => void paths.refetch()} />}
                {target && paths.data && paths.data.items.length === 0 && (
                  <Text size="sm" c="dimmed">
                    {t('intros.none')}
                  </Text>
                )}
                {target && paths.data && paths.data.items.length > 0 && (
                  <IntroPathList paths={paths.data.items} label={t('network.pathTo')} onFocusPath={setShownPath} />
                )}
              </Stack>
            </SectionCard>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
