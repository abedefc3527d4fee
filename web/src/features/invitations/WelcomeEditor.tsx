import { Alert, Anchor, Badge, Button, Card, Group, Skeleton, Stack, Text, TextInput, Title, Tooltip, UnstyledButton } from '@mantine/core';
import { IconCheck, IconMail, IconSend } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placeholderSegments } from '@shared/rules/templates.js';
import type { Contact, Invitation, WelcomeDraft } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { mailtoHref } from '../../ui/clipboard';
import { CopyMessageButton } from '../../ui/CopyMessageButton';
import { HighlightedTextarea } from '../../ui/HighlightedTextarea';
import { PlaceholderText } from '../../ui/PlaceholderText';
import { isPlaceholder, usePlaceholderLabel } from '../templates/placeholders';
import { useMarkWelcomeSent, useWelcomeDraft } from './api';

const HEADING_ID = 'welcome-message-heading';

/** The proposed welcome, editable; copy it, open it in the mail app, or mark it sent. */
export function WelcomeEditor({ invitation, contact }: { invitation: Invitation; contact: Contact | undefined }) {
  const { t } = useTranslation();
  const sent = Boolean(invitation.welcomeSentOn);
  const draft = useWelcomeDraft(invitation.id, !sent);

  return (
    <Card component="section" aria-labelledby={HEADING_ID} data-testid="welcome-editor">
      <Title order={2} size="h4" id={HEADING_ID}>
        {t('welcome.message')}
      </Title>
      {sent ? (
        <SentWelcome invitation={invitation} />
      ) : draft.isPending ? (
        <Skeleton h={260} mt="md" />
      ) : draft.isError ? (
        <Alert color="red" mt="md">
          {t('errors.loadFailed')}
        </Alert>
      ) : (
        <DraftForm key={draft.data.templateId ?? 'none'} invitation={invitation} contact={contact} draft={draft.data} />
      )}
    </Card>
  );
}

function SentWelcome({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const text = invitation.welcomeMessage ?? '';
  return (
    <Stack gap="sm" mt="sm">
      <Group gap={6}>
        <IconCheck size={18} color="var(--mantine-color-sage-7)" aria-hidden />
        <Text size="sm" fw={600} c="sage.8">
          {t('welcome.sentOn', { date: format.date(invitation.welcomeSentOn!) })}
        </Text>
      </Group>
      {text && (
        <Card withBorder shadow="none" bg="gray.0" p="md">
          <PlaceholderText component="div" text={text} />
        </Card>
      )}
      {text && (
        <Group>
          <WelcomeCopyButton text={text} />
        </Group>
      )}
    </Stack>
  );
}

function DraftForm({ invitation, contact, draft }: { invitation: Invitation; contact: Contact | undefined; draft: WelcomeDraft }) {
  const { t } = useTranslation();
  const label = usePlaceholderLabel();
  const [subject, setSubject] = useState(draft.subject);
  const [body, setBody] = useState(draft.body);
  const [error, setError] = useState<string | null>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const markSent = useMarkWelcomeSent(invitation.id);

  // Computed from the text being edited, so the list shrinks as the user fills things in.
  const leftOver = [...new Set(placeholderSegments(`${subject}\n${body}`).filter((s) => s.placeholder).map((s) => s.text.replace(/[{}\s]/g, '')))];
  const unknown = leftOver.filter((name) => !isPlaceholder(name));
  const email = contact?.emails[0];

  const selectPlaceholder = (name: string) => {
    const match = new RegExp(`\\{\\{\\s*${name}\\s*\\}\\}`).exec(body);
    const area = bodyRef.current;
    if (!match || !area) return;
    area.focus();
    area.setSelectionRange(match.index, match.index + match[0].length);
  };

  const onMarkSent = () => {
    if (!body.trim()) return setError(t('welcome.emptyMessage'));
    markSent.mutate({ message: body }, { onSuccess: () => notifySuccess(t('welcome.markedSent')) });
  };

  if (!draft.templateId) {
    return (
      <Alert color="yellow" mt="md" title={t('welcome.noTemplate')}>
        <Anchor component={Link} to="/templates">
          {t('welcome.goToTemplates')}
        </Anchor>
      </Alert>
    );
  }

  return (
    <Stack gap="md" mt={4}>
      <Text size="sm" c="dimmed">
        {t('welcome.messageHint')}
      </Text>
      <TextInput label={t('welcome.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
      <HighlightedTextarea
        ref={bodyRef}
        label={t('welcome.body')}
        value={body}
        unknown={unknown}
        onChange={(e) => {
          setBody(e.currentTarget.value);
          setError(null);
        }}
        error={error}
        autosize
        minRows={8}
        data-testid="welcome-body"
      />
      {leftOver.length > 0 && (
        <Alert color="yellow" variant="light" title={t('welcome.leftOver')} data-testid="left-over">
          <Text size="sm" mb={6}>
            {t('welcome.leftOverHint')}
          </Text>
          <Group gap={6} role="list">
            {leftOver.map((name) => (
              <UnstyledButton
                key={name}
                role="listitem"
                onClick={() => selectPlaceholder(name)}
                aria-label={t('welcome.selectPlaceholder', { name: label(name) })}
              >
                <Badge color={unknown.includes(name) ? 'red' : 'yellow'} variant="filled" style={{ cursor: 'pointer' }}>
                  {label(name)}
                </Badge>
              </UnstyledButton>
            ))}
          </Group>
        </Alert>
      )}
      <Group gap="sm">
        <WelcomeCopyButton text={body} />
        {email ? (
          <Button component="a" href={mailtoHref(email, subject, body)} variant="default" leftSection={<IconMail size={16} aria-hidden />}>
            {t('welcome.openInMail')}
          </Button>
        ) : (
          <Tooltip label={t('welcome.noEmail', { name: invitation.contact.displayName })} multiline w={240}>
            <Button variant="default" leftSection={<IconMail size={16} aria-hidden />} data-disabled aria-disabled onClick={(e) => e.preventDefault()}>
              {t('welcome.openInMail')}
            </Button>
          </Tooltip>
        )}
        <Button leftSection={<IconSend size={16} aria-hidden />} onClick={onMarkSent} loading={markSent.isPending} ml={{ sm: 'auto' }}>
          {t('welcome.markSent')}
        </Button>
      </Group>
    </Stack>
  );
}

function WelcomeCopyButton({ text }: { text: string }) {
  const { t } = useTranslation();
  return <CopyMessageButton text={text} label={t('welcome.copy')} copiedMessage={t('welcome.copied')} failedMessage={t('welcome.copyFailed')} />;
}
