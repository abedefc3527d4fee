import { Anchor, Button, Group, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PITCH_TARGET_SECONDS, speakingSeconds } from '@shared/rules/speaking-time.js';
import type { EventDetail } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { SectionCard } from '../../ui/SectionCard';
import { useUpdateEvent } from './api';

/** How long a pitch takes to say, next to the 30 seconds it should fit in. */
export function PitchMeter({ text, id }: { text: string; id?: string }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const seconds = speakingSeconds(text);
  const tooLong = seconds > PITCH_TARGET_SECONDS;
  return (
    <Group gap="xs" id={id} aria-live="polite">
      <Text size="xs" c="dimmed">
        {t('events.pitch.characters', { count: text.length, formatted: format.number(text.length) })}
        {seconds > 0 && ` · ${t('events.pitch.seconds', { seconds, target: PITCH_TARGET_SECONDS })}`}
      </Text>
      {seconds > 0 && (
        <Text size="xs" fw={600} c={tooLong ? 'orange' : 'sage.8'}>
          {tooLong ? t('events.pitch.tooLong') : t('events.pitch.fits')}
        </Text>
      )}
    </Group>
  );
}

/** My pitch for this event: the profile's elevator pitch to start with, tuned for this audience. */
export function PitchCard({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  // Keyed on what the server holds, so a save (or another tab's) resets the draft.
  return (
    <SectionCard title={t('events.pitch.title')} hint={t('events.pitch.hint')} testId="event-pitch">
      <PitchForm key={`${event.pitch ?? ''}|${event.pitchFromProfile}`} event={event} />
    </SectionCard>
  );
}

function PitchForm({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const update = useUpdateEvent(event.id);
  const saved = event.pitch ?? '';
  const [draft, setDraft] = useState(saved);
  const dirty = draft.trim() !== saved.trim();

  const save = (pitch: string, message: string) =>
    update.mutate({ pitch }, { onSuccess: () => notifySuccess(message) });
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (dirty) save(draft, t('events.pitch.saved'));
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('events.pitch.title')}>
      <Stack gap="xs">
        <Textarea
          label={t('events.pitch.label')}
          description={
            event.pitchFromProfile ? (
              t('events.pitch.fromProfile')
            ) : !event.pitch ? (
              <Trans i18nKey="events.pitch.noProfilePitch" components={{ settings: <Anchor component={Link} to="/settings#pitch" size="xs" /> }} />
            ) : undefined
          }
          placeholder={t('events.pitch.placeholder')}
          autosize
          minRows={3}
          maxRows={10}
          maxLength={1000}
          value={draft}
          onChange={(e) => setDraft(e.currentTarget.value)}
          aria-describedby="event-pitch-meter"
        />
        <PitchMeter text={draft} id="event-pitch-meter" />
        <Group justify="flex-end" gap="xs">
          {!event.pitchFromProfile && event.pitch && (
            <Button variant="subtle" size="xs" onClick={() => save('', t('events.pitch.resetDone'))} disabled={update.isPending}>
              {t('events.pitch.reset')}
            </Button>
          )}
          <Button type="submit" size="xs" disabled={!dirty} loading={update.isPending}>
            {t('events.pitch.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
