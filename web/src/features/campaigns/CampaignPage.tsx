import { ActionIcon, Anchor, Badge, Button, Card, Group, Menu, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconDots, IconLayoutKanban, IconList, IconPencil, IconTrash, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import type { CampaignStage } from '@shared/enums.js';
import { hasMet } from '@shared/rules/campaigns.js';
import type { CampaignDetail, CampaignMember } from '@shared/schemas/index.js';
import { isApiError } from '../../api/client';
import { NotFoundScreen } from '../../app/ErrorScreen';
import { notifySuccess } from '../../app/queryClient';
import { useFormatters } from '../../i18n/useFormatters';
import { ConfirmModal } from '../../ui/ConfirmModal';
import { EmptyState } from '../../ui/EmptyState';
import { LoadError } from '../../ui/LoadError';
import { PageHeader } from '../../ui/PageHeader';
import { SectionCard } from '../../ui/SectionCard';
import { AddMembersModal } from './AddMembersModal';
import { AdviceRequestModal } from './AdviceRequestModal';
import { useCampaign, useDeleteCampaign, useMoveMember, useRemoveMember } from './api';
import { CampaignCompanies } from './CampaignCompanies';
import { CampaignFormModal } from './CampaignFormModal';
import { CampaignStats } from './CampaignStats';
import { MeetingModal, type Meeting } from './MeetingModal';
import { MemberBoard } from './MemberBoard';
import type { MemberActions } from './memberActions';
import { MemberTable } from './MemberTable';
import { ProgressChart } from './ProgressChart';
import { ReferralsModal } from './ReferralsModal';
import { ReferralTree } from './ReferralTree';
import { CampaignIntros } from '../relationships/CampaignIntros';

type View = 'board' | 'table';
const VIEW_STORAGE_KEY = 'circulo.campaignView';

/** One campaign: its people on a board (or a list), the referral tree and the weekly progress. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  if (campaign.isPending) return <Skeleton h={400} />;
  if (campaign.isError) {
    if (isApiError(campaign.error, 404) || isApiError(campaign.error, 400)) return <NotFoundScreen />;
    return <LoadError error={campaign.error} onRetry={() => void campaign.refetch()} />;
  }
  return <CampaignView campaign={campaign.data} />;
}

type Dialog =
  | { kind: 'edit' | 'delete' | 'add' }
  | { kind: 'advice' | 'referrals' | 'remove'; member: CampaignMember }
  | { kind: 'meeting'; member: CampaignMember; stage: CampaignStage }
  | null;

function CampaignView({ campaign }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const navigate = useNavigate();
  const [dialog, setDialog] = useState<Dialog>(null);
  const [view, setView] = useState<View>(() => (localStorage.getItem(VIEW_STORAGE_KEY) === 'table' ? 'table' : 'board'));
  const moveMember = useMoveMember(campaign.id);
  const removeMember = useRemoveMember(campaign.id);
  const deleteCampaign = useDeleteCampaign(campaign.id);
  const close = () => setDialog(null);

  const moveTo = (member: CampaignMember, stage: CampaignStage, meeting?: Meeting) =>
    moveMember.mutate(
      { contactId: member.contactId, stage, ...meeting },
      {
        onSuccess: (moved) => {
          const name = moved.contact.displayName;
          const justMet = !hasMet(member.stage) && hasMet(moved.stage);
          // Only reaching exactly "met" puts a thank-you on the list.
          notifySuccess(justMet && moved.stage === 'met' ? t('campaignMember.movedMet', { name }) : t('campaignMember.moved', { name, stage: t(`campaignStage.${stage}`) }));
          // "Leave every meeting with two names": ask for them while the meeting is fresh.
          if (justMet && moved.flagged) setDialog({ kind: 'referrals', member: moved });
          else if (meeting) close();
        },
      },
    );

  const actions: MemberActions = {
    // A move that logs the meeting (the first time they reach "met" or later) asks how and when.
    move: (member, stage: CampaignStage) =>
      hasMet(stage) && member.metOn === null ? setDialog({ kind: 'meeting', member, stage }) : moveTo(member, stage),
    askAdvice: (member) => setDialog({ kind: 'advice', member }),
    addReferrals: (member) => setDialog({ kind: 'referrals', member }),
    remove: (member) => setDialog({ kind: 'remove', member }),
  };

  const changeView = (next: View) => {
    setView(next);
    localStorage.setItem(VIEW_STORAGE_KEY, next);
  };

  const dates = campaign.endsOn
    ? t('campaigns.dates', { start: format.date(campaign.startsOn), end: format.date(campaign.endsOn) })
    : t('campaigns.since', { date: format.date(campaign.startsOn) });

  return (
    <>
      <Anchor component={Link} to="/campaigns" size="sm" c="dimmed" mb="xs" display="inline-flex" style={{ alignItems: 'center', gap: 4 }}>
        <IconArrowLeft size={14} aria-hidden />
        {t('campaign.back')}
      </Anchor>
      <PageHeader
        title={campaign.name}
        subtitle={
          <Group gap={8} component="span" wrap="wrap">
            <Badge variant="light" component="span">
              {t(`campaignGoal.${campaign.goal}`)}
            </Badge>
            {campaign.target && <span>{campaign.target}</span>}
            <Text span size="sm" c="dimmed">
              {dates}
            </Text>
          </Group>
        }
        actions={
          <>
            <Button leftSection={<IconUserPlus size={18} aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
              {t('campaign.addPeople')}
            </Button>
            <Menu position="bottom-end" shadow="md">
              <Menu.Target>
                <ActionIcon variant="default" size="lg" aria-label={t('campaign.actions')}>
                  <IconDots size={18} aria-hidden />
                </ActionIcon>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setDialog({ kind: 'edit' })}>
                  {t('campaign.edit')}
                </Menu.Item>
                <Menu.Item color="red" leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setDialog({ kind: 'delete' })}>
                  {t('campaign.delete')}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
          </>
        }
      />
      <Stack gap="lg">
        <CampaignStats campaign={campaign} />
        <SectionCard
          title={t('campaign.people')}
          hint={campaign.members.length === 0 ? undefined : view === 'board' ? t('campaign.peopleHint') : t('campaign.peopleHintTable')}
          testId="campaign-people"
          actions={
            campaign.members.length > 0 && (
              <SegmentedControl
                size="xs"
                value={view}
                onChange={(v) => changeView(v as View)}
                aria-label={t('campaign.view')}
                data={[
                  { value: 'board', label: <ViewLabel icon={<IconLayoutKanban size={15} aria-hidden />} text={t('campaign.board')} /> },
                  { value: 'table', label: <ViewLabel icon={<IconList size={15} aria-hidden />} text={t('campaign.table')} /> },
                ]}
              />
            )
          }
        >
          {campaign.members.length === 0 ? (
            <EmptyState
              icon={<IconUsers size={26} aria-hidden />}
              action={
                <Button variant="light" mt="xs" leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setDialog({ kind: 'add' })}>
                  {t('campaign.addPeople')}
                </Button>
              }
            >
              {t('campaign.emptyMembers')}
            </EmptyState>
          ) : view === 'board' ? (
            <MemberBoard members={campaign.members} actions={actions} />
          ) : (
            <MemberTable members={campaign.members} actions={actions} />
          )}
        </SectionCard>
        <CampaignIntros campaignId={campaign.id} />
        <CampaignCompanies campaign={campaign} />
        <SectionCard title={t('referralTree.title')} hint={t('referralTree.hint')} testId="campaign-tree">
          <ReferralTree campaignId={campaign.id} campaignName={campaign.name} />
        </SectionCard>
        <SectionCard title={t('campaignProgress.title')} hint={t('campaignProgress.hint')} testId="campaign-progress">
          <ProgressChart progress={campaign.progress} />
        </SectionCard>
        {campaign.notes && (
          <Card>
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {campaign.notes}
            </Text>
          </Card>
        )}
      </Stack>

      {dialog?.kind === 'edit' && <CampaignFormModal opened campaign={campaign} onClose={close} />}
      {dialog?.kind === 'delete' && (
        <ConfirmModal
          opened
          title={t('campaign.deleteTitle', { name: campaign.name })}
          confirmLabel={t('campaign.delete')}
          loading={deleteCampaign.isPending}
          onClose={close}
          onConfirm={() =>
            deleteCampaign.mutate(undefined, {
              onSuccess: () => {
                notifySuccess(t('campaign.deleted'));
                void navigate('/campaigns', { replace: true });
              },
            })
          }
        >
          <Text size="sm">{t('campaign.deleteBody')}</Text>
        </ConfirmModal>
      )}
      {dialog?.kind === 'add' && <AddMembersModal opened campaign={campaign} onClose={close} />}
      {dialog?.kind === 'advice' && (
        <AdviceRequestModal campaignId={campaign.id} member={dialog.member} onClose={close} onAsked={(m) => actions.move(m, 'advice_requested')} />
      )}
      {dialog?.kind === 'meeting' && (
        <MeetingModal
          member={dialog.member}
          stage={dialog.stage}
          loading={moveMember.isPending}
          onCancel={close}
          onConfirm={(meeting) => moveTo(dialog.member, dialog.stage, meeting)}
        />
      )}
      {dialog?.kind === 'referrals' && <ReferralsModal campaignId={campaign.id} member={dialog.member} onClose={close} />}
      {dialog?.kind === 'remove' && (
        <ConfirmModal
          opened
          title={t('campaignMember.removeTitle', { name: dialog.member.contact.displayName })}
          confirmLabel={t('common.remove')}
          loading={removeMember.isPending}
          onClose={close}
          onConfirm={() =>
            removeMember.mutate(dialog.member.contactId, {
              onSuccess: () => {
                notifySuccess(t('campaignMember.removed', { name: dialog.member.contact.displayName }));
                close();
              },
            })
          }
        >
          <Text size="sm">{t('campaignMember.removeBody')}</Text>
        </ConfirmModal>
      )}
    </>
  );
}

function ViewLabel({ icon, text }: { icon: ReactNode; text: string }) {
  return (
    <Group gap={6} wrap="nowrap" justify="center">
      {icon}
      <span>{text}</span>
    </Group>
  );
}
