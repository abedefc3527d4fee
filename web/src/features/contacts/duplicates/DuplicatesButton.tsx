import { Badge, Button } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useDuplicateCount } from './api';

/** The way to the duplicates screen from the contacts list, with how many pairs wait there. */
export function DuplicatesButton() {
  const { t } = useTranslation();
  const count = useDuplicateCount().data ?? 0;
  return (
    <Button
      component={Link}
      to="/contacts/duplicates"
      variant="default"
      leftSection={<IconCopy size={18} aria-hidden />}
      rightSection={count > 0 ? <Badge size="sm" circle={count < 10} aria-hidden>{count}</Badge> : undefined}
      aria-label={count > 0 ? t('duplicates.openWithCount', { count }) : t('duplicates.open')}
    >
      {t('duplicates.open')}
    </Button>
  );
}
