import { Alert, Button } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../app/queryClient';

/** A query that failed: say so in words and offer a retry. */
export function LoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('errors.loadFailed')} role="alert">
      {errorMessage(error)}{' '}
      <Button variant="subtle" color="red" size="compact-sm" onClick={onRetry}>
        {t('common.retry')}
      </Button>
    </Alert>
  );
}
