import { ActionIcon, Anchor, Avatar, Badge, Button, Grid, Group, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconArrowLeft, IconPencil, IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { NotFoundScreen } from '../../app/ErrorScreen';
import { circleColor } from '../../app/theme';
import { LoadError } from '../../ui/LoadError';
import { SectionCard } from '../../ui/SectionCard';
import { ContactCampaigns } from '../campaigns/ContactCampaigns';
import { AskOnlyBanner } from '../favors/AskOnlyBanner';
import { ContactFavors } from '../favors/ContactFavors';
import { LogTouchForm } from '../interactions/LogTouchForm';
import { useContact } from './api';
import { CircleBadge, StageBadge } from './ContactBadges';
import { workLine } from './ContactRow';
import { initials } from './initials';
import { CommonGroundCard } from './page/CommonGroundCard';
import { ContactFollowups } from './page/ContactFollowups';
import { ContactTimeline } from './page/ContactTimeline';
import { DeleteContactButton } from './page/DeleteContactButton';
import { ProfileCard } from './page/ProfileCard';
import { StageSuggestion } from './page/StageSuggestion';
import { ContactTies } from '../relationships/ContactTies';
import { ContactIntros } from '../relationships/ContactIntros';
import { StrengthBadge } from '../relationships/StrengthBadge';

const SUMMARY_ID = 'log-touch-summary';

/** On a phone the quick form sits below the profile; this brings it into view, ready to type. */
function jumpToLogTouch() {
  const summary = document.getElementById(SUMMARY_ID);
  summary?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  summary?.focus({ preventScroll: true });
}

export function ContactPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const query = useContact(id);
  useDocumentTitle(query.data ? `${query.data.displayName} · Círculo` : 'Círculo');

  if (query.isError) {
    if (isApiError(query.error, 404) || isApiError(query.error, 400)) return <NotFoundScreen />;
    return <LoadError error={query.error} onRetry={() => void query.refetch()} />;
  }
  if (query.isPending) {
    return (
      <Stack aria-busy="true">
        <Skeleton h={72} />
        <Skeleton h={320} />
      </Stack>
    );
  }
  const contact = query.data;

  return (
    <>
      <Anchor component={Link} to="/contacts" size="sm" c="dimmed">
        <IconArrowLeft size={14} aria-hidden style={{ verticalAlign: '-2px' }} /> {t('contact.back')}
      </Anchor>
      <Group justify="space-between" align="center" mt="xs" mb="lg" gap="md">
        <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
          <Avatar src={contact.photo} color={circleColor[contact.circle]} size={64} radius="xl" alt="">
            {initials(contact.displayName)}
          </Avatar>
          <Stack gap={4} style={{ minWidth: 0 }}>
            <Title order={1} size="h2" style={{ overflowWrap: 'anywhere' }}>
              {contact.displayName}
            </Title>
            {workLine(contact) && <Text c="dimmed">{workLine(contact)}</Text>}
            <Group gap={6}>
              <CircleBadge value={contact.circle} />
              {contact.kind && <Badge color="gray">{t(`enums.kind.${contact.kind}`)}</Badge>}
              <StageBadge value={contact.stage} />
              <StrengthBadge strength={contact.strength} />
              {contact.askOnly && (
                <Badge color="orange" variant="filled" title={t('contact.askOnlyTitle')}>
                  {t('contact.askOnlyBadge')}
                </Badge>
              )}
            </Group>
          </Stack>
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button leftSection={<IconSend size={16} aria-hidden />} onClick={jumpToLogTouch} hiddenFrom="md">
            {t('contact.logTouch')}
          </Button>
          <Button
            variant="default"
            component={Link}
            to={`/contacts/${contact.id}/edit`}
            leftSection={<IconPencil size={16} aria-hidden />}
            visibleFrom="xs"
          >
            {t('common.edit')}
          </Button>
          <ActionIcon
            variant="default"
            size="lg"
            component={Link}
            to={`/contacts/${contact.id}/edit`}
            aria-label={t('common.edit')}
            hiddenFrom="xs"
          >
            <IconPencil size={18} aria-hidden />
          </ActionIcon>
          <DeleteContactButton contact={contact} />
        </Group>
      </Group>

      <AskOnlyBanner contact={contact} onLogNurture={jumpToLogTouch} />
      <StageSuggestion contact={contact} />
      <Grid gutter="lg">
        <Grid.Col span={{ base: 12, md: 5, lg: 4 }}>
          <Stack gap="lg">
            <ProfileCard contact={contact} />
            <CommonGroundCard contact={contact} />
            <ContactTies contact={contact} />
            <ContactIntros contact={contact} />
            <ContactCampaigns contact={contact} />
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7, lg: 8 }}>
          <Stack gap="lg">
            <SectionCard title={t('contact.logTouch')} testId="log-touch">
              <LogTouchForm contactId={contact.id} summaryId={SUMMARY_ID} />
            </SectionCard>
            <ContactFollowups contact={contact} />
            <ContactFavors contact={contact} />
            <ContactTimeline contactId={contact.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
