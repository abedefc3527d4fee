import {
  ActionIcon, Anchor, Avatar, Badge, Button, Collapse, Group, Paper, Stack, Switch, TagsInput, Text, Textarea, Tooltip, UnstyledButton,
} from '@mantine/core';
import { IconChevronDown, IconChevronUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Attendee, SuggestedTopic } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { ModalActions } from '../../ui/ModalActions';
import { useChoiceWhileSaving } from '../../ui/useChoiceWhileSaving';
import { initials } from '../contacts/initials';
import { useRemoveAttendee, useUpdateAttendee } from './api';
import { LineListEditor } from './LineListEditor';

/** One person on the list: the "want to meet" mark, and (opened) why, research, topics and questions. */
export function AttendeeItem({ eventId, attendee, startOpen }: { eventId: string; attendee: Attendee; startOpen?: boolean }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(startOpen ?? false);
  // Someone just added opens ready to prepare (the list shows them before the add settles).
  useEffect(() => {
    if (startOpen) setOpen(true);
  }, [startOpen]);
  const update = useUpdateAttendee(eventId);
  const target = useChoiceWhileSaving<boolean>();
  const remove = useRemoveAttendee(eventId);
  const name = attendee.contact.displayName;
  const role = [attendee.title, attendee.company].filter(Boolean).join(' · ');
  const prepared = Boolean(attendee.why || attendee.researchNotes || attendee.topics.length || attendee.questions.length);

  return (
    <Paper
      component="li"
      withBorder
      p="sm"
      aria-label={name}
      data-testid="attendee"
      style={attendee.target ? { borderLeft: '3px solid var(--mantine-color-coral-5)' } : undefined}
    >
      <Group gap="sm" wrap="nowrap" align="flex-start">
        <Avatar radius="xl" color={attendee.target ? 'coral' : 'sage'} aria-hidden visibleFrom="xs">
          {initials(name)}
        </Avatar>
        <Stack gap={4} style={{ flex: 1, minWidth: 0 }}>
          <Group gap={6} wrap="wrap">
            <Anchor component={Link} to={`/contacts/${attendee.contactId}`} fw={600} c="dark.7">
              {name}
            </Anchor>
          </Group>
          {role && (
            <Text size="xs" c="dimmed">
              {role}
            </Text>
          )}
          {!open && <PreparedSummary attendee={attendee} />}
        </Stack>
        <Tooltip label={t('events.attendees.remove', { name })}>
          <ActionIcon
            variant="subtle"
            color="gray"
            aria-label={t('events.attendees.remove', { name })}
            onClick={() => remove.mutate(attendee.contactId, { onSuccess: () => notifySuccess(t('events.attendees.removed', { name })) })}
            loading={remove.isPending}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Tooltip>
      </Group>
      <Group justify="space-between" mt="xs" gap="xs">
        <Switch
          size="sm"
          label={t('events.attendees.wantToMeet')}
          aria-label={t('events.attendees.wantToMeetName', { name })}
          checked={target.shown(attendee.target)}
          onChange={(e) => target.choose(e.currentTarget.checked, (value) => update.mutateAsync({ contactId: attendee.contactId, patch: { target: value } }))}
        />
        <UnstyledButton onClick={() => setOpen((o) => !o)} aria-expanded={open} fz="sm" c="sage.8" fw={600}>
          <Group gap={4}>
            {open ? <IconChevronUp size={16} aria-hidden /> : <IconChevronDown size={16} aria-hidden />}
            {open ? t('events.attendees.close') : prepared ? t('events.attendees.editPreparation') : t('events.attendees.prepare')}
          </Group>
        </UnstyledButton>
      </Group>
      <Collapse in={open}>
        {open && <PreparationForm eventId={eventId} attendee={attendee} onDone={() => setOpen(false)} />}
      </Collapse>
    </Paper>
  );
}

