import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { IconUserSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Attendee, EventDetail } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { EmptyState } from '../../ui/EmptyState';
import { SectionCard } from '../../ui/SectionCard';
import { ContactPicker } from '../contacts/form/ContactPicker';
import { useAddAttendee } from './api';
import { AttendeeItem } from './AttendeeItem';

/** The planned list: people met here for the first time (captured after) belong to the After side. */
export const plannedAttendees = (event: EventDetail): Attendee[] => event.attendees.filter((a) => a.target || !a.metHere);

/** Who will be there: add from contacts, mark whom to meet, and prepare for each. */
export function AttendeesCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const add = useAddAttendee(event.id);
  const [wantToMeet, setWantToMeet] = useState(true);
  // Re-keying the picker empties it after each addition, ready for the next name.
  const [pickerKey, setPickerKey] = useState(0);
  const [justAdded, setJustAdded] = useState<string | null>(null);
  const attendees = plannedAttendees(event);

  const onPick = (contact: { id: string; displayName: string } | null) => {
    if (!contact) return;
    add.mutate(
      { contactId: contact.id, target: wantToMeet },
      {
        onSuccess: () => {
          notifySuccess(t('events.attendees.added', { name: contact.displayName }));
          setJustAdded(contact.id);
        },
        onSettled: () => setPickerKey((k) => k + 1),
      },
    );
  };

  return (
    <SectionCard title={t('events.attendees.title')} hint={t('events.attendees.hint')} testId="event-attendees">
      <Stack gap="md">
        <Group align="flex-end" gap="sm" wrap="wrap">
          <div style={{ flex: '1 1 240px' }}>
            <ContactPicker key={pickerKey} label={t('events.attendees.add')} value={null} onChange={onPick} />
          </div>
          <Checkbox
            label={t('events.attendees.addAsTarget')}
            checked={wantToMeet}
            onChange={(e) => setWantToMeet(e.currentTarget.checked)}
            mb={8}
          />
        </Group>
        {attendees.length === 0 ? (
          <EmptyState icon={<IconUserSearch size={26} aria-hidden />}>{t('events.attendees.empty')}</EmptyState>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('events.attendees.title')}>
            {attendees.map((attendee) => (
              <AttendeeItem key={attendee.contactId} eventId={event.id} attendee={attendee} startOpen={attendee.contactId === justAdded} />
            ))}
          </Stack>
        )}
        {attendees.length > 0 && (
          <Text size="xs" c="dimmed">
            {t('events.attendees.summary', {
              people: t('events.people', { count: attendees.length }),
              targets: t('events.targets', { count: attendees.filter((a) => a.target).length }),
            })}
          </Text>
        )}
      </Stack>
    </SectionCard>
  );
}
