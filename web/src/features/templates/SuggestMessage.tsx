// "Write it for me": wherever the app suggests reaching out (a thank-you, telling someone how it
// went, keeping in touch, after an event), this opens the user's template for that purpose
// rendered for the contact, editable, with what is still missing highlighted, ready to copy or
// to open in the mail app.
import { ActionIcon, Alert, Anchor, Badge, Button, Group, Modal, Select, Skeleton, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconMail, IconMessageCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { TemplatePurpose } from '@shared/enums.js';
import { placeholderSegments } from '@shared/rules/templates.js';
import type { Followup, Template } from '@shared/schemas/index.js';
import { mailtoHref } from '../../ui/clipboard';
import { CopyMessageButton } from '../../ui/CopyMessageButton';
import { HighlightedTextarea } from '../../ui/HighlightedTextarea';
import { useContact } from '../contacts/api';
import { useRenderedTemplate, useTemplates } from './api';
import { isPlaceholder, usePlaceholderLabel } from './placeholders';

export interface MessageFor {
  purpose: TemplatePurpose;
  contactId: string;
  contactName: string;
  favorId?: string | null;
}

/** The template purpose that writes the message a follow-up asks for, if any. */
export function purposeOfFollowup(followup: Followup): TemplatePurpose | null {
  switch (followup.kind) {
    case 'thank_you':
    case 'report_outcome':
    case 'keep_in_touch':
    case 'after_event':
      return followup.kind;
    default:
      return null;
  }
}

/** An icon button (for rows of actions) that opens the suggested message. */
export function SuggestMessageButton(props: MessageFor) {
  const { t } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const label = t('compose.open', { name: props.contactName });
  return (
    <>
      <Tooltip label={label} withinPortal>
        <ActionIcon variant="light" color="coral" size={28} onClick={open} aria-label={label}>
          <IconMessageCircle size={16} aria-hidden />
        </ActionIcon>
      </Tooltip>
      <Modal opened={opened} onClose={close} size="lg" title={t('compose.title', { name: props.contactName })}>
        {opened && <Composer {...props} />}
      </Modal>
    </>
  );
}

/** The user's language first, then the built-in ones, then their own. */
function pickTemplate(list: Template[], language: string): Template | undefined {
  const rank = (t: Template) => (t.language === language ? 0 : 2) + (t.defaultKey ? 0 : 1);
  return [...list].sort((a, b) => rank(a) - rank(b))[0];
}

function Composer({ purpose, contactId, favorId }: MessageFor) {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const contact = useContact(contactId);
  const forPurpose = (templates.data ?? []).filter((tpl) => tpl.purpose === purpose);
  const [templateId, setTemplateId] = useState<string | undefined>(undefined);
  const chosen = forPurpose.find((tpl) => tpl.id === templateId) ?? pickTemplate(forPurpose, i18n.resolvedLanguage ?? 'en');
  const rendered = useRenderedTemplate(chosen?.id, { contactId, ...(favorId ? { favorId } : {}) }, Boolean(chosen));

  if (templates.isPending || (chosen && rendered.isPending)) return <Skeleton h={280} />;
  if (templates.isError || rendered.isError) return <Alert color="red">{t('errors.loadFailed')}</Alert>;
  if (!chosen) {
    return (
      <Alert color="yellow" title={t('compose.noTemplate', { purpose: t(`templates.purposes.${purpose}`) })}>
        <Anchor component={Link} to="/templates">
          {t('compose.goToTemplates')}
        </Anchor>
      </Alert>
    );
  }

  return (
    <Stack gap="md">
      {forPurpose.length > 1 && (
        <Select
          label={t('compose.template')}
          data={forPurpose.map((tpl) => ({ value: tpl.id, label: `${tpl.name} · ${tpl.language.toUpperCase()}` }))}
          value={chosen.id}
          onChange={(value) => value && setTemplateId(value)}
          allowDeselect={false}
        />
      )}
      {rendered.data && (
        <Editor
          // A new template or contact starts a new draft; typing never gets overwritten by a refetch.
          key={`${chosen.id}:${contactId}`}
          subject={rendered.data.subject}
          body={rendered.data.body}
          email={contact.data?.emails[0]}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('compose.fromTemplate')}{' '}
        <Anchor component={Link} to="/templates" size="xs">
          {t('compose.editTemplates')}
        </Anchor>
      </Text>
    </Stack>
  );
}

function Editor({ subject: initialSubject, body: initialBody, email }: { subject: string; body: string; email: string | undefined }) {
  const { t } = useTranslation();
  const label = usePlaceholderLabel();
  const [subject, setSubject] = useState(initialSubject);
  const [body, setBody] = useState(initialBody);

  // Recomputed from the text as the user edits it, so the list shrinks as blanks are filled.
  const leftOver = [...new Set(placeholderSegments(`${subject}\n${body}`).filter((s) => s.placeholder).map((s) => s.text.replace(/[{}\s]/g, '')))];
  const unknown = leftOver.filter((name) => !isPlaceholder(name));


  return (
    <Stack gap="sm">
      {subject !== '' && <TextInput label={t('compose.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />}
      <HighlightedTextarea
        label={t('compose.body')}
        value={body}
        unknown={unknown}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={6}
        data-testid="composed-message"
      />
      {leftOver.length > 0 && (
        <Alert color="yellow" variant="light" title={t('compose.leftOver')} data-testid="compose-left-over">
          <Group gap={6}>
            {leftOver.map((name) => (
              <Badge key={name} color={unknown.includes(name) ? 'red' : 'yellow'} variant="filled">
                {label(name)}
              </Badge>
            ))}
          </Group>
        </Alert>
      )}
      <Group gap="sm">
        <CopyMessageButton
          text={subject ? `${subject}

${body}` : body}
          label={t('compose.copy')}
          copiedMessage={t('compose.copied')}
          failedMessage={t('compose.copyFailed')}
        />
        {email ? (
          <Button component="a" href={mailtoHref(email, subject, body)} variant="default" leftSection={<IconMail size={16} aria-hidden />}>
            {t('compose.openInMail')}
          </Button>
        ) : (
          <Text size="sm" c="dimmed">
            {t('compose.noEmail')}
          </Text>
        )}
      </Group>
    </Stack>
  );
}
