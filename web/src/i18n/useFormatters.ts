import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useMe } from '../features/auth/session';
import { intlLocaleFor, isoDateIn, makeFormatters, type Formatters } from './format';
import { toLanguage } from './index';

/** Formatters for the chosen language, with times shown in the user's time zone. */
export function useFormatters(): Formatters {
  const { i18n } = useTranslation();
  const timeZone = useMe().data?.user.timeZone;
  const locale = intlLocaleFor(toLanguage(i18n.resolvedLanguage));
  return useMemo(() => makeFormatters(locale, timeZone), [locale, timeZone]);
}

/** Today's date where the user lives (their profile time zone), as `YYYY-MM-DD`. */
export function useUserToday(): string {
  const timeZone = useMe().data?.user.timeZone;
  return isoDateIn(new Date(), timeZone);
}
