import { Checkbox, Modal, Stack, TextInput, Textarea } from '@mantine/core';
import { IconCheck } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Favor } from '@shared/schemas/favors.js';
import { notifySuccess } from '../../app/queryClient';
import { useUserToday } from '../../i18n/useFormatters';
import { ModalActions } from '../../ui/ModalActions';
import { useRecordOutcome } from './api';

/**
 * A received favor: how it turned out, told to them (or "nothing to report"), which closes the
 * loop. A given favor: what they reported back.
 */
export function OutcomeModal({ favor, opened, onClose }: { favor: Favor; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useUserToday();
  const record = useRecordOutcome();
  const received = favor.direction === 'received';
  const [outcome, setOutcome] = useState('');
  const [notApplicable, setNotApplicable] = useState(false);
  const [reportedOn, setReportedOn] = useState(today);
  const [errors, setErrors] = useState<{ outcome?: string; reportedOn?: string }>({});

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const found = {
      outcome: notApplicable || outcome.trim() ? undefined : received ? t('favors.outcomeNeeded') : t('errors.required'),
      reportedOn: notApplicable || /^\d{4}-\d{2}-\d{2}$/.test(reportedOn) ? undefined : t('errors.date'),
    };
    if (found.outcome || found.reportedOn) return setErrors(found);
    const body = notApplicable ? { notApplicable: true, outcome: outcome.trim() || null } : { outcome: outcome.trim(), reportedOn };
    void record.mutateAsync({ id: favor.id, body }).then(() => {
      notifySuccess(received ? t('favors.loopClosed') : t('favors.reportedBackSaved'));
      onClose();
    }, () => undefined);
  };

  const name = favor.contact.displayName;
  return (
    <Modal opened={opened} onClose={onClose} title={received ? t('favors.outcomeTitle', { name }) : t('favors.reportedBackTitle', { name })}>
      <form onSubmit={onSubmit} noValidate>
        <Stack>
          <Textarea
            label={received ? t('favors.outcome') : t('favors.whatTheyToldYou')}
            placeholder={received ? t('favors.outcomePlaceholder') : t('favors.whatTheyToldYouPlaceholder')}
            autosize
            minRows={3}
            maxRows={8}
            value={outcome}
            onChange={(e) => {
              setOutcome(e.currentTarget.value);
              setErrors({});
            }}
            error={errors.outcome}
            data-autofocus
          />
          {received && (
            <Checkbox
              label={t('favors.notApplicable')}
              description={t('favors.notApplicableHint')}
              checked={notApplicable}
              onChange={(e) => {
                setNotApplicable(e.currentTarget.checked);
                setErrors({});
              }}
            />
          )}
          {!notApplicable && (
            <TextInput
              type="date"
              label={received ? t('favors.reportedOn') : t('favors.heardOn')}
              value={reportedOn}
              max={today}
              onChange={(e) => setReportedOn(e.currentTarget.value)}
              error={errors.reportedOn}
              maw={220}
            />
          )}
          <ModalActions
            submitLabel={received ? t('favors.recordOutcome') : t('favors.reportedBack')}
            submitIcon={<IconCheck size={16} aria-hidden />}
            loading={record.isPending}
            onCancel={onClose}
          />
        </Stack>
      </form>
    </Modal>
  );
}
