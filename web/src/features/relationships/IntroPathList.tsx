import { Anchor, Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { IconArrowRight, IconSend } from '@tabler/icons-react';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { IntroPath } from '@shared/schemas/index.js';
import { IntroRequestModal } from './IntroRequestModal';
import { usePathWords } from './usePathWords';

/**
 * Paths to someone as a list: the people between in order, the flags on the one to ask, why the
 * path scores as it does, and "ask for an introduction". Also the Network screen's accessible view.
 */
export function IntroPathList({ paths, label, onFocusPath }: { paths: IntroPath[]; label: string; onFocusPath?: (path: IntroPath) => void }) {
  const { t } = useTranslation();
  const [asking, setAsking] = useState<IntroPath | null>(null);
  const pathWords = usePathWords();
  return (
    <>
      <Stack component="ol" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={label}>
        {paths.map((path) => {
          const first = path.via[0]!;
          return (
            <Paper component="li" withBorder p="xs" key={`${path.target.contactId}-${path.via.map((v) => v.contactId).join('-')}`} data-testid="intro-path">
              <Stack gap={4}>
                <Group gap={6} wrap="wrap" align="center">
                  <Text size="sm" fw={600}>
                    {t('intros.you')}
                  </Text>
                  {path.via.map((step) => (
                    <Fragment key={step.contactId}>
                      <IconArrowRight size={14} aria-label={t('intros.then')} />
                      <Anchor component={Link} to={`/contacts/${step.contactId}`} size="sm" fw={600}>
                        {step.displayName}
                      </Anchor>
                    </Fragment>
                  ))}
                  <IconArrowRight size={14} aria-label={t('intros.then')} />
                  <Anchor component={Link} to={`/contacts/${path.target.contactId}`} size="sm">
                    {path.target.displayName}
                  </Anchor>
                  <Badge variant="light" color={path.score >= 40 ? 'sage' : 'gray'}>
                    {t('intros.score', { score: path.score })}
                  </Badge>
                  {first.flags.map((flag) => (
                    <Badge key={flag} color={flag === 'cold' ? 'blue' : 'orange'} variant="light" title={t(`intros.flagHint.${flag}`)}>
                      {t(`intros.flag.${flag}`)}
                    </Badge>
                  ))}
                </Group>
                <Text size="xs" c="dimmed">
                  {pathWords(path)}
                </Text>
                <Group gap="xs">
                  <Button size="compact-xs" variant="light" leftSection={<IconSend size={13} aria-hidden />} onClick={() => setAsking(path)}>
                    {t('intros.ask', { name: first.displayName })}
                  </Button>
                  {onFocusPath && (
                    <Button size="compact-xs" variant="subtle" onClick={() => onFocusPath(path)}>
                      {t('network.showPath')}
                    </Button>
                  )}
                </Group>
              </Stack>
            </Paper>
          );
        })}
      </Stack>
      {asking && <IntroRequestModal path={asking} onClose={() => setAsking(null)} />}
    </>
  );
}
