import { ActionIcon, Badge, Button, Group, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCalendarEvent, IconCheck, IconChevronDown, IconClockPause, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Followup, FollowupPatch } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { addDays, nextMonday } from '../../i18n/format';
import { useFormatters, useUserToday } from '../../i18n/useFormatters';
import { useOutbox } from '../../api/useOutbox';
import { followupPath, useMarkFollowupDone, useUpdateFollowup } from './api';
import { purposeOfFollowup, SuggestMessageButton } from '../templates/SuggestMessage';
import { SnoozeDateModal } from './SnoozeDateModal';

/** Done, Snooze (tomorrow, next week, a date) and Dismiss — the same on Today and a contact's page. */
export function FollowupActions({ followup }: { followup: Followup }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useUserToday();
  const update = useUpdateFollowup();
  const markDone = useMarkFollowupDone();
  // Marked done without a network: nothing more to do here until the outbox sends it.
  const doneOffline = useOutbox().some((write) => write.path === followupPath(followup.id) && !write.refused);
  const [picking, { open: openPicker, close: closePicker }] = useDisclosure(false);

  // The item leaves the list once the change lands, unmounting this component; a promise still
  // resolves then, where mutate's own callbacks would be dropped. Failures are reported globally.
  const change = (patch: FollowupPatch, message: string) =>
    void update.mutateAsync({ id: followup.id, patch }).then(() => notifySuccess(message), () => undefined);

  const snooze = (until: string) => {
    closePicker();
    change({ status: 'snoozed', snoozedUntil: until }, t('followups.snoozed', { date: format.date(until) }));
  };

  const dismiss = () => change({ status: 'dismissed' }, t('followups.dismissed'));
  const tomorrow = addDays(today, 1);
  const monday = nextMonday(today);
  const busy = update.isPending || markDone.isPending;
  const done = () =>
    void markDone.mutateAsync(followup).then(({ queued }) => !queued && notifySuccess(t('followups.markedDone')), () => undefined);

  if (doneOffline) {
    return (
      <Badge variant="light" color="orange" leftSection={<IconCheck size={12} aria-hidden />}>
        {t('offline.waitingToSend')}
      </Badge>
    );
  }

  const purpose = purposeOfFollowup(followup);

  return (
    <Group gap={6} wrap="nowrap">
      {purpose && (
        <SuggestMessageButton purpose={purpose} contactId={followup.contactId} contactName={followup.contact.displayName} favorId={followup.favorId} />
      )}
      <Button
        size="compact-sm"
        variant="light"
        leftSection={<IconCheck size={16} aria-hidden />}
        onClick={done}
        disabled={busy}
      >
        {t('followups.done')}
      </Button>
      <Menu position="bottom-end" withinPortal>
        <Menu.Target>
          <Button
            size="compact-sm"
            variant="default"
            leftSection={<IconClockPause size={16} aria-hidden />}
            rightSection={<IconChevronDown size={14} aria-hidden />}
            disabled={busy}
          >
            {t('followups.snooze')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => snooze(tomorrow)} rightSection={<Text size="xs" c="dimmed">{format.weekdayShort(tomorrow)}</Text>}>
            {t('followups.snoozeTomorrow')}
          </Menu.Item>
          <Menu.Item onClick={() => snooze(monday)} rightSection={<Text size="xs" c="dimmed">{format.weekdayShort(monday)}</Text>}>
            {t('followups.snoozeNextWeek')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Item leftSection={<IconCalendarEvent size={16} aria-hidden />} onClick={openPicker}>
            {t('followups.snoozePick')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {/* On a phone Dismiss shrinks to its icon so the three actions share one row. */}
      <Button
        size="compact-sm"
        variant="subtle"
        color="gray"
        leftSection={<IconX size={16} aria-hidden />}
        onClick={dismiss}
        disabled={busy}
        visibleFrom="xs"
      >
        {t('followups.dismiss')}
      </Button>
      <ActionIcon variant="subtle" color="gray" onClick={dismiss} disabled={busy} aria-label={t('followups.dismiss')} hiddenFrom="xs">
        <IconX size={16} aria-hidden />
      </ActionIcon>
      {picking && <SnoozeDateModal opened onClose={closePicker} today={today} onPick={snooze} />}
    </Group>
  );
}
