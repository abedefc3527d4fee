import { Anchor, Badge, Group, Select, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { campaignStages, type CampaignStage } from '@shared/enums.js';
import type { CampaignMember } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import type { MemberActions } from './memberActions';
import { MoreMenu } from './MemberMenus';
import { flagColor } from './stageStyle';

/** The same people as the board, as a table: a stage select per row changes their stage. */
export function MemberTable({ members, actions }: { members: CampaignMember[]; actions: MemberActions }) {
  const { t } = useTranslation();
  const format = useFormatters();
  const stageOptions = campaignStages.map((value) => ({ value, label: t(`campaignStage.${value}`) }));

  return (
    <Table.ScrollContainer minWidth={640}>
      <Table verticalSpacing="xs" highlightOnHover data-testid="member-table">
        <Table.Caption>{t('campaignMember.tableCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('campaignMember.name')}</Table.Th>
            <Table.Th>{t('campaignMember.stage')}</Table.Th>
            <Table.Th>{t('campaignMember.met')}</Table.Th>
            <Table.Th>{t('campaignMember.referralsColumn')}</Table.Th>
            <Table.Th>
              <VisuallyHidden>{t('campaignMember.actions')}</VisuallyHidden>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {members.map((member) => {
            const name = member.contact.displayName;
            return (
              <Table.Tr key={member.contactId}>
                <Table.Td>
                  <Anchor component={Link} to={`/contacts/${member.contactId}`} fw={600} size="sm">
                    {name}
                  </Anchor>
                  {member.company && (
                    <Text size="xs" c="dimmed">
                      {member.company}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td w={190}>
                  <Select
                    size="xs"
                    data={stageOptions}
                    value={member.stage}
                    onChange={(v) => v && v !== member.stage && actions.move(member, v as CampaignStage)}
                    aria-label={t('campaignMember.stageOf', { name })}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{member.metOn ? format.date(member.metOn) : '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Text size="sm">{member.referrals}</Text>
                    {member.flagged && (
                      <Badge size="sm" color={flagColor} leftSection={<IconFlag size={12} aria-hidden />}>
                        {t('campaignMember.flagged')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td w={44}>
                  <MoreMenu member={member} actions={actions} />
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
