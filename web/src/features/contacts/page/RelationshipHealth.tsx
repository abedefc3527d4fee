import { SimpleGrid, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@shared/schemas/index.js';
import { daysBetween, isoDateIn } from '../../../i18n/format';
import { useFormatters, useUserToday } from '../../../i18n/useFormatters';
import { useMe } from '../../auth/session';
import { useAccountSettings } from '../../settings/api';
import { useStrengthWords } from '../../relationships/useStrengthWords';

/** The derived fields: last touch, when to reach out next, cadence, reciprocity, asks. */
export function RelationshipHealth({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useUserToday();
  const timeZone = useMe().data?.user.timeZone;
  const strengthWords = useStrengthWords();
  const circleCadence = useAccountSettings().data?.cadences[contact.circle];
  const due = contact.keepInTouchDueOn <= today;

  const lastTouch = contact.lastInteractionAt
    ? format.relativeDays(-daysBetween(isoDateIn(new Date(contact.lastInteractionAt), timeZone), today))
    : t('contacts.neverTouched');
  const cadence =
    contact.cadenceDays !== null
      ? t('contact.cadenceCustom', { count: contact.cadenceDays })
      : circleCadence
        ? t('contact.cadenceDefault', { count: circleCadence })
        : null;

  return (
    <SimpleGrid cols={2} spacing="sm" verticalSpacing="sm">
      <Fact label={t('contact.lastInteraction')} value={lastTouch} />
      <Fact label={t('contact.keepInTouchDue')} value={format.date(contact.keepInTouchDueOn)} warn={due} />
      {cadence && <Fact label={t('contact.cadence')} value={cadence} />}
      <Fact
        label={t('contact.reciprocity')}
        value={`${t('reciprocity.given', { count: contact.reciprocity.given })} · ${t('reciprocity.received', { count: contact.reciprocity.received })}`}
      />
      <Fact label={t('contact.askShare')} value={format.percent(contact.askShare)} warn={contact.askOnly} />
      <Fact label={t('strength.label')} value={`${contact.strength.score}/100 · ${strengthWords(contact.strength)}`} />
    </SimpleGrid>
  );
}

function Fact({ label, value, warn }: { label: string; value: string; warn?: boolean }) {
  return (
    <Stack gap={0}>
      <Text size="xs" c="dimmed" fw={500}>
        {label}
      </Text>
      <Text size="sm" fw={600} c={warn ? 'coral.8' : undefined}>
        {value}
      </Text>
    </Stack>
  );
}
