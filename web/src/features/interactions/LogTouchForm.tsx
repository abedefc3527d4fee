import { Alert, Button, Grid, Group, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Channel, Direction, Intent } from '@shared/enums.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { useEnumOptions } from '../../ui/useEnumOptions';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useLogTouch } from './api';
import { AskFirstHint } from './AskFirstHint';
import { ChannelIcon } from './ChannelIcon';

/** `YYYY-MM-DDTHH:mm` in the browser's local time, what a datetime-local input shows. */
function localDateTimeNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

const initialValues = () => ({
  channel: 'message' as Channel,
  direction: 'outbound' as Direction,
  intent: 'nurture' as Intent,
  summary: '',
  occurredAt: localDateTimeNow(),
});

const fields = ['channel', 'direction', 'intent', 'summary', 'occurredAt'] as const;

interface LogTouchFormProps {
  contactId: string;
  onLogged?: () => void;
  autoFocus?: boolean;
  /** Lets a page's "Log a touch" button jump straight to the summary. */
  summaryId?: string;
}

/** The quick "log a touch" form: a few selects with sensible defaults, a summary, when. */
export function LogTouchForm({ contactId, onLogged, autoFocus, summaryId }: LogTouchFormProps) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const logTouch = useLogTouch();
  const form = useFormState(initialValues);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const when = new Date(form.values.occurredAt);
    if (Number.isNaN(when.getTime())) return form.setErrors({ occurredAt: t('errors.date') });
    logTouch.mutate(
      { ...form.values, contactIds: [contactId], occurredAt: when.toISOString() },
      {
        onSuccess: ({ queued }) => {
          if (!queued) notifySuccess(t('interactions.logged')); // Queued: the outbox says so.
          form.reset(initialValues());
          onLogged?.();
        },
        onError: (error) => isApiError(error) && form.setErrors(pickFieldErrors(error.fieldErrors, fields)),
      },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-label={t('interactions.formTitle')}>
      <Stack gap="sm">
        {form.errors.form && <Alert color="red">{form.errors.form}</Alert>}
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
          <Select
            label={t('interactions.channel')}
            data={options.channel}
            value={form.values.channel}
            onChange={(v) => v && form.setValue('channel', v as Channel)}
            leftSection={<ChannelIcon channel={form.values.channel} />}
            error={form.errors.channel}
            searchable
            data-autofocus={autoFocus || undefined}
          />
          <Select
            label={t('interactions.direction')}
            data={options.direction}
            value={form.values.direction}
            onChange={(v) => v && form.setValue('direction', v as Direction)}
            error={form.errors.direction}
          />
          <Select
            label={t('interactions.intent')}
            data={options.intent}
            value={form.values.intent}
            onChange={(v) => v && form.setValue('intent', v as Intent)}
            error={form.errors.intent}
            comboboxProps={{ width: 260, position: 'bottom-end' }}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {options.intent.find((o) => o.value === option.value)?.hint}
                </Text>
              </Stack>
            )}
          />
        </SimpleGrid>
        {form.values.intent === 'ask' && form.values.direction === 'outbound' && (
          <AskFirstHint contactId={contactId} onChangeIntent={(intent) => form.setValue('intent', intent)} />
        )}
        <Grid gutter="sm">
          <Grid.Col span={{ base: 12, sm: 7 }}>
            <TextInput
              id={summaryId}
              label={t('interactions.summary')}
              placeholder={t('interactions.summaryPlaceholder')}
              {...form.textProps('summary')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 5 }}>
            <TextInput type="datetime-local" label={t('interactions.occurredAt')} {...form.textProps('occurredAt')} />
          </Grid.Col>
        </Grid>
        <Group justify="flex-end">
          <Button type="submit" leftSection={<IconSend size={16} aria-hidden />} loading={logTouch.isPending}>
            {t('interactions.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
