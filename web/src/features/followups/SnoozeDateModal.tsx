import { Center, Modal, Stack } from '@mantine/core';
import { DatePicker } from '@mantine/dates';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { addDays } from '../../i18n/format';
import { ModalActions } from '../../ui/ModalActions';

interface SnoozeDateModalProps {
  opened: boolean;
  today: string;
  onClose: () => void;
  onPick: (isoDate: string) => void;
}

export function SnoozeDateModal({ opened, today, onClose, onPick }: SnoozeDateModalProps) {
  const { t } = useTranslation();
  const [date, setDate] = useState<string | null>(addDays(today, 3));
  return (
    <Modal opened={opened} onClose={onClose} title={t('followups.snoozeUntil')} size="auto">
      <Stack>
        <Center>
          <DatePicker
            value={date}
            onChange={setDate}
            minDate={addDays(today, 1)}
            aria-label={t('followups.snoozeUntil')}
          />
        </Center>
        <ModalActions submitLabel={t('followups.snooze')} disabled={!date} onSubmit={() => date && onPick(date)} onCancel={onClose} />
      </Stack>
    </Modal>
  );
}
