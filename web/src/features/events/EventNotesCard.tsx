import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { EventDetail } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { SectionCard } from '../../ui/SectionCard';
import { useUpdateEvent } from './api';

/** What I learned and what to do next, in my own words. */
export function EventNotesCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  return (
    <SectionCard title={t('events.notes.title')} testId="event-notes">
      <NotesForm key={event.notes ?? ''} event={event} />
    </SectionCard>
  );
}

function NotesForm({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const update = useUpdateEvent(event.id);
  const [draft, setDraft] = useState(event.notes ?? '');
  const dirty = draft.trim() !== (event.notes ?? '').trim();
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate({ notes: draft }, { onSuccess: () => notifySuccess(t('events.notes.saved')) });
  };
  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('events.notes.title')}>
      <Stack gap="xs">
        <Textarea
          aria-label={t('events.notes.title')}
          placeholder={t('events.notes.placeholder')}
          autosize
          minRows={3}
          maxRows={14}
          maxLength={20000}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
        />
        <Group justify="flex-end">
          <Button type="submit" size="xs" disabled={!dirty} loading={update.isPending}>
            {t('events.notes.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
