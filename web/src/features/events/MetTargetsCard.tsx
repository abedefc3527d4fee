import { Checkbox, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '@shared/schemas/index.js';
import { SectionCard } from '../../ui/SectionCard';
import { useUpdateAttendee } from './api';
import { plannedAttendees } from './AttendeesCard';

/** After the event: which of the people I planned to see did I actually meet. */
export function MetTargetsCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const update = useUpdateAttendee(event.id);
  const planned = plannedAttendees(event);
  const met = planned.filter((a) => a.met).length;

  return (
    <SectionCard title={t('events.met.title')} hint={t('events.met.hint')} testId="event-met">
      {planned.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('events.met.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {planned.map((a) => {
            const pending = update.isPending && update.variables.contactId === a.contactId;
            return (
              <Checkbox
                key={a.contactId}
                label={a.contact.displayName}
                description={a.target ? t('events.attendees.target') : undefined}
                checked={pending ? Boolean(update.variables.patch.met) : a.met}
                onChange={(e) => update.mutate({ contactId: a.contactId, patch: { met: e.currentTarget.checked } })}
              />
            );
          })}
          <Text size="xs" c="dimmed" mt={4}>
            {t('events.met.summary', { met, total: planned.length })}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}
