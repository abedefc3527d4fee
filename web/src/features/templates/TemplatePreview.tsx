import { Badge, Card, Group, Loader, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactRef } from '@shared/schemas/index.js';
import { LoadError } from '../../ui/LoadError';
import { PlaceholderText } from '../../ui/PlaceholderText';
import { ContactPicker } from '../contacts/form/ContactPicker';
import { useRenderedTemplate } from './api';
import { usePlaceholderLabel } from './placeholders';

interface TemplatePreviewProps {
  /** The template whose language the server renders in (the one being edited, or a sibling for a new one). */
  hostTemplateId: string | undefined;
  subject: string;
  body: string;
  contact: ContactRef | null;
  onContactChange: (contact: ContactRef | null) => void;
}

/** The message as a chosen contact would read it, re-rendered by the server as the user types. */
export function TemplatePreview({ hostTemplateId, subject, body, contact, onContactChange }: TemplatePreviewProps) {
  const { t } = useTranslation();
  const label = usePlaceholderLabel();
  const [eventName, setEventName] = useState('');
  const [outcome, setOutcome] = useState('');
  // Debounced as one string: strings compare by value, so only real edits restart the timer.
  const [debounced] = useDebouncedValue(JSON.stringify({ subject, body, eventName, outcome }), 400);
  const draft = JSON.parse(debounced) as { subject: string; body: string; eventName: string; outcome: string };
  const rendered = useRenderedTemplate(
    hostTemplateId,
    {
      contactId: contact?.id,
      eventName: draft.eventName || undefined,
      outcome: draft.outcome || undefined,
      draft: { subject: draft.subject, body: draft.body },
    },
    draft.body.trim() !== '',
  );
  const usesEvent = /\{\{\s*eventName\s*\}\}/.test(subject + body);
  const usesOutcome = /\{\{\s*outcome\s*\}\}/.test(subject + body);
  const result = rendered.data;

  return (
    <Card component="section" aria-labelledby="template-preview-heading" data-testid="template-preview">
      <Group justify="space-between" mb="sm">
        <Title order={2} size="h4" id="template-preview-heading">
          {t('templates.preview')}
        </Title>
        {rendered.isFetching && <Loader size="xs" aria-label={t('templates.previewUpdating')} />}
      </Group>
      <Stack gap="sm">
        <ContactPicker label={t('templates.previewFor')} value={contact} onChange={onContactChange} />
        {(usesEvent || usesOutcome) && (
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
            {usesEvent && (
              <TextInput label={t('templates.exampleEvent')} value={eventName} onChange={(e) => setEventName(e.currentTarget.value)} />
            )}
            {usesOutcome && (
              <TextInput label={t('templates.exampleOutcome')} value={outcome} onChange={(e) => setOutcome(e.currentTarget.value)} />
            )}
          </SimpleGrid>
        )}
        {!contact && (
          <Text size="sm" c="dimmed">
            {t('templates.previewHint')}
          </Text>
        )}
        {rendered.isError && <LoadError error={rendered.error} onRetry={() => void rendered.refetch()} />}
        {result && (
          <Card withBorder shadow="none" radius="md" bg="gray.0" p="md" aria-live="polite">
            {result.subject && (
              <Text fw={600} mb="xs" style={{ overflowWrap: 'anywhere' }} data-testid="preview-subject">
                <PlaceholderText component="span" text={result.subject} unknown={result.unknown} />
              </Text>
            )}
            <div data-testid="preview-body">
              <PlaceholderText component="div" text={result.body} unknown={result.unknown} />
            </div>
          </Card>
        )}
        {result && result.missing.length > 0 && (
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('templates.missing')}
            </Text>
            <Group gap={6} aria-label={t('templates.missing')} role="list">
              {result.missing.map((name) => (
                <Badge key={name} color="yellow" variant="light" role="listitem">
                  {label(name)}
                </Badge>
              ))}
            </Group>
            <Text size="xs" c="dimmed">
              {t('templates.missingHint')}
            </Text>
          </Stack>
        )}
        {result && result.unknown.length > 0 && (
          <Stack gap={4}>
            <Group gap={6}>
              <IconAlertTriangle size={16} color="var(--mantine-color-red-7)" aria-hidden />
              <Text size="sm" fw={600} c="red.8">
                {t('templates.unknown')}
              </Text>
            </Group>
            <Group gap={6} role="list" aria-label={t('templates.unknown')}>
              {result.unknown.map((name) => (
                <Badge key={name} color="red" variant="light" role="listitem">{`{{${name}}}`}</Badge>
              ))}
            </Group>
            <Text size="xs" c="dimmed">
              {t('templates.unknownHint')}
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
