import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocaleFor } from '../../i18n/format';
import { toLanguage } from '../../i18n';
import { useMe } from '../auth/session';

/**
 * "Fri, Nov 20, 6:00 PM – 9:00 PM" (the end's day is left out when it is the same), in the
 * user's time zone; `formatRange` keeps each language's own order and separators.
 */
export function useEventWhen() {
  const { i18n } = useTranslation();
  const timeZone = useMe().data?.user.timeZone;
  const locale = intlLocaleFor(toLanguage(i18n.resolvedLanguage));
  return useMemo(() => {
    let format: Intl.DateTimeFormat;
    const options: Intl.DateTimeFormatOptions = { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: 'numeric', minute: '2-digit' };
    try {
      format = new Intl.DateTimeFormat(locale, { ...options, timeZone });
    } catch {
      format = new Intl.DateTimeFormat(locale, options);
    }
    return (event: { startsAt: string; endsAt: string | null }) =>
      event.endsAt ? format.formatRange(new Date(event.startsAt), new Date(event.endsAt)) : format.format(new Date(event.startsAt));
  }, [locale, timeZone]);
}

/** Whether the event is over (its end, else its start, has passed): the page then opens on "After". */
export const isOver = (event: { startsAt: string; endsAt: string | null }, now = Date.now()) =>
  new Date(event.endsAt ?? event.startsAt).getTime() < now;