function PreparedSummary({ attendee }: { attendee: Attendee }) {
  const { t } = useTranslation();
  return (
    <>
      {attendee.why && (
        <Text size="sm">
          <Text span fw={600} inherit>
            {t('events.attendees.whyShort')}{' '}
          </Text>
          {attendee.why}
        </Text>
      )}
      {attendee.topics.length > 0 && (
        <Group gap={4}>
          {attendee.topics.map((topic) => (
            <Badge key={topic} size="sm" variant="outline" color="gray" tt="none">
              {topic}
            </Badge>
          ))}
        </Group>
      )}
      {attendee.topics.length === 0 && attendee.suggestedTopics.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('events.attendees.ideas', {
            ideas: attendee.suggestedTopics
              .slice(0, 4)
              .map((s) => (s.common ? `${s.value} (${t('events.attendees.common')})` : s.value))
              .join(' · '),
          })}
        </Text>
      )}
      {attendee.questions.length > 0 && (
        <Text size="xs" c="dimmed">
          {t('events.attendees.questionCount', { count: attendee.questions.length })}
        </Text>
      )}
    </>
  );
}

interface Draft {
  why: string;
  researchNotes: string;
  topics: string[];
  questions: string[];
}

function PreparationForm({ eventId, attendee, onDone }: { eventId: string; attendee: Attendee; onDone: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateAttendee(eventId);
  const name = attendee.contact.displayName;
  const [draft, setDraft] = useState<Draft>({
    why: attendee.why ?? '',
    researchNotes: attendee.researchNotes ?? '',
    topics: attendee.topics,
    questions: attendee.questions,
  });
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const suggestions = attendee.suggestedTopics.filter((s) => !draft.topics.includes(s.value));

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    update.mutate(
      { contactId: attendee.contactId, patch: draft },
      {
        onSuccess: () => {
          notifySuccess(t('events.attendees.saved', { name }));
          onDone();
        },
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('events.attendees.prepareName', { name })}>
      <Stack gap="sm" mt="sm">
        <Textarea
          label={t('events.attendees.why')}
          placeholder={t('events.attendees.whyPlaceholder')}
          autosize
          minRows={1}
          maxRows={4}
          maxLength={1000}
          value={draft.why}
          onChange={(e) => set('why', e.currentTarget.value)}
        />
        <Stack gap={6}>
          <TagsInput
            label={t('events.attendees.topics')}
            description={t('events.attendees.topicsHint')}
            value={draft.topics}
            onChange={(topics) => set('topics', topics)}
            splitChars={[',']}
            maxTags={30}
            clearable
          />
          {suggestions.length > 0 && <TopicSuggestions suggestions={suggestions} onPick={(value) => set('topics', [...draft.topics, value])} />}
        </Stack>
        <LineListEditor
          label={t('events.attendees.questions')}
          placeholder={t('events.attendees.questionPlaceholder')}
          addLabel={t('events.attendees.addQuestion')}
          removeLabel={(line) => t('events.attendees.removeQuestion', { line })}
          value={draft.questions}
          onChange={(questions) => set('questions', questions)}
        />
        <Textarea
          label={t('events.attendees.research')}
          placeholder={t('events.attendees.researchPlaceholder')}
          autosize
          minRows={2}
          maxRows={8}
          maxLength={10000}
          value={draft.researchNotes}
          onChange={(e) => set('researchNotes', e.currentTarget.value)}
        />
        <ModalActions submitLabel={t('events.attendees.save')} loading={update.isPending} onCancel={onDone} size="xs" gap="xs" />
      </Stack>
    </form>
  );
}

/** Ideas from what we share and from their interests and communities: one tap keeps one. */
function TopicSuggestions({ suggestions, onPick }: { suggestions: SuggestedTopic[]; onPick: (value: string) => void }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} role="group" aria-label={t('events.attendees.suggested')}>
      <Text size="xs" c="dimmed">
        {t('events.attendees.suggested')}
      </Text>
      {suggestions.map((s) => (
        <Button
          key={`${s.kind}:${s.value}`}
          size="compact-xs"
          variant={s.common ? 'light' : 'default'}
          color={s.common ? 'coral' : 'gray'}
          leftSection={<IconPlus size={12} aria-hidden />}
          onClick={() => onPick(s.value)}
          title={s.common ? t('events.attendees.inCommon', { kind: t(`commonGround.kind.${s.kind}`) }) : t(`commonGround.kind.${s.kind}`)}
          aria-label={t('events.attendees.addTopic', { topic: s.value })}
          styles={{ label: { whiteSpace: 'normal' } }}
        >
          {s.value}
          {s.common && (
            <Text span size="10px" ml={4} fw={700} c="coral.8">
              {t('events.attendees.common')}
            </Text>
          )}
        </Button>
      ))}
    </Group>
  );
}
