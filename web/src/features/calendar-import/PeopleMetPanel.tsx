import { Button, Group, Skeleton, Stack, Text } from '@mantine/core';
import { IconUserPlus, IconUserQuestion } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PersonMet } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { ListRow, RowList } from '../../ui/ListRow';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { useAddPersonMet, useDismissPersonMet, usePeopleMet } from './api';

/** Shown at most on the page; the rest are counted (the server keeps them all). */
const SHOWN = 50;

/**
 * "People you met — add them?": attendees of imported meetings who are not contacts. One click
 * adds one (name and e-mail from the invitation) with the meetings as touches; nobody is ever
 * added without it.
 */
export function PeopleMetPanel() {
  const { t } = useTranslation();
  const people = usePeopleMet();
  // Nothing to suggest before any calendar was imported: the card stays out of the way.
  if (people.isSuccess && people.data.total === 0) return null;
  return (
    <SectionCard title={t('calendarImport.peopleTitle')} hint={t('calendarImport.peopleHint')} testId="people-met">
      {people.isPending && <Skeleton h={48} />}
      {people.isError && <LoadError error={people.error} onRetry={() => void people.refetch()} />}
      {people.data && (
        <Stack gap='sm'>
          <RowList label={t('calendarImport.peopleList')}>
            {people.data.items.slice(0, SHOWN).map((person) => (
              <PersonMetRow key={person.email} person={person} />
            ))}
          </RowList>
          {people.data.total > SHOWN && (
            <Text size='sm' c="dimmed">
              {t('calendarImport.more', { count: people.data.total - SHOWN })}
            </Text>
          )}
        </Stack>
      )}
    </SectionCard>
  );
}

export function PersonMetRow({ person }: { person: PersonMet }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const create = useAddPersonMet();
  const dismiss = useDismissPersonMet();
  // The import report's list is not refetched: a row answered here leaves it at once.
  const [done, setDone] = useState(false);
  const shownName = person.name ?? person.email;
  const add = () => {
    // The server names them from the invitation and records the meetings with them as touches.
    create.mutate(
      { email: person.email },
      {
        onSuccess: () => {
          notifySuccess(t('calendarImport.addedContact', { name: shownName }));
          setDone(true);
        },
      },
    );
  };
  const date = format.dateTime(person.lastMetAt);
  if (done) return null;
  // A function, not a component: a component made in render would remount (and lose focus) each time.
  const actions = (props: { visibleFrom?: 'sm'; hiddenFrom?: 'sm' }) => (
    <Group gap={4} wrap="nowrap" {...props}>
      <Button size="xs" variant="light" leftSection={<IconUserPlus size={14} aria-hidden />} loading={create.isPending} onClick={add} aria-label={t('calendarImport.addContactFor', { name: shownName })}>
        {t('calendarImport.addContact')}
      </Button>
      <Button size="xs" variant="subtle" color="gray" loading={dismiss.isPending} onClick={() => dismiss.mutate(person.email, { onSuccess: () => setDone(true) })} aria-label={t('calendarImport.dismissFor', { name: shownName })}>
        {t('calendarImport.dismiss')}
      </Button>
    </Group>
  );
  return (
    <ListRow
      label={shownName}
      icon={<IconUserQuestion size={16} />}
      iconColor="grape"
      testId="person-met"
      title={
        <Text fw={600} truncate>
          {shownName}
        </Text>
      }
      // On a phone the buttons go under the text, which needs the row's width.
      action={actions({ visibleFrom: 'sm' })}
    >
      {person.name && (
        <Text size="xs" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
          {person.email}
        </Text>
      )}
      <Text size="xs" c="dimmed">
        {person.lastMeeting ? t('calendarImport.lastMetAt', { date, meeting: person.lastMeeting }) : t('calendarImport.lastMet', { date })}
      </Text>
      {actions({ hiddenFrom: 'sm' })}
    </ListRow>
  );
}
