import { Button, Skeleton, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Contact } from '@shared/schemas/index.js';
import { LoadError } from '../../../ui/LoadError';
import { SectionCard } from '../../../ui/SectionCard';
import { AddFollowupModal } from '../../followups/AddFollowupModal';
import { FollowupList } from '../../followups/FollowupList';
import { usePendingFollowups } from '../../followups/api';

export function ContactFollowups({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const followups = usePendingFollowups(contact.id);
  const all = [...followups.open, ...followups.snoozed];
  const [adding, { open, close }] = useDisclosure(false);

  return (
    <SectionCard
      title={t('followups.openTitle')}
      testId="contact-followups"
      actions={
        <Button size="compact-sm" variant="light" leftSection={<IconPlus size={15} aria-hidden />} onClick={open}>
          {t('followups.add')}
        </Button>
      }
    >
      {followups.isPending && <Skeleton h={56} />}
      {followups.error && <LoadError error={followups.error} onRetry={() => void followups.refetch()} />}
      {!followups.isPending && !followups.error && all.length === 0 && (
        <Text size="sm" c="dimmed">
          {t('followups.none')}
        </Text>
      )}
      {all.length > 0 && <FollowupList followups={all} showContact={false} label={t('followups.openTitle')} />}
      {adding && <AddFollowupModal opened contactId={contact.id} contactName={contact.displayName} onClose={close} />}
    </SectionCard>
  );
}
