import { Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Favor } from '@shared/schemas/favors.js';
import { notifySuccess } from '../../app/queryClient';
import { addDays } from '../../i18n/format';
import { useUserToday } from '../../i18n/useFormatters';
import { ModalActions } from '../../ui/ModalActions';
import { useAccountSettings } from '../settings/api';
import { useThankFavor } from './api';
import { GestureSuggestion } from './GestureSuggestion';

const DEFAULT_REPORT_DAYS = 14;
const isDate = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value);

/** Mark a received favor thanked, and choose when to tell them how it went (prefilled from settings). */
export function ThankFavorModal({ favor, opened, onClose }: { favor: Favor; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useUserToday();
  const reportDays = useAccountSettings().data?.followupDelays.outcomeReportDays ?? DEFAULT_REPORT_DAYS;
  const thank = useThankFavor();
  const [thankedOn, setThankedOn] = useState(today);
  // The report date follows the thank-you date until the user picks one of their own.
  const [reportDueOn, setReportDueOn] = useState<string | null>(null);
  const reportDate = reportDueOn ?? (isDate(thankedOn) ? addDays(thankedOn, reportDays) : '');
  const [errors, setErrors] = useState<{ thankedOn?: string; reportDueOn?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      thankedOn: isDate(thankedOn) ? undefined : t('errors.date'),
      reportDueOn: isDate(reportDate) ? undefined : t('errors.date'),
    };
    if (found.thankedOn || found.reportDueOn) return setErrors(found);
    void thank.mutateAsync({ id: favor.id, body: { thankedOn, reportDueOn: reportDate } }).then(() => {
      notifySuccess(t('favors.thanked', { name: favor.contact.displayName }));
      onClose();
    }, () => undefined);
  };

  return (
    <Modal opened={opened} onClose={onClose} title={t('favors.thankTitle', { name: favor.contact.displayName })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <GestureSuggestion gesture={favor.suggestedGesture} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="sm">
            <TextInput
              type="date"
              label={t('favors.thankedOn')}
              value={thankedOn}
              max={today}
              onChange={(e) => {
                setThankedOn(e.currentTarget.value);
                setErrors({});
              }}
              error={errors.thankedOn}
              data-autofocus
            />
            <TextInput
              type="date"
              label={t('favors.reportDueOn')}
              value={reportDate}
              onChange={(e) => {
                setReportDueOn(e.currentTarget.value);
                setErrors({});
              }}
              error={errors.reportDueOn}
            />
          </SimpleGrid>
          <Text size="xs" c="dimmed" mt={-8}>
            {t('favors.reportDueHint', { count: reportDays })}
          </Text>
          <ModalActions
            submitLabel={t('favors.markThanked')}
            submitIcon={<IconCheck size={16} aria-hidden />}
            loading={thank.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
