import { Alert, Anchor, Badge, Button, Group, Modal, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { IconMessageCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { placeholderSegments } from '@shared/rules/templates.js';
import type { AdviceRequest, CampaignMember } from '@shared/schemas/index.js';
import { CopyMessageButton } from '../../ui/CopyMessageButton';
import { HighlightedTextarea } from '../../ui/HighlightedTextarea';
import { LoadError } from '../../ui/LoadError';
import { isPlaceholder, usePlaceholderLabel } from '../templates/placeholders';
import { useAdviceRequest } from './api';

interface AdviceRequestModalProps {
  campaignId: string;
  member: CampaignMember;
  onClose: () => void;
  /** "Mark as asked": moves an identified member on to `advice_requested`. */
  onAsked: (member: CampaignMember) => void;
}

/** The advice request for one member, filled from the template (or the built-in one), to copy and send. */
export function AdviceRequestModal({ campaignId, member, onClose, onAsked }: AdviceRequestModalProps) {
  const { t } = useTranslation();
  const advice = useAdviceRequest(campaignId, member.contactId);
  return (
    <Modal opened onClose={onClose} title={t('adviceRequest.title', { name: member.contact.displayName })} size="lg">
      <Stack gap="md">
        <Alert color="sage" variant="light" icon={<IconMessageCheck size={20} aria-hidden />}>
          {t('adviceRequest.hint')}
        </Alert>
        {advice.isPending && <Skeleton h={240} />}
        {advice.isError && <LoadError error={advice.error} onRetry={() => void advice.refetch()} />}
        {advice.data && <AdviceForm advice={advice.data} member={member} onClose={onClose} onAsked={onAsked} />}
      </Stack>
    </Modal>
  );
}

function AdviceForm({ advice, member, onClose, onAsked }: { advice: AdviceRequest } & Omit<AdviceRequestModalProps, 'campaignId'>) {
  const { t } = useTranslation();
  const label = usePlaceholderLabel();
  const [subject, setSubject] = useState(advice.subject);
  const [body, setBody] = useState(advice.body);
  // From the text being edited, so the list shrinks as the user fills the gaps.
  const leftOver = [...new Set(placeholderSegments(`${subject}\n${body}`).filter((s) => s.placeholder).map((s) => s.text.replace(/[{}\s]/g, '')))];
  const unknown = leftOver.filter((name) => !isPlaceholder(name));

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {advice.templateId ? t('adviceRequest.fromTemplate') : t('adviceRequest.builtIn')}{' '}
        <Anchor component={Link} to="/templates" size="sm">
          {t('adviceRequest.editTemplates')}
        </Anchor>
      </Text>
      {advice.subject !== '' && (
        <TextInput label={t('adviceRequest.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
      )}
      <HighlightedTextarea
        label={t('adviceRequest.body')}
        value={body}
        unknown={unknown}
        onChange={(e) => setBody(e.currentTarget.value)}
        autosize
        minRows={7}
        maxRows={16}
        data-testid="advice-body"
      />
      {leftOver.length > 0 && (
        <Alert color="yellow" variant="light" title={t('adviceRequest.missing')}>
          <Text size="sm" mb={6}>
            {t('adviceRequest.missingHint')}
          </Text>
          <Group gap={6}>
            {leftOver.map((name) => (
              <Badge key={name} color={unknown.includes(name) ? 'red' : 'yellow'} variant="filled">
                {label(name)}
              </Badge>
            ))}
          </Group>
          {leftOver.some((name) => name.startsWith('my')) && (
            <Anchor component={Link} to="/settings" size="sm" mt={6} display="inline-block">
              {t('adviceRequest.editProfile')}
            </Anchor>
          )}
        </Alert>
      )}
      <Group gap="sm">
        <CopyMessageButton text={subject ? `${subject}\n\n${body}` : body} label={t('adviceRequest.copy')} copiedMessage={t('adviceRequest.copied')} failedMessage={t('adviceRequest.copyFailed')} />
        {member.stage === 'identified' ? (
          <Button
            variant="light"
            ml={{ sm: 'auto' }}
            onClick={() => {
              onAsked(member);
              onClose();
            }}
          >
            {t('adviceRequest.markAsked')}
          </Button>
        ) : (
          <Button variant="default" ml={{ sm: 'auto' }} onClick={onClose}>
            {t('common.close')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}

