import { Checkbox, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '@shared/schemas/index.js';
import { SectionCard } from '../../ui/SectionCard';
import { useUpdateAttendee } from './api';
import { plannedAttendees } from './AttendeesCard';

/** After the event: which of the people I planned to see did I actually meet. */
export function MetTargetsCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const update = useUpdateAttendee(event.id);
  // What the user just ticked, shown at once: the query cache tells React a moment later, and a
  // controlled checkbox would flick back in between. Forgotten when the server has answered.
  const [ticked, setTicked] = useState<Record<string, boolean>>({});
  const isMet = (a: { contactId: string; met: boolean }) => ticked[a.contactId] ?? a.met;
  const planned = plannedAttendees(event);
  const met = planned.filter(isMet).length;

  return (
    <SectionCard title={t('events.met.title')} hint={t('events.met.hint')} testId="event-met">
      {planned.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('events.met.empty')}
        </Text>
      ) : (
        <Stack gap="xs">
          {planned.map((a) => (
            <Checkbox
              key={a.contactId}
              label={a.contact.displayName}
              description={a.target ? t('events.attendees.target') : undefined}
              checked={isMet(a)}
              onChange={(e) => {
                const value = e.currentTarget.checked;
                setTicked((now) => ({ ...now, [a.contactId]: value }));
                // Each tick is forgotten when its own request settles (a failure is reported by
                // the query client and the box shows the server's answer again).
                update
                  .mutateAsync({ contactId: a.contactId, patch: { met: value } })
                  .catch(() => {})
                  .finally(() => setTicked(({ [a.contactId]: _, ...rest }) => rest));
              }}
            />
          ))}
          <Text size="xs" c="dimmed" mt={4}>
            {t('events.met.summary', { met, total: planned.length })}
          </Text>
        </Stack>
      )}
    </SectionCard>
  );
}
