import { ActionIcon, Anchor, Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { IconFlag, IconGripVertical, IconMessageQuestion, IconUsersPlus } from '@tabler/icons-react';
import type { DraggableAttributes, DraggableSyntheticListeners } from '@dnd-kit/core';
import type { CSSProperties, Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CampaignMember } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import type { MemberActions } from './memberActions';
import { MoreMenu, MoveToMenu } from './MemberMenus';
import { flagColor } from './stageStyle';
import classes from './MemberBoard.module.css';

/** What the board's drag and drop hands a card; absent for the floating copy while dragging. */
export interface DragBindings {
  setNodeRef: Ref<HTMLDivElement>;
  setHandleRef: Ref<HTMLButtonElement>;
  attributes: DraggableAttributes;
  listeners: DraggableSyntheticListeners;
  dragging: boolean;
}

interface MemberCardProps {
  member: CampaignMember;
  actions: MemberActions;
  drag?: DragBindings;
  /** The copy that follows the pointer: looks the same, does nothing. */
  overlay?: boolean;
}

/** A person on the board: who, where they are, and the next thing to do with them. */
export function MemberCard({ member, actions, drag, overlay = false }: MemberCardProps) {
  const { t } = useTranslation();
  const format = useFormatters();
  const name = member.contact.displayName;
  const role = [member.title, member.company].filter(Boolean).join(' · ');
  const style: CSSProperties | undefined = drag?.dragging ? { opacity: 0.35 } : undefined;

  return (
    <Paper
      ref={drag?.setNodeRef}
      withBorder
      p="xs"
      className={classes.card}
      data-overlay={overlay || undefined}
      style={style}
      aria-label={name}
      role="listitem"
      data-testid="member-card"
      {...drag?.listeners}
    >
      <Group gap={4} wrap="nowrap" align="flex-start">
        <ActionIcon
          ref={drag?.setHandleRef}
          variant="subtle"
          color="gray"
          size="sm"
          className={classes.handle}
          aria-label={t('campaignMember.dragHandle', { name })}
          {...drag?.attributes}
          tabIndex={overlay ? -1 : 0}
        >
          <IconGripVertical size={16} aria-hidden />
        </ActionIcon>
        <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
          <Anchor component={Link} to={`/contacts/${member.contactId}`} fw={600} size="sm" c="dark.7" draggable={false} className={classes.name}>
            {name}
          </Anchor>
          {role && (
            <Text size="xs" c="dimmed" truncate>
              {role}
            </Text>
          )}
        </Stack>
        {!overlay && (
          <Group gap={0} wrap="nowrap" mr={-4}>
            <MoveToMenu member={member} actions={actions} compact />
            <MoreMenu member={member} actions={actions} />
          </Group>
        )}
      </Group>
      <Stack gap={6} pl={26} mt={2}>
        <MemberBadges member={member} metOn={member.metOn ? format.date(member.metOn) : null} />
        {!overlay && <NextStep member={member} actions={actions} />}
      </Stack>
    </Paper>
  );
}

function MemberBadges({ member, metOn }: { member: CampaignMember; metOn: string | null }) {
  const { t } = useTranslation();
  const parts = [];
  if (member.flagged) {
    parts.push(
      <Tooltip key="flag" label={t('campaignMember.flaggedHint')}>
        <Badge size="sm" color={flagColor} variant="light" leftSection={<IconFlag size={12} aria-hidden />} data-testid="member-flag">
          {t('campaignMember.flagged')}
        </Badge>
      </Tooltip>,
    );
  }
  if (member.referrals > 0) {
    parts.push(
      <Badge key="names" size="sm" color="gray" variant="light">
        {t('campaignMember.referrals', { count: member.referrals })}
      </Badge>,
    );
  }
  if (metOn) {
    parts.push(
      <Text key="met" size="xs" c="dimmed">
        {t('campaignMember.metOn', { date: metOn })}
      </Text>,
    );
  }
  if (parts.length === 0) return null;
  return (
    <Group gap={4}>
      {parts}
    </Group>
  );
}

/** The one obvious next step at this stage, if there is one. */
function NextStep({ member, actions }: { member: CampaignMember; actions: MemberActions }) {
  const { t } = useTranslation();
  const name = member.contact.displayName;
  if (member.stage === 'identified') {
    return (
      <Button
        size="compact-xs"
        variant="light"
        style={{ alignSelf: 'flex-start' }}
        leftSection={<IconMessageQuestion size={14} aria-hidden />}
        onClick={() => actions.askAdvice(member)}
        aria-label={`${t('campaignMember.askAdvice')}: ${name}`}
      >
        {t('campaignMember.askAdvice')}
      </Button>
    );
  }
  if (member.flagged) {
    return (
      <Button
        size="compact-xs"
        variant="light"
        color={flagColor}
        style={{ alignSelf: 'flex-start' }}
        leftSection={<IconUsersPlus size={14} aria-hidden />}
        onClick={() => actions.addReferrals(member)}
        aria-label={`${t('campaignMember.addNames')}: ${name}`}
      >
        {t('campaignMember.addNames')}
      </Button>
    );
  }
  return null;
}
