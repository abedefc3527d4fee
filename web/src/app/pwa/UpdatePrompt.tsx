// Registers the service worker (vite.config.ts, registerType 'prompt'). When a new version has
// been deployed, its worker waits, and the user is offered a reload instead of running stale
// code next to a newer server.
import { Button, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegisterSW } from 'virtual:pwa-register/react';

/** An installed app may stay open for days: look for a new version every hour as well. */
const CHECK_EVERY_MS = 60 * 60 * 1000;
const NOTIFICATION_ID = 'new-version';

export function UpdatePrompt() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const {
    needRefresh: [needRefresh],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW: (_url, registration) => {
      if (registration) setInterval(() => navigator.onLine && void registration.update(), CHECK_EVERY_MS);
    },
  });

  // On the very first visit the page loaded before its worker took charge, so the worker kept
  // none of the answers on screen (the session above all): ask for them again through it, or
  // this screen would not open offline until the next visit.
  useEffect(() => {
    if (!('serviceWorker' in navigator) || navigator.serviceWorker.controller) return;
    const refetch = () => void queryClient.refetchQueries({ type: 'active' });
    navigator.serviceWorker.addEventListener('controllerchange', refetch, { once: true });
    return () => navigator.serviceWorker.removeEventListener('controllerchange', refetch);
  }, [queryClient]);

  useEffect(() => {
    if (!needRefresh) return;
    notifications.show({
      id: NOTIFICATION_ID,
      autoClose: false,
      color: 'sage',
      title: t('offline.updateTitle'),
      message: (
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('offline.updateBody')}</Text>
          {/* The waiting worker takes over, then the page reloads on the new version. */}
          <Button size="xs" onClick={() => void updateServiceWorker(true)}>
            {t('offline.reload')}
          </Button>
        </Stack>
      ),
    });
  }, [needRefresh, t, updateServiceWorker]);

  return null;
}
