import { Alert, Badge, Group, Modal, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { placeholderSegments } from '@shared/rules/templates.js';
import type { IntroPath, Template } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { CopyMessageButton } from '../../ui/CopyMessageButton';
import { HighlightedTextarea } from '../../ui/HighlightedTextarea';
import { ModalActions } from '../../ui/ModalActions';
import { useRenderedTemplate, useTemplates } from '../templates/api';
import { isPlaceholder, usePlaceholderLabel } from '../templates/placeholders';
import { useRequestIntro } from './api';

/** The user's language first, then the shipped template, then their own. */
function pickTemplate(list: Template[], language: string): Template | undefined {
  const rank = (t: Template) => (t.language === language ? 0 : 2) + (t.defaultKey ? 0 : 1);
  return [...list].filter((t) => t.purpose === 'intro_request').sort((a, b) => rank(a) - rank(b))[0];
}

/**
 * "Ask for an introduction": the `intro_request` template written for the introducer, with the
 * user's pitch to forward and why this person; once sent (by the user, from their own mail or
 * chat), Círculo logs the ask and a follow-up to check back.
 */
export function IntroRequestModal({ path, onClose }: { path: IntroPath; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const introducer = path.via[0]!;
  const templates = useTemplates();
  const template = pickTemplate(templates.data ?? [], i18n.resolvedLanguage ?? 'en');
  const [reason, setReason] = useState('');
  const [debouncedReason] = useDebouncedValue(reason, 300);
  const rendered = useRenderedTemplate(template?.id, { contactId: introducer.contactId, targetId: path.target.contactId, reason: debouncedReason || null }, Boolean(template));
  const [message, setMessage] = useState('');
  useEffect(() => {
    if (rendered.data) setMessage(rendered.data.body);
  }, [rendered.data]);
  const request = useRequestIntro();
  // What is still blank ({{reason}} until it is typed, {{myPitch}} without a pitch in the profile),
  // named and highlighted as in every other message, so it never goes out as raw braces.
  const label = usePlaceholderLabel();
  const leftOver = [...new Set(placeholderSegments(message).filter((s) => s.placeholder).map((s) => s.text.replace(/[{}\s]/g, '')))];
  const unknown = leftOver.filter((name) => !isPlaceholder(name));
  const title = t('intros.askTitle', { name: introducer.displayName, target: path.target.displayName });

  return (
    <Modal opened onClose={onClose} title={title} size="lg">
      <Stack gap="sm">
        {introducer.flags.includes('give_before_you_ask') && <Alert color="orange">{t('intros.flagHint.give_before_you_ask')}</Alert>}
        {introducer.flags.includes('cold') && <Alert color="blue">{t('intros.flagHint.cold')}</Alert>}
        <TextInput label={t('intros.reason')} description={t('intros.reasonHint')} value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        {(templates.isPending || rendered.isPending) && template !== undefined ? (
          <Skeleton h={200} />
        ) : (
          <HighlightedTextarea label={t('compose.body')} value={message} unknown={unknown} onChange={(e) => setMessage(e.currentTarget.value)} autosize minRows={8} data-testid="intro-message" />
        )}
        {leftOver.length > 0 && (
          <Alert color="yellow" variant="light" title={t('compose.leftOver')} data-testid="intro-left-over">
            <Group gap={6}>
              {leftOver.map((name) => (
                <Badge key={name} color={unknown.includes(name) ? 'red' : 'yellow'} variant="filled">
                  {label(name)}
                </Badge>
              ))}
            </Group>
          </Alert>
        )}
        <Text size="xs" c="dimmed">
          {t('intros.afterSending')}
        </Text>
        <CopyMessageButton text={message} label={t('intros.copy')} copiedMessage={t('intros.copied')} failedMessage={t('intros.copyFailed')} />
        <ModalActions
          submitLabel={t('intros.markAsked')}
          loading={request.isPending}
          onCancel={onClose}
          onSubmit={() =>
            request.mutate(
              { introducerId: introducer.contactId, targetId: path.target.contactId, message },
              {
                onSuccess: () => {
                  notifySuccess(t('intros.asked', { name: introducer.displayName }));
                  onClose();
                },
              },
            )
          }
        />
      </Stack>
    </Modal>
  );
}
