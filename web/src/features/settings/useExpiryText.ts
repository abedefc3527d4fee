import { useTranslation } from 'react-i18next';
import { tokenExpiry } from '@shared/rules/api-tokens.js';

/** "Expires in 12 days", "Expired", "Never expires", on this browser's clock. */
export function useExpiryText() {
  const { t } = useTranslation();
  return (expiresAt: string | null) => {
    const expiry = tokenExpiry(expiresAt ? new Date(expiresAt) : null, new Date());
    if (expiry.state === 'never') return t('settings.neverExpires');
    if (expiry.state === 'expired') return t('settings.expired');
    return expiry.daysLeft === 0 ? t('settings.expiresWithinDay') : t('settings.expiresIn', { count: expiry.daysLeft });
  };
}
