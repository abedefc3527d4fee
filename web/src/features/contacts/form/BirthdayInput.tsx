import { Group, Input, Select, TextInput } from '@mantine/core';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocaleFor } from '../../../i18n/format';
import { toLanguage } from '../../../i18n';

/** Sent when only part of a date is filled, so validation flags it instead of dropping it. */
export const INCOMPLETE_BIRTHDAY = 'incomplete';

interface Parts {
  day: string;
  month: string;
  year: string;
}

function split(value: string): Parts {
  const match = /^(\d{4}|-)-?(\d{2})-(\d{2})$/.exec(value);
  if (!match) return { day: '', month: '', year: '' };
  return { year: match[1] === '-' ? '' : (match[1] ?? ''), month: match[2] ?? '', day: String(Number(match[3])) };
}

function join({ day, month, year }: Parts): string {
  if (!day && !month && !year) return '';
  if (!day || !month) return INCOMPLETE_BIRTHDAY;
  const dd = day.padStart(2, '0');
  return year ? `${year}-${month}-${dd}` : `--${month}-${dd}`;
}

/** Day, month and an optional year: many people know a birthday but not the year. */
export function BirthdayInput({ value, onChange, error }: { value: string; onChange: (v: string) => void; error?: string }) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const [parts, setParts] = useState(() => split(value));
  const locale = intlLocaleFor(toLanguage(i18n.resolvedLanguage));
  const months = useMemo(() => {
    const format = new Intl.DateTimeFormat(locale, { month: 'long', timeZone: 'UTC' });
    return Array.from({ length: 12 }, (_, i) => ({
      value: String(i + 1).padStart(2, '0'),
      label: format.format(new Date(Date.UTC(2000, i, 1))),
    }));
  }, [locale]);

  const update = (patch: Partial<Parts>) => {
    const next = { ...parts, ...patch };
    setParts(next);
    onChange(join(next));
  };

  return (
    <Input.Wrapper label={t('contactForm.birthday')} error={error} labelElement="div" id={labelId}>
      <Group gap={6} mt={4} wrap="nowrap" role="group" aria-labelledby={`${labelId}-label`}>
        <TextInput
          aria-label={t('contactForm.birthdayDay')}
          placeholder={t('contactForm.day')}
          inputMode="numeric"
          maxLength={2}
          w={72}
          value={parts.day}
          onChange={(e) => update({ day: e.currentTarget.value.replace(/\D/g, '') })}
          error={Boolean(error)}
        />
        <Select
          aria-label={t('contactForm.birthdayMonth')}
          placeholder={t('contactForm.month')}
          data={months}
          value={parts.month || null}
          onChange={(v) => update({ month: v ?? '' })}
          clearable
          style={{ flex: 1 }}
          error={Boolean(error)}
        />
        <TextInput
          aria-label={t('contactForm.birthdayYear')}
          placeholder={t('contactForm.year')}
          inputMode="numeric"
          maxLength={4}
          w={84}
          value={parts.year}
          onChange={(e) => update({ year: e.currentTarget.value.replace(/\D/g, '') })}
          error={Boolean(error)}
        />
      </Group>
    </Input.Wrapper>
  );
}
