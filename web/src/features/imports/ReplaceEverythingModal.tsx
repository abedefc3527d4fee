import { Anchor, List, Text } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ConfirmModal } from '../../ui/ConfirmModal';

const losses = ['contacts', 'history', 'plans', 'profile'] as const;

/** Restoring over an account that has data: say exactly what goes, and offer a backup of it first. */
export function ReplaceEverythingModal({ opened, onClose, onConfirm }: { opened: boolean; onClose: () => void; onConfirm: () => void }) {
  const { t } = useTranslation();
  return (
    <ConfirmModal opened={opened} onClose={onClose} title={t('imports.replaceTitle')} confirmLabel={t('imports.replaceConfirm')} onConfirm={onConfirm}>
      <Text size="sm">{t('imports.replaceIntro')}</Text>
      <List size="sm" spacing={4}>
        {losses.map((key) => (
          <List.Item key={key}>{t(`imports.replaceLoses.${key}`)}</List.Item>
        ))}
      </List>
      <Text size="sm" c="dimmed">
        {t('imports.replaceKeeps')}
      </Text>
      <Anchor href="/api/exports/json" download size="sm" style={{ display: 'inline-flex', alignItems: 'center', gap: 6 }}>
        <IconDownload size={16} aria-hidden />
        {t('imports.downloadFirst')}
      </Anchor>
    </ConfirmModal>
  );
}
