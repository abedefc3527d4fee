import { Button, Divider, Group, Stack, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { SectionCard } from '../../ui/SectionCard';

/** Plain links: the browser downloads with the session cookie and names the file from the server. */
export function ExportPanel() {
  const { t } = useTranslation();
  const download = (href: string, label: string, primary = false) => (
    <Button component="a" href={href} download variant={primary ? 'filled' : 'default'} leftSection={<IconDownload size={16} aria-hidden />}>
      {label}
    </Button>
  );
  return (
    <SectionCard title={t('imports.exportTitle')} hint={t('imports.exportHint')} testId="export-panel">
      <Stack gap="md">
        <ExportRow title={t('imports.backupTitle')} hint={t('imports.backupJsonHint')}>
          {download('/api/exports/json', t('imports.backupJson'), true)}
        </ExportRow>
        <Divider />
        <ExportRow title={t('imports.vcardTitle')} hint={t('imports.vcardHint')}>
          {download('/api/exports/vcard?version=4.0', t('imports.vcard4'))}
          {download('/api/exports/vcard?version=3.0', t('imports.vcard3'))}
        </ExportRow>
        <Divider />
        <ExportRow title={t('imports.csvTitle')} hint={t('imports.csvHint')}>
          {download('/api/exports/csv', t('imports.downloadCsv'))}
        </ExportRow>
      </Stack>
    </SectionCard>
  );
}

function ExportRow({ title, hint, children }: { title: string; hint: string; children: ReactNode }) {
  return (
    <Group justify="space-between" align="center" gap="sm">
      <Stack gap={2} style={{ flex: '1 1 260px' }}>
        <Text fw={600} size="sm">
          {title}
        </Text>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
      </Stack>
      <Group gap="xs">{children}</Group>
    </Group>
  );
}
