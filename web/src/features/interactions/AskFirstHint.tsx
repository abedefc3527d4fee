import { Alert, Button, Group, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Intent } from '@shared/enums.js';
import { askStats } from '@shared/rules/ask-only.js';
import type { InteractionPage } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useContact } from '../contacts/api';

// Long labels wrap on a phone instead of pushing the hint wider than the screen.
const wrappingButton = { root: { height: 'auto', minHeight: 22, paddingBlock: 3 }, label: { whiteSpace: 'normal' } } as const;

/** Enough outbound history for the ask-only rule: 12 months, and the last three touches. */
const HISTORY_LIMIT = 500;

/**
 * Shown while logging an outbound ask to someone who already gets mostly asks from you, or
 * would with this one (docs/domain.md#ask-only-warning). A suggestion, never a block.
 */
export function AskFirstHint({ contactId, onChangeIntent }: { contactId: string; onChangeIntent: (intent: Intent) => void }) {
  const { t } = useTranslation();
  const contact = useContact(contactId).data;
  const alreadyAskOnly = contact?.askOnly ?? false;
  const history = useQuery({
    queryKey: queryKeys.contactTouches(contactId),
    queryFn: ({ signal }) => api<InteractionPage>('/api/interactions', { query: { contactId, limit: HISTORY_LIMIT }, signal }),
    enabled: Boolean(contact) && !alreadyAskOnly,
  });

  const now = new Date();
  const outbound = (history.data?.items ?? [])
    .filter((touch) => touch.direction === 'outbound')
    .map((touch) => ({ occurredAt: new Date(touch.occurredAt), intent: touch.intent }));
  const wouldBecome = history.isSuccess && askStats([...outbound, { occurredAt: now, intent: 'ask' }], now).askOnly;
  if (!contact || !(alreadyAskOnly || wouldBecome)) return null;

  return (
    <Alert color="orange" variant="light" icon={<IconBulb aria-hidden />} title={t('askFirst.inlineTitle')} data-testid="ask-first-hint" styles={{ body: { minWidth: 0 } }}>
      <Text size="sm">
        {alreadyAskOnly ? t('askFirst.inlineAlready', { name: contact.displayName }) : t('askFirst.inlineWouldBe', { name: contact.displayName })}{' '}
        {t('askFirst.inlineSuggestion')}
      </Text>
      <Group gap="xs" mt="xs">
        <Button size="compact-xs" variant="white" color="green" styles={wrappingButton} onClick={() => onChangeIntent('give')}>
          {t('askFirst.makeGive')}
        </Button>
        <Button size="compact-xs" variant="white" color="sage" styles={wrappingButton} onClick={() => onChangeIntent('nurture')}>
          {t('askFirst.makeNurture')}
        </Button>
      </Group>
    </Alert>
  );
}
