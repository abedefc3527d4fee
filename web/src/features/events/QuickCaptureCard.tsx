import { Alert, Anchor, Avatar, Badge, Button, Group, Paper, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconBolt, IconCornerDownLeft } from '@tabler/icons-react';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { afterEventDueOn } from '@shared/rules/after-event.js';
import type { EventCapture, EventDetail } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { useOutbox } from '../../api/useOutbox';
import { useFormatters } from '../../i18n/useFormatters';
import { SectionCard } from '../../ui/SectionCard';
import { useMe } from '../auth/session';
import { initials } from '../contacts/initials';
import { capturePath, useCaptureAtEvent } from './api';

const empty = { name: '', company: '', note: '' };

/**
 * Typed standing in a corridor: a name (the only thing needed), a company, one line. Enter saves
 * and puts the cursor back on the name; the list below grows with each person.
 */
export function QuickCaptureCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const capture = useCaptureAtEvent(event.id);
  const nameRef = useRef<HTMLInputElement>(null);
  const [values, setValues] = useState(empty);
  const [error, setError] = useState<string | null>(null);
  const timeZone = useMe().data?.user.timeZone;
  /** Everyone captured here gets the same date: two days after the event, where the user lives. */
  const dueOn = timeZone ? afterEventDueOn(event, timeZone) : null;
  /** The people captured in this visit, newest first. */
  const [order, setOrder] = useState<string[]>([]);
  const metHere = event.attendees.filter((a) => a.metHere);
  // Newest capture first, then the ones from earlier visits.
  const rank = (id: string) => (order.includes(id) ? order.indexOf(id) : order.length);
  const captured = [...metHere].sort((a, b) => rank(a.contactId) - rank(b.contactId));
  // Captured without a network: shown at once from the outbox, newest first, until they land.
  const waiting = useOutbox()
    .filter((write) => write.path === capturePath(event.id) && !write.refused)
    .flatMap((write) => (write.body as EventCapture).people.map((person, i) => ({ key: `${write.id}-${i}`, ...person })))
    .reverse();

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!values.name.trim()) {
      setError(t('errors.required'));
      nameRef.current?.focus();
      return;
    }
    const person = { name: values.name.trim(), company: values.company.trim(), note: values.note.trim() };
    // Cleared at once so the next name can be typed while this one saves; put back if it fails.
    setValues(empty);
    setError(null);
    nameRef.current?.focus();
    capture.mutate(
      { people: [person] },
      {
        onSuccess: (result) => {
          if (!result.queued) setOrder((o) => [result.value.contacts[0]!.id, ...o]);
        },
        onError: (err) => {
          setValues((current) => (current.name || current.company || current.note ? current : person));
          if (isApiError(err)) setError(err.fieldErrors.people ?? null);
        },
      },
    );
  };

  const field = (key: keyof typeof empty) => ({
    value: values[key],
    onChange: (e: React.ChangeEvent<HTMLInputElement>) => {
      const value = e.currentTarget.value;
      setValues((v) => ({ ...v, [key]: value }));
      if (key === 'name') setError(null);
    },
  });

  return (
    <SectionCard
      title={t('events.capture.title')}
      hint={dueOn ? t('events.capture.hintDated', { date: format.date(dueOn) }) : t('events.capture.hint')}
      testId="event-capture"
    >
      <form onSubmit={onSubmit} noValidate aria-label={t('events.capture.title')}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            <TextInput
              ref={nameRef}
              label={t('events.capture.name')}
              placeholder={t('events.capture.namePlaceholder')}
              required
              autoComplete="off"
              autoCapitalize="words"
              enterKeyHint="next"
              error={error}
              {...field('name')}
            />
            <TextInput
              label={t('events.capture.company')}
              autoComplete="off"
              autoCapitalize="words"
              {...field('company')}
            />
          </SimpleGrid>
          <TextInput
            label={t('events.capture.note')}
            placeholder={t('events.capture.notePlaceholder')}
            autoComplete="off"
            enterKeyHint="send"
            maxLength={2000}
            {...field('note')}
          />
          <Group justify="space-between" gap="xs">
            <Text size="xs" c="dimmed">
              <IconCornerDownLeft size={12} aria-hidden style={{ verticalAlign: 'middle' }} /> {t('events.capture.enterHint')}
            </Text>
            <Button type="submit" leftSection={<IconBolt size={16} aria-hidden />} loading={capture.isPending && !values.name}>
              {t('events.capture.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
      {captured.length + waiting.length > 0 ? (
        <Stack gap={6} mt="md">
          <Text size="sm" fw={600}>
            {t('events.capture.listTitle', { count: captured.length + waiting.length })}
          </Text>
          <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }} aria-label={t('events.capture.listLabel')} aria-live="polite">
            {waiting.map((person) => (
              <Paper component="li" key={person.key} withBorder px="sm" py={6} aria-label={person.name}>
                <Group gap="sm" wrap="nowrap">
                  <Avatar size="sm" radius="xl" color="gray" aria-hidden>
                    {initials(person.name)}
                  </Avatar>
                  <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {person.name}
                    </Text>
                    {person.company && (
                      <Text size="xs" c="dimmed" truncate>
                        {person.company}
                      </Text>
                    )}
                  </Stack>
                  <Badge size="sm" variant="light" color="orange">
                    {t('offline.waitingToSend')}
                  </Badge>
                </Group>
              </Paper>
            ))}
            {captured.map((a) => (
              <Paper component="li" key={a.contactId} withBorder px="sm" py={6} aria-label={a.contact.displayName}>
                <Group gap="sm" wrap="nowrap">
                  <Avatar size="sm" radius="xl" color="coral" aria-hidden>
                    {initials(a.contact.displayName)}
                  </Avatar>
                  <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
                    <Anchor component={Link} to={`/contacts/${a.contactId}`} size="sm" fw={600} c="dark.7">
                      {a.contact.displayName}
                    </Anchor>
                    {a.company && (
                      <Text size="xs" c="dimmed" truncate>
                        {a.company}
                      </Text>
                    )}
                  </Stack>
                  {order.includes(a.contactId) && (
                    <Badge size="sm" variant="light" color="sage">
                      {t('events.capture.justAdded')}
                    </Badge>
                  )}
                </Group>
              </Paper>
            ))}
          </Stack>
        </Stack>
      ) : (
        <Alert variant="light" color="sage" mt="md" icon={<IconBolt size={18} aria-hidden />}>
          {t('events.capture.empty')}
        </Alert>
      )}
    </SectionCard>
  );
}
