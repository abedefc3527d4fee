import { mergeThemeOverrides, MantineProvider } from '@mantine/core';
import { useMemo } from 'react';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { RouterProvider } from 'react-router';
import { toLanguage } from '../i18n';
import { queryClient } from './queryClient';
import { UpdatePrompt } from './pwa/UpdatePrompt';
import { router } from './router';
import { cssVariablesResolver, theme } from './theme';

export function App() {
  const { t, i18n } = useTranslation();
  // Every modal's and drawer's close button is named in the user's language (screen readers).
  const localisedTheme = useMemo(
    () =>
      mergeThemeOverrides(theme, {
        components: {
          Modal: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
          Drawer: { defaultProps: { closeButtonProps: { 'aria-label': t('common.close') } } },
        },
      }),
    [t],
  );
  return (
    <MantineProvider theme={localisedTheme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="light">
      <DatesProvider settings={{ locale: toLanguage(i18n.resolvedLanguage), firstDayOfWeek: 1 }}>
        <Notifications position="top-right" limit={4} />
        <QueryClientProvider client={queryClient}>
          <UpdatePrompt />
          <RouterProvider router={router} />
        </QueryClientProvider>
      </DatesProvider>
    </MantineProvider>
  );
}
