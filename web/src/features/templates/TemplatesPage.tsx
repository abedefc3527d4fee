import { Anchor, Button, Grid, Modal, Skeleton, Stack, Text } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { IconArrowLeft, IconPlus, IconTemplate } from '@tabler/icons-react';
import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { ContactRef } from '@shared/schemas/index.js';
import { toLanguage } from '../../i18n';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError } from '../../ui/LoadError';
import { ModalActions } from '../../ui/ModalActions';
import { PageHeader } from '../../ui/PageHeader';
import { useTemplates } from './api';
import { TemplateEditor, type TemplateValues } from './TemplateEditor';
import { TemplateList, type LanguageFilter } from './TemplateList';
import { TemplatePreview } from './TemplatePreview';

const NEW = 'new';

/** Message templates by purpose and language: edit one with a live preview for a real contact. */
export function TemplatesPage() {
  const { t, i18n } = useTranslation();
  const uiLanguage = toLanguage(i18n.resolvedLanguage);
  const templates = useTemplates();
  const [params, setParams] = useSearchParams();
  const selectedId = params.get('id');
  const [language, setLanguage] = useState<LanguageFilter>(uiLanguage);
  const [previewContact, setPreviewContact] = useState<ContactRef | null>(null);
  const [draft, setDraft] = useState<{ values: TemplateValues; dirty: boolean } | null>(null);
  const [pending, setPending] = useState<string | null | undefined>(undefined);
  const isDesktop = useMediaQuery('(min-width: 62em)', true);

  const onChange = useCallback((values: TemplateValues, dirty: boolean) => setDraft({ values, dirty }), []);
  const go = (id: string | null) => {
    setDraft(null);
    setParams(id ? { id } : {}, { replace: false });
  };
  const select = (id: string | null) => (draft?.dirty ? setPending(id) : go(id));

  if (templates.isError) return <LoadError error={templates.error} onRetry={() => void templates.refetch()} />;

  const list = templates.data ?? [];
  const template = selectedId && selectedId !== NEW ? list.find((tpl) => tpl.id === selectedId) : undefined;
  const editing = selectedId === NEW || Boolean(template);
  const draftLanguage = draft?.values.language ?? template?.language ?? uiLanguage;
  // The server renders in a template's language: a new one borrows a sibling of its language.
  const hostTemplateId = template?.id ?? list.find((tpl) => tpl.language === draftLanguage)?.id;
  const showList = isDesktop || !editing;

  return (
    <>
      <PageHeader
        title={t('templates.title')}
        subtitle={t('templates.subtitle')}
        actions={
          <Button leftSection={<IconPlus size={18} aria-hidden />} onClick={() => select(NEW)}>
            {t('templates.new')}
          </Button>
        }
      />
      {templates.isPending ? (
        <Skeleton h={360} />
      ) : (
        <Grid gutter="lg">
          {showList && (
            <Grid.Col span={{ base: 12, md: 4 }}>
              <TemplateList templates={list} language={language} onLanguageChange={setLanguage} selectedId={selectedId} onSelect={select} />
            </Grid.Col>
          )}
          <Grid.Col span={{ base: 12, md: 8 }}>
            {!isDesktop && editing && (
              <Anchor component="button" type="button" size="sm" c="dimmed" mb="sm" onClick={() => select(null)}>
                <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('templates.back')}
              </Anchor>
            )}
            {editing ? (
              <Stack gap="lg">
                <TemplateEditor
                  key={selectedId}
                  template={template}
                  defaultLanguage={language === 'all' ? uiLanguage : language}
                  onSaved={(saved) => saved.id !== selectedId && go(saved.id)}
                  onDeleted={() => go(null)}
                  onChange={onChange}
                />
                {draft && (
                  <TemplatePreview
                    hostTemplateId={hostTemplateId}
                    subject={draft.values.subject}
                    body={draft.values.body}
                    contact={previewContact}
                    onContactChange={setPreviewContact}
                  />
                )}
              </Stack>
            ) : (
              isDesktop && (
                <EmptyState icon={<IconTemplate size={26} aria-hidden />}>{t('templates.choose')}</EmptyState>
              )
            )}
          </Grid.Col>
        </Grid>
      )}
      <Modal opened={pending !== undefined} onClose={() => setPending(undefined)} title={t('templates.discardTitle')}>
        <Text size="sm">{t('templates.discardBody')}</Text>
        <ModalActions
          submitLabel={t('templates.discard')}
          danger
          focus="cancel"
          onSubmit={() => {
            go(pending ?? null);
            setPending(undefined);
          }}
          onCancel={() => setPending(undefined)}
          mt="lg"
        />
      </Modal>
    </>
  );
}
