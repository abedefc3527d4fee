import { Group, Modal, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CampaignStage, Channel } from '@shared/enums.js';
import { startOfLocalDayUtc } from '@shared/rules/time.js';
import type { CampaignMember } from '@shared/schemas/index.js';
import { useUserToday } from '../../i18n/useFormatters';
import { ModalActions } from '../../ui/ModalActions';
import { useEnumOptions } from '../../ui/useEnumOptions';
import { useMe } from '../auth/session';
import { ChannelIcon } from '../interactions/ChannelIcon';

export interface Meeting {
  channel: Channel;
  /** Absent for today: the server logs it as now. */
  occurredAt?: string;
}

interface MeetingModalProps {
  member: CampaignMember;
  stage: CampaignStage;
  loading: boolean;
  onCancel: () => void;
  onConfirm: (meeting: Meeting) => void;
}

const HALF_DAY_MS = 12 * 3_600_000;

/**
 * Reaching "met" logs the meeting as a touch (docs/domain.md#campaigns), so ask how and when
 * first. The defaults (a coffee, today) make it one press of Enter.
 */
export function MeetingModal({ member, stage, loading, onCancel, onConfirm }: MeetingModalProps) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const today = useUserToday();
  const timeZone = useMe().data?.user.timeZone ?? 'UTC';
  const [channel, setChannel] = useState<Channel>('coffee');
  const [date, setDate] = useState(today);
  const [error, setError] = useState<string>();

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return setError(t('errors.date'));
    if (date > today) return setError(t('meetingDialog.future'));
    // Today is now; an earlier day has no time to it, so midday there (in the profile's time
    // zone) keeps the meeting on the day the user picked.
    const occurredAt = date === today ? undefined : new Date(startOfLocalDayUtc(date, timeZone).getTime() + HALF_DAY_MS).toISOString();
    onConfirm({ channel, occurredAt });
  };

  return (
    <Modal opened onClose={onCancel} title={t('meetingDialog.title', { name: member.contact.displayName })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Text size="sm">{stage === 'met' ? t('meetingDialog.intro') : t('meetingDialog.introPast')}</Text>
          <Group grow align="flex-start" gap="sm">
            <Select
              label={t('meetingDialog.channel')}
              data={options.channel}
              value={channel}
              onChange={(v) => v && setChannel(v as Channel)}
              leftSection={<ChannelIcon channel={channel} />}
              allowDeselect={false}
              searchable
            />
            <TextInput
              type="date"
              label={t('meetingDialog.date')}
              value={date}
              max={today}
              onChange={(e) => {
                setDate(e.currentTarget.value);
                setError(undefined);
              }}
              error={error}
            />
          </Group>
          <ModalActions submitLabel={t('meetingDialog.submit')} onCancel={onCancel} loading={loading} focus="submit" />
        </Stack>
      </form>
    </Modal>
  );
}
