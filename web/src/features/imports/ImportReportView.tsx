import { Alert, Button, Group, List, Paper, SimpleGrid, Stack, Table, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { backupSectionKeys } from '@shared/schemas/backup.js';
import { warnedFields, type CsvFormat, type ImportNotice, type ImportReport, type ImportSkip } from '@shared/schemas/index.js';
import { useFormatters } from '../../i18n/useFormatters';
import { PersonMetRow } from '../calendar-import/PeopleMetPanel';
import { RowList } from '../../ui/ListRow';

interface ImportReportViewProps {
  report: ImportReport;
  /** A Google or Outlook CSV whose columns were matched without asking. */
  recognised?: CsvFormat | undefined;
  onAnother: () => void;
}

export function ImportReportView({ report, recognised, onAnother }: ImportReportViewProps) {
  const { t } = useTranslation();
  const restored = report.restored;
  // Conversations and invitations come from LinkedIn (and backups); a vCard or CSV never has any.
  const calendar = report.source === 'ical';
  const hasHistory = !calendar && (report.source === 'linkedin' || report.source === 'json' || report.interactions.created + report.invitations.created > 0);
  // The report replaces the form: move focus (and a screen reader) to its heading.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  // The skipped list says itself how many it shows.
  const notices = report.notices.filter((notice) => notice.code !== 'more_skipped');
  const noticeText = (notice: ImportNotice) => {
    const { field, ...values } = notice.values;
    const place = [
      notice.file,
      notice.card !== undefined ? t('imports.card', { card: notice.card }) : undefined,
      notice.line !== undefined ? t('imports.line', { line: notice.line }) : undefined,
    ]
      .filter(Boolean)
      .join(', ');
    const known = warnedFields.find((name) => name === field);
    const text = t(`imports.warningCodes.${notice.code}`, { ...values, ...(known ? { field: t(`imports.fields.${known}`) } : {}) });
    return place ? `${place}: ${text}` : text;
  };
  return (
    <Stack gap="md" data-testid="import-report" aria-live="polite">
      <Group gap="sm" wrap="nowrap">
        <ThemeIcon color="sage" variant="light" radius="xl" size="lg" aria-hidden>
          <IconCircleCheck size={20} />
        </ThemeIcon>
        <Title order={3} size="h4" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {restored ? t('imports.restoredTitle') : t('imports.reportTitle')}
        </Title>
      </Group>
      {recognised && recognised !== 'generic' && (
        <Text size="sm" c="dimmed">
          {t('imports.recognised', { format: t(`imports.formats.${recognised}`) })}
        </Text>
      )}
      <SimpleGrid cols={{ base: 2, sm: 3 }} spacing="sm" component="dl" m={0}>
        {calendar && (
          <Stat
            name="meetings"
            label={t('calendarImport.reportTouches')}
            value={report.interactions.created}
            highlight
            detail={
              [
                (report.interactions.updated ?? 0) > 0 && t('calendarImport.reportUpdated', { count: report.interactions.updated }),
                (report.interactions.removed ?? 0) > 0 && t('calendarImport.reportRemoved', { count: report.interactions.removed }),
                report.interactions.unchanged > 0 && t('imports.alreadyThere', { count: report.interactions.unchanged }),
              ]
                .filter(Boolean)
                .join(' · ') || undefined
            }
          />
        )}
        {!calendar && <Stat name="created" label={t('imports.created')} value={report.created} highlight />}
        {!restored && !calendar && <Stat name="updated" label={t('imports.updated')} value={report.updated} />}
        {!restored && !calendar && <Stat name="unchanged" label={t('imports.unchanged')} value={report.unchanged} />}
        {hasHistory && (
          <>
            <Stat
              name="interactions"
              label={t('imports.interactions')}
              value={report.interactions.created}
              detail={report.interactions.unchanged > 0 ? t('imports.alreadyThere', { count: report.interactions.unchanged }) : undefined}
            />
            <Stat
              name="invitations"
              label={t('imports.invitations')}
              value={report.invitations.created}
              detail={
                [
                  report.invitations.updated > 0 && t('imports.invitationsUpdated', { count: report.invitations.updated }),
                  report.invitations.unchanged > 0 && t('imports.alreadyThere', { count: report.invitations.unchanged }),
                ]
                  .filter(Boolean)
                  .join(' · ') || undefined
              }
            />
          </>
        )}
      </SimpleGrid>
      {report.peopleMet && report.peopleMet.length > 0 && (
        <Stack gap="xs" component="section" aria-label={t('calendarImport.peopleTitle')}>
          <Title order={4} size="h5">
            {t('calendarImport.peopleTitle')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('calendarImport.peopleHint')}
          </Text>
          <RowList label={t('calendarImport.peopleList')}>
            {report.peopleMet.map((person) => (
              <PersonMetRow key={person.email} person={person} />
            ))}
          </RowList>
        </Stack>
      )}
      {restored && <RestoredSections restored={restored.restored} idsChanged={restored.idsChanged} />}
      {notices.length > 0 && (
        <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} title={t('imports.warnings')}>
          <List size="sm" spacing={2}>
            {notices.map((notice, i) => (
              <List.Item key={i}>{noticeText(notice)}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {report.skippedTotal > 0 && <SkippedList skipped={report.skipped} total={report.skippedTotal} />}
      <Group gap="sm">
        <Button component={Link} to="/contacts">
          {t('imports.goToContacts')}
        </Button>
        <Button variant="default" onClick={onAnother}>
          {t('imports.importAnother')}
        </Button>
      </Group>
    </Stack>
  );
}

interface StatProps {
  name: string;
  label: string;
  value: number;
  detail?: string | undefined;
  highlight?: boolean;
}

function Stat({ name, label, value, detail, highlight }: StatProps) {
  const format = useFormatters();
  return (
    <Paper withBorder p="sm" radius="md" bg={highlight ? 'var(--mantine-primary-color-light)' : undefined} data-testid={`stat-${name}`}>
      <Text component="dt" size="xs" c="dimmed" tt="uppercase" fw={600} lh={1.3}>
        {label}
      </Text>
      {/* The detail belongs to the value: inside the <dd>, since a <dl>'s group holds only <dt> and <dd>. */}
      <Text component="dd" m={0}>
        <Text span display="block" fz={28} fw={700} lh={1.2}>
          {format.number(value)}
        </Text>
        {detail && (
          <Text span display="block" size="xs" c="dimmed">
            {detail}
          </Text>
        )}
      </Text>
    </Paper>
  );
}

function RestoredSections({ restored, idsChanged }: { restored: Record<string, number>; idsChanged: number }) {
  const { t } = useTranslation();
  const parts = backupSectionKeys.filter((key) => (restored[key] ?? 0) > 0).map((key) => `${restored[key]} ${t(`imports.sections.${key}`)}`);
  return (
    <Stack gap={4}>
      <Text size="sm">
        {t('imports.restoredSummary')} {parts.join(', ') || '0'}.
      </Text>
      {idsChanged > 0 && (
        <Text size="sm" c="dimmed">
          {t('imports.idsChanged', { count: idsChanged })}
        </Text>
      )}
    </Stack>
  );
}

function SkippedList({ skipped, total }: { skipped: ImportSkip[]; total: number }) {
  const { t } = useTranslation();
  const where = (skip: ImportSkip) =>
    [skip.file, skip.line !== undefined && t('imports.line', { line: skip.line }), skip.card !== undefined && t('imports.card', { card: skip.card })]
      .filter(Boolean)
      .join(', ');
  return (
    <Stack gap="xs" component="section" aria-label={t('imports.skippedTitle', { count: total })}>
      <Title order={4} size="h5">
        {t('imports.skippedTitle', { count: total })}
      </Title>
      <Text size="sm" c="dimmed">
        {t('imports.skippedHint')}
        {total > skipped.length && ` ${t('imports.skippedShown', { shown: skipped.length, total })}`}
      </Text>
      <Table.ScrollContainer minWidth={300} mah={360} type="native">
        <Table striped withTableBorder fz="sm" verticalSpacing={6} stickyHeader>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w="35%">{t('imports.skippedWhere')}</Table.Th>
              <Table.Th>{t('imports.skippedWhy')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {skipped.map((skip, i) => (
              <Table.Tr key={i}>
                <Table.Td style={{ overflowWrap: 'anywhere' }}>{where(skip)}</Table.Td>
                <Table.Td title={skip.reason}>{t(`imports.skipCodes.${skip.code}`)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
