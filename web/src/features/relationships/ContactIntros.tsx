import { Skeleton, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@shared/schemas/index.js';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useIntroPaths } from './api';
import { IntroPathList } from './IntroPathList';

/** "Who can introduce me" on a contact's page: the best warm paths to them. */
export function ContactIntros({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const paths = useIntroPaths({ contactId: contact.id });
  return (
    <SectionCard title={t('intros.title')} hint={t('intros.hint', { name: contact.displayName })} testId="contact-intros">
      {paths.isPending && <Skeleton h={40} />}
      {paths.isError && <LoadError error={paths.error} onRetry={() => void paths.refetch()} />}
      {paths.isSuccess && paths.data.items.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('intros.none')}
        </Text>
      )}
      {paths.isSuccess && paths.data.items.length > 0 && <IntroPathList paths={paths.data.items.slice(0, 5)} label={t('intros.title')} />}
    </SectionCard>
  );
}
