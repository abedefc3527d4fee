import { Alert, Button, Group, Text } from '@mantine/core';
import { IconHeartHandshake, IconStairsUp } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { suggestedStage, worthAHandshake } from '@shared/rules/stage.js';
import type { Contact } from '@shared/schemas/index.js';
import { notifySuccess } from '../../../app/queryClient';
import { useTimeline, useUpdateContact } from '../api';

/** Why a stage is suggested: the three moves a touch can suggest (see suggestedStage). */
const REASON = {
  in_conversation: 'stageSuggestion.in_conversation',
  met_online: 'stageSuggestion.met_online',
  met_in_person: 'stageSuggestion.met_in_person',
} as const;
const isReason = (stage: string): stage is keyof typeof REASON => stage in REASON;

/**
 * The relationship stage the newest touch suggests ("Their first reply: move to In
 * conversation?"), applied in one click; and, for valuable contacts only met online, a nudge to
 * bring it to a handshake.
 */
export function StageSuggestion({ contact }: { contact: Contact }) {
  const { t } = useTranslation();
  const timeline = useTimeline(contact.id); // Shares the timeline's cache: no extra request.
  const update = useUpdateContact(contact.id);
  const [dismissed, setDismissed] = useState<string | null>(null);

  const newestTouch = timeline.data?.pages[0]?.items.find((entry) => entry.type === 'interaction');
  const touch = newestTouch?.type === 'interaction' ? newestTouch.interaction : undefined;
  const suggested = touch && dismissed !== touch.id ? suggestedStage(contact.stage, touch) : null;
  const suggestion = suggested && isReason(suggested) ? suggested : null;
  const handshake = worthAHandshake(contact) && suggestion !== 'met_in_person';

  if (!suggestion && !handshake) return null;
  return (
    <>
      {suggestion && touch && (
        <Alert color="sage" variant="light" icon={<IconStairsUp aria-hidden />} mb="lg" data-testid="stage-suggestion">
          <Group justify="space-between" gap="sm">
            <Text size="sm" fw={500}>
              {t(REASON[suggestion], { stage: t(`enums.stage.${suggestion}`) })}
            </Text>
            <Group gap="xs">
              <Button variant="subtle" color="gray" size="xs" onClick={() => setDismissed(touch.id)}>
                {t('stageSuggestion.dismiss')}
              </Button>
              <Button
                size="xs"
                loading={update.isPending}
                onClick={() =>
                  update.mutate(
                    { stage: suggestion },
                    { onSuccess: () => notifySuccess(t('stageSuggestion.moved', { stage: t(`enums.stage.${suggestion}`) })) },
                  )
                }
              >
                {t('stageSuggestion.apply', { stage: t(`enums.stage.${suggestion}`) })}
              </Button>
            </Group>
          </Group>
        </Alert>
      )}
      {handshake && (
        <Alert color="blue" variant="light" icon={<IconHeartHandshake aria-hidden />} title={t('stageSuggestion.handshakeTitle')} mb="lg" data-testid="handshake-hint">
          {t('stageSuggestion.handshakeBody', { name: contact.firstName ?? contact.displayName })}
        </Alert>
      )}
    </>
  );
}
