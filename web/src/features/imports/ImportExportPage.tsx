// A screen of its own (in the navigation, beside Settings) rather than a Settings section: it is
// the first thing a new user needs after setup, a step-by-step flow too long to sit among the
// preferences, and the Contacts page and Settings both link here.
import { Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../ui/PageHeader';
import { CalendarSubscriptionsPanel } from '../calendar-import/CalendarSubscriptionsPanel';
import { PeopleMetPanel } from '../calendar-import/PeopleMetPanel';
import { CalendarFeedPanel } from './CalendarFeedPanel';
import { ExportPanel } from './ExportPanel';
import { ImportPanel } from './ImportPanel';

export function ImportExportPage() {
  const { t } = useTranslation();
  return (
    <Stack gap="lg" maw={900}>
      <PageHeader title={t('imports.title')} subtitle={t('imports.subtitle')} />
      <ImportPanel />
      <PeopleMetPanel />
      <CalendarSubscriptionsPanel />
      <ExportPanel />
      <CalendarFeedPanel />
    </Stack>
  );
}
