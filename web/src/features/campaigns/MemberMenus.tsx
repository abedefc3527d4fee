import { ActionIcon, Button, Menu } from '@mantine/core';
import { IconArrowsRightLeft, IconCheck, IconDots, IconMessageQuestion, IconUserCircle, IconUserMinus, IconUsersPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { campaignStages } from '@shared/enums.js';
import { hasMet } from '@shared/rules/campaigns.js';
import type { CampaignMember } from '@shared/schemas/index.js';
import type { MemberActions } from './memberActions';
import { stageColor } from './stageStyle';

/**
 * "Move to…": the way to change a member's stage without dragging — with a keyboard, a screen
 * reader, or a thumb on a phone.
 */
export function MoveToMenu({ member, actions, compact = false }: { member: CampaignMember; actions: MemberActions; compact?: boolean }) {
  const { t } = useTranslation();
  const name = member.contact.displayName;
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        {compact ? (
          <ActionIcon variant="subtle" color="gray" aria-label={t('campaignMember.moveLabel', { name })}>
            <IconArrowsRightLeft size={18} aria-hidden />
          </ActionIcon>
        ) : (
          <Button
            variant="subtle"
            color="gray"
            size="compact-sm"
            leftSection={<IconArrowsRightLeft size={15} aria-hidden />}
            aria-label={t('campaignMember.moveLabel', { name })}
          >
            {t('campaignMember.moveTo')}
          </Button>
        )}
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('campaignMember.moveMenu')}</Menu.Label>
        {campaignStages.map((stage) => {
          const current = stage === member.stage;
          return (
            <Menu.Item
              key={stage}
              disabled={current}
              onClick={() => actions.move(member, stage)}
              leftSection={
                <span
                  aria-hidden
                  style={{ display: 'block', width: 10, height: 10, borderRadius: 5, background: `var(--mantine-color-${stageColor[stage]}-6)` }}
                />
              }
              rightSection={current ? <IconCheck size={14} aria-hidden /> : null}
            >
              {t(`campaignStage.${stage}`)}
            </Menu.Item>
          );
        })}
      </Menu.Dropdown>
    </Menu>
  );
}

/** The other things to do with a member: ask for advice, note referrals, open, remove. */
export function MoreMenu({ member, actions }: { member: CampaignMember; actions: MemberActions }) {
  const { t } = useTranslation();
  const name = member.contact.displayName;
  return (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" aria-label={t('campaignMember.more', { name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconMessageQuestion size={16} aria-hidden />} onClick={() => actions.askAdvice(member)}>
          {t('campaignMember.askAdvice')}
        </Menu.Item>
        {hasMet(member.stage) && (
          <Menu.Item leftSection={<IconUsersPlus size={16} aria-hidden />} onClick={() => actions.addReferrals(member)}>
            {t('campaignMember.addNames')}
          </Menu.Item>
        )}
        <Menu.Item leftSection={<IconUserCircle size={16} aria-hidden />} component={Link} to={`/contacts/${member.contactId}`}>
          {t('campaignMember.openContact')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item color="red" leftSection={<IconUserMinus size={16} aria-hidden />} onClick={() => actions.remove(member)}>
          {t('campaignMember.remove')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
