import { Alert, Badge, Button, Card, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconRestore, IconTrash } from '@tabler/icons-react';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Language, TemplatePurpose } from '@shared/enums.js';
import { templatePurposes } from '@shared/enums.js';
import type { Placeholder } from '@shared/rules/templates.js';
import type { Template } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { notifySuccess } from '../../app/queryClient';
import { useEnumOptions } from '../../ui/useEnumOptions';
import { pickFieldErrors, useFormState } from '../../ui/useFormState';
import { useCreateTemplate, useUpdateTemplate } from './api';
import { ConfirmTemplateAction } from './ConfirmTemplateAction';
import { PlaceholderMenu } from './PlaceholderMenu';

export interface TemplateValues {
  name: string;
  purpose: TemplatePurpose;
  language: Language;
  subject: string;
  body: string;
}

const fields = ['name', 'purpose', 'language', 'subject', 'body'] as const;

export function toTemplateValues(template: Template | undefined, language: Language): TemplateValues {
  return {
    name: template?.name ?? '',
    purpose: template?.purpose ?? 'custom',
    language: template?.language ?? language,
    subject: template?.subject ?? '',
    body: template?.body ?? '',
  };
}

interface TemplateEditorProps {
  template: Template | undefined;
  defaultLanguage: Language;
  onSaved: (template: Template) => void;
  onDeleted: () => void;
  /** The current text, for the live preview next to the editor. */
  onChange: (values: TemplateValues, dirty: boolean) => void;
}

type Field = 'subject' | 'body';

/** Name, purpose, language, subject and body, with placeholders inserted where the cursor was. */
export function TemplateEditor({ template, defaultLanguage, onSaved, onDeleted, onChange }: TemplateEditorProps) {
  const { t } = useTranslation();
  const options = useEnumOptions();
  const saved = toTemplateValues(template, defaultLanguage);
  const form = useFormState<TemplateValues>(saved);
  const create = useCreateTemplate();
  const update = useUpdateTemplate();
  const [confirm, setConfirm] = useState<'delete' | 'reset' | null>(null);
  const subjectRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const lastField = useRef<Field>('body');

  const dirty = fields.some((f) => form.values[f] !== saved[f]);
  useEffect(() => onChange(form.values, dirty), [form.values, dirty, onChange]);

  const insert = (placeholder: Placeholder) => {
    const field = lastField.current;
    const element = field === 'subject' ? subjectRef.current : bodyRef.current;
    const current = form.values[field];
    const token = `{{${placeholder}}}`;
    const start = element?.selectionStart ?? current.length;
    const end = element?.selectionEnd ?? start;
    form.setValue(field, current.slice(0, start) + token + current.slice(end));
    // After the menu has closed and returned focus, put the cursor just after the placeholder.
    window.setTimeout(() => {
      element?.focus();
      element?.setSelectionRange(start + token.length, start + token.length);
    }, 0);
  };

  const submit = () => {
    const errors: Partial<Record<keyof TemplateValues, string>> = {};
    if (!form.values.name.trim()) errors.name = t('errors.required');
    if (!form.values.body.trim()) errors.body = t('errors.required');
    if (Object.keys(errors).length > 0) return form.setErrors(errors);
    const onError = (error: unknown) => isApiError(error) && form.setErrors(pickFieldErrors(error.fieldErrors, fields));
    if (template) {
      update.mutate(
        { id: template.id, ...form.values },
        { onSuccess: (result) => (notifySuccess(t('templates.saved')), onSaved(result)), onError },
      );
    } else {
      create.mutate(form.values, { onSuccess: (result) => (notifySuccess(t('templates.created')), onSaved(result)), onError });
    }
  };
  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    submit();
  };
  useHotkeys([['mod+S', submit], ['mod+Enter', submit]], []);

  const heading = template?.name ?? t('templates.newTitle');
  return (
    <Card component="section" aria-labelledby="template-editor-heading" data-testid="template-editor">
      <Group justify="space-between" align="flex-start" mb="md" gap="xs">
        <Stack gap={4} style={{ minWidth: 0 }}>
          <Title order={2} size="h4" id="template-editor-heading" style={{ overflowWrap: 'anywhere' }}>
            {heading}
          </Title>
          {template && (
            <Group gap={6}>
              <Badge color="gray">{t(`enums.language.${template.language}`)}</Badge>
              {template.defaultKey && <Badge color="sage">{t('templates.shipped')}</Badge>}
              {dirty && <Badge color="orange">{t('templates.unsaved')}</Badge>}
            </Group>
          )}
        </Stack>
        {template && (
          <Group gap="xs">
            {template.defaultKey ? (
              <Button variant="default" size="xs" leftSection={<IconRestore size={16} aria-hidden />} onClick={() => setConfirm('reset')}>
                {t('templates.reset')}
              </Button>
            ) : (
              <Button variant="subtle" color="red" size="xs" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setConfirm('delete')}>
                {t('common.delete')}
              </Button>
            )}
          </Group>
        )}
      </Group>

      <form onSubmit={onSubmit} noValidate aria-labelledby="template-editor-heading">
        <Stack gap="md">
          {form.errors.form && <Alert color="red">{form.errors.form}</Alert>}
          <TextInput label={t('templates.name')} required {...form.textProps('name')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Select
              label={t('templates.purpose')}
              data={templatePurposes.map((value) => ({ value, label: t(`templates.purposes.${value}`) }))}
              value={form.values.purpose}
              onChange={(v) => v && form.setValue('purpose', v as TemplatePurpose)}
              error={form.errors.purpose}
            />
            <Select
              label={t('templates.language')}
              data={options.language}
              value={form.values.language}
              onChange={(v) => v && form.setValue('language', v as Language)}
              error={form.errors.language}
            />
          </SimpleGrid>
          <Group justify="space-between" align="flex-end" gap="xs" mb={-8}>
            <Text size="xs" c="dimmed">
              {t('templates.insertInto')}
            </Text>
            <PlaceholderMenu onInsert={insert} />
          </Group>
          <TextInput
            ref={subjectRef}
            label={t('templates.subject')}
            onFocus={() => (lastField.current = 'subject')}
            {...form.textProps('subject')}
          />
          <Textarea
            ref={bodyRef}
            label={t('templates.body')}
            required
            autosize
            minRows={8}
            maxRows={24}
            onFocus={() => (lastField.current = 'body')}
            styles={{ input: { fontSize: 'var(--mantine-font-size-sm)', lineHeight: 1.6 } }}
            {...form.textProps('body')}
          />
          <Group justify="flex-end" gap="sm">
            {dirty && template && (
              <Button variant="default" onClick={() => form.reset(saved)}>
                {t('templates.discard')}
              </Button>
            )}
            <Button type="submit" loading={create.isPending || update.isPending} disabled={Boolean(template) && !dirty}>
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      </form>
      {template && (
        <ConfirmTemplateAction
          template={template}
          action={confirm}
          onClose={() => setConfirm(null)}
          onReset={(result) => {
            form.reset(toTemplateValues(result, defaultLanguage));
            onSaved(result);
          }}
          onDeleted={onDeleted}
        />
      )}
    </Card>
  );
}
