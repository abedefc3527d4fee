import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconHeartHandshake, IconMessageCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ASK_SHARE_LIMIT } from '@shared/rules/ask-only.js';
import type { Contact } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import { FavorFormModal } from './FavorFormModal';

// Long Spanish labels wrap on a phone instead of pushing the banner wider than the screen.
const wrappingButton = { root: { height: 'auto', minHeight: 26, paddingBlock: 4 }, label: { whiteSpace: 'normal' } } as const;

/**
 * docs/domain.md#ask-only-warning: most outreach to this person was asks. Says so kindly and offers the
 * two better next moves: give something, or just keep in touch.
 */
export function AskOnlyBanner({ contact, onLogNurture }: { contact: Contact; onLogNurture: () => void }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const [giving, setGiving] = useState(false);
  if (!contact.askOnly) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconAlertTriangle aria-hidden />}
      title={t('contact.askOnlyTitle')}
      mb="lg"
      data-testid="ask-only-warning"
      styles={{ body: { minWidth: 0 } }}
    >
      <Text size="sm">
        {contact.askShare > ASK_SHARE_LIMIT ? t('askFirst.share', { share: format.percent(contact.askShare) }) : t('askFirst.streak')}{' '}
        {t('askFirst.suggestion')}
      </Text>
      <Group gap="xs" mt="sm">
        <Button size="compact-sm" color="green" variant="filled" styles={wrappingButton} leftSection={<IconHeartHandshake size={15} aria-hidden />} onClick={() => setGiving(true)}>
          {t('askFirst.recordGive')}
        </Button>
        <Button size="compact-sm" color="orange" variant="white" styles={wrappingButton} leftSection={<IconMessageCircle size={15} aria-hidden />} onClick={onLogNurture}>
          {t('askFirst.logNurture')}
        </Button>
      </Group>
      {giving && <FavorFormModal opened contact={contact} direction="given" onClose={() => setGiving(false)} />}
    </Alert>
  );
}
