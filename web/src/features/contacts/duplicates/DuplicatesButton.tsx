import { Button } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/**
 * The way to the duplicates screen from the contacts list. No count here on purpose: finding
 * duplicates scans the whole account (seconds for 30,000 contacts on the embedded database,
 * which serves one query at a time), too much to pay on every visit to Contacts.
 */
export function DuplicatesButton() {
  const { t } = useTranslation();
  return (
    <Button component={Link} to="/contacts/duplicates" variant="default" leftSection={<IconCopy size={18} aria-hidden />}>
      {t('duplicates.open')}
    </Button>
  );
}
