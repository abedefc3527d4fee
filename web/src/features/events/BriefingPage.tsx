import { Anchor, Button, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconPrinter } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { PITCH_TARGET_SECONDS, speakingSeconds } from '@shared/rules/speaking-time.js';
import type { Attendee, EventDetail } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { NotFoundScreen } from '../../app/ErrorScreen';
import { LoadError } from '../../ui/LoadError';
import { useEvent } from './api';
import { plannedAttendees } from './AttendeesCard';
import classes from './BriefingPage.module.css';
import { useEventWhen } from './useEventWhen';

/** Everything to read on the way in, on a phone or on paper: my pitch, my points, whom to meet and why. */
export function BriefingPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const event = useEvent(id);
  useDocumentTitle(event.data ? `${t('events.briefing.title')}: ${event.data.name} · Círculo` : 'Círculo');

  if (event.isError) {
    if (isApiError(event.error, 404) || isApiError(event.error, 400)) return <NotFoundScreen />;
    return <LoadError error={event.error} onRetry={() => void event.refetch()} />;
  }
  if (event.isPending) return <Skeleton h={400} maw={760} mx="auto" aria-busy="true" />;
  return <Briefing event={event.data} />;
}

function Briefing({ event }: { event: EventDetail }) {
  const { t } = useTranslation();
  const when = useEventWhen();
  const attendees = plannedAttendees(event);
  const targets = attendees.filter((a) => a.target);
  const others = attendees.filter((a) => !a.target);
  const seconds = event.pitch ? speakingSeconds(event.pitch) : 0;

  return (
    <article className={classes.sheet} data-briefing aria-labelledby="briefing-title">
      <Group justify="space-between" mb="sm" className={classes.noPrint}>
        <Anchor component={Link} to={`/events/${event.id}?mode=before`} size="sm" c="dimmed">
          <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('events.briefing.back')}
        </Anchor>
        <Button size="xs" variant="light" leftSection={<IconPrinter size={16} aria-hidden />} onClick={() => window.print()}>
          {t('events.briefing.print')}
        </Button>
      </Group>

      <Stack gap={2} mb="md">
        <Text className={classes.label}>{t('events.briefing.title')}</Text>
        <Title order={1} size="h2" id="briefing-title">
          {event.name}
        </Title>
        <Text size="sm" c="dimmed">
          {[when(event), event.place, event.url].filter(Boolean).join(' · ')}
        </Text>
      </Stack>

      <Stack gap="sm">
        <section className={classes.block} aria-labelledby="briefing-pitch">
          <Group justify="space-between" gap="xs">
            <Title order={2} size="h5" id="briefing-pitch">
              {t('events.pitch.title')}
            </Title>
            {seconds > 0 && (
              <Text size="xs" c={seconds > PITCH_TARGET_SECONDS ? 'orange' : 'dimmed'}>
                {t('events.pitch.seconds', { seconds, target: PITCH_TARGET_SECONDS })}
              </Text>
            )}
          </Group>
          {event.pitch ? (
            <Text className={classes.pitch} mt={4}>
              {event.pitch}
            </Text>
          ) : (
            <Text size="sm" c="dimmed" mt={4}>
              {t('events.briefing.noPitch')}
            </Text>
          )}
        </section>

        {event.talkingPoints.length > 0 && (
          <section className={classes.block} aria-labelledby="briefing-points">
            <Title order={2} size="h5" id="briefing-points">
              {t('events.talkingPoints.title')}
            </Title>
            <ol className={classes.list}>
              {event.talkingPoints.map((point) => (
                <li key={point}>
                  <Text size="sm">{point}</Text>
                </li>
              ))}
            </ol>
          </section>
        )}

        <Title order={2} size="h4" mt="sm" id="briefing-targets">
          {t('events.briefing.targets', { count: targets.length })}
        </Title>
        {targets.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('events.briefing.noTargets')}
          </Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="briefing-targets">
            {targets.map((a) => (
              <PersonBlock key={a.contactId} attendee={a} />
            ))}
          </Stack>
        )}

        {others.length > 0 && (
          <>
            <Title order={2} size="h4" mt="sm" id="briefing-others">
              {t('events.briefing.others', { count: others.length })}
            </Title>
            <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }} aria-labelledby="briefing-others">
              {others.map((a) => (
                <PersonBlock key={a.contactId} attendee={a} />
              ))}
            </Stack>
          </>
        )}
      </Stack>
    </article>
  );
}

function PersonBlock({ attendee }: { attendee: Attendee }) {
  const { t } = useTranslation();
  const role = [attendee.title, attendee.company].filter(Boolean).join(' · ');
  return (
    <li className={attendee.target ? `${classes.block} ${classes.target}` : classes.block} aria-label={attendee.contact.displayName}>
      <Group gap={6} wrap="wrap">
        <Text fw={700}>{attendee.contact.displayName}</Text>
        {role && (
          <Text size="sm" c="dimmed">
            {role}
          </Text>
        )}
      </Group>
      <Stack gap={4} mt={4}>
        {attendee.why && <Line label={t('events.briefing.why')}>{attendee.why}</Line>}
        {attendee.topics.length > 0 && <Line label={t('events.briefing.topics')}>{attendee.topics.join(' · ')}</Line>}
        {attendee.topics.length === 0 && attendee.suggestedTopics.length > 0 && (
          <Line label={t('events.briefing.ideas')}>{attendee.suggestedTopics.map((s) => s.value).join(' · ')}</Line>
        )}
        {attendee.questions.length > 0 && (
          <div>
            <Text className={classes.label}>{t('events.briefing.ask')}</Text>
            <ul className={classes.list}>
              {attendee.questions.map((q) => (
                <li key={q}>
                  <Text size="sm">{q}</Text>
                </li>
              ))}
            </ul>
          </div>
        )}
        {attendee.researchNotes && (
          <div>
            <Text className={classes.label}>{t('events.briefing.research')}</Text>
            <Text size="sm" className={classes.notes}>
              {attendee.researchNotes}
            </Text>
          </div>
        )}
      </Stack>
    </li>
  );
}

function Line({ label, children }: { label: string; children: string }) {
  return (
    <Text size="sm">
      <Text span className={classes.label}>
        {label}
      </Text>{' '}
      {children}
    </Text>
  );
}
