import { Anchor, Badge, Group, Paper, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { SectionCard } from '../../ui/SectionCard';
import { useConnectionsToEngage } from './api';

/**
 * A few imported connections never engaged with, chosen by common points and stage
 * (docs/domain.md#relationships-not-connections), and how many are left off the keep-in-touch list.
 */
export function ConnectionsToEngageCard() {
  const { t } = useTranslation();
  const query = useConnectionsToEngage();
  if (!query.data || (query.data.items.length === 0 && query.data.notNagged === 0)) return null;
  const { items, notNagged } = query.data;
  return (
    <SectionCard title={t('handshake.title')} hint={t('handshake.hint')} testId="today-handshake">
      <Stack gap="xs">
        {items.length > 0 && (
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('handshake.title')}>
            {items.map((c) => (
              <Paper component="li" withBorder p="xs" key={c.contactId} aria-label={c.displayName}>
                <Group gap={6} wrap="wrap">
                  <Anchor component={Link} to={`/contacts/${c.contactId}`} fw={600}>
                    {c.displayName}
                  </Anchor>
                  {c.commonPoints.slice(0, 3).map((p) => (
                    <Badge key={`${p.kind}-${p.value}`} variant="light" color="blue" size="sm">
                      {p.value}
                    </Badge>
                  ))}
                </Group>
                {(c.title || c.company) && (
                  <Text size="sm" c="dimmed">
                    {[c.title, c.company].filter(Boolean).join(' · ')}
                  </Text>
                )}
              </Paper>
            ))}
          </Stack>
        )}
        {items.length === 0 && (
          // Without common points none is offered (docs/domain.md#relationships-not-connections): say how to get some.
          <Text size="sm" data-testid="handshake-none-in-common">
            {t('handshake.noneInCommon')}{' '}
            <Anchor component={Link} to="/settings" size="sm">
              {t('handshake.fillProfile')}
            </Anchor>
          </Text>
        )}
        {notNagged > 0 && (
          <Text size="sm" c="dimmed">
            {t('handshake.notNagged', { count: notNagged })}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
