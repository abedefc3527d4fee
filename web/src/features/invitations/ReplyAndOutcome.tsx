import { Button, Card, Group, Radio, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconMessageCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { invitationOutcomes, type InvitationOutcome } from '@shared/enums.js';
import type { Invitation } from '@shared/schemas/index.js';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters, useUserToday } from '../../i18n/useFormatters';
import { useChoiceWhileSaving } from '../../ui/useChoiceWhileSaving';
import { useUpdateInvitation } from './api';

/** After the welcome: did they reply, and where did it lead? Both feed the funnel. */
export function ReplyAndOutcome({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useUserToday();
  const update = useUpdateInvitation(invitation.id);
  const [repliedOn, setRepliedOn] = useState(today);
  const welcomed = Boolean(invitation.welcomeSentOn);

  const markReplied = () =>
    update.mutate({ repliedOn: repliedOn || today }, { onSuccess: () => notifySuccess(t('welcome.markedReplied')) });
  const outcome = useChoiceWhileSaving<InvitationOutcome>();
  const setOutcome = (chosen: InvitationOutcome) =>
    outcome.choose(chosen, (value) => update.mutateAsync({ outcome: value }).then(() => notifySuccess(t('welcome.outcomeSaved'))));

  return (
    <Card component="section" aria-labelledby="reply-heading" data-testid="reply-and-outcome">
      <Title order={2} size="h4" id="reply-heading" mb={4}>
        {t('welcome.reply')}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {welcomed ? t('welcome.replyHint') : t('welcome.waitingForWelcome')}
      </Text>
      {welcomed && (
        <Stack gap="lg">
          {invitation.repliedOn ? (
            <Group gap="sm">
              <Group gap={6}>
                <IconCheck size={18} color="var(--mantine-color-sage-7)" aria-hidden />
                <Text fw={600} c="sage.8" data-testid="replied-on">
                  {t('welcome.repliedOn', { date: format.date(invitation.repliedOn) })}
                </Text>
              </Group>
              <Button
                variant="subtle"
                color="gray"
                size="compact-sm"
                leftSection={<IconArrowBackUp size={14} aria-hidden />}
                onClick={() => update.mutate({ repliedOn: null })}
              >
                {t('welcome.undoReply')}
              </Button>
            </Group>
          ) : (
            <Group align="flex-end" gap="sm">
              <TextInput
                type="date"
                label={t('welcome.repliedOnLabel')}
                value={repliedOn}
                min={invitation.welcomeSentOn ?? undefined}
                max={today}
                onChange={(e) => setRepliedOn(e.currentTarget.value)}
                w={180}
              />
              <Button leftSection={<IconMessageCircle size={16} aria-hidden />} onClick={markReplied} loading={update.isPending}>
                {t('welcome.markReplied')}
              </Button>
            </Group>
          )}
          <Radio.Group
            label={t('welcome.outcome')}
            value={outcome.shown(invitation.outcome)}
            onChange={(v) => setOutcome(v as InvitationOutcome)}
          >
            <Stack gap="xs" mt="xs">
              {invitationOutcomes.map((outcome) => (
                <Radio
                  key={outcome}
                  value={outcome}
                  label={t(`invitations.outcome.${outcome}`)}
                  description={t(`invitations.outcomeHint.${outcome}`)}
                  disabled={update.isPending}
                />
              ))}
            </Stack>
          </Radio.Group>
        </Stack>
      )}
    </Card>
  );
}

/** For an invitation the user sent: was it accepted? That is the outgoing funnel. */
export function OutgoingAcceptance({ invitation }: { invitation: Invitation }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const today = useUserToday();
  const update = useUpdateInvitation(invitation.id);
  return (
    <Card component="section" aria-labelledby="accepted-heading">
      <Title order={2} size="h4" id="accepted-heading" mb="sm">
        {invitation.acceptedOn ? t('invitations.acceptedOn', { date: format.date(invitation.acceptedOn) }) : t('invitations.pending')}
      </Title>
      {invitation.acceptedOn ? (
        <Button variant="default" leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => update.mutate({ acceptedOn: null })} loading={update.isPending}>
          {t('invitations.undoAccepted')}
        </Button>
      ) : (
        <Button
          leftSection={<IconCheck size={16} aria-hidden />}
          onClick={() => update.mutate({ acceptedOn: today }, { onSuccess: () => notifySuccess(t('invitations.markedAccepted')) })}
          loading={update.isPending}
        >
          {t('invitations.markAccepted')}
        </Button>
      )}
    </Card>
  );
}
