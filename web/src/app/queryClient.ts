// One QueryClient for the app. Failed writes are reported here once, politely, so each
// screen only has to show field errors next to its inputs.
import { notifications } from '@mantine/notifications';
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from '../api/client';
import { queryKeys } from '../api/queryKeys';
import i18n from '../i18n';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { ownErrorMessage?: boolean };
  }
}

export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (Object.keys(error.fieldErrors).length > 0) return i18n.t('errors.fixFields');
    return error.problem?.detail ?? error.problem?.title ?? error.message;
  }
  if (error instanceof TypeError) return i18n.t('errors.network'); // fetch failed to connect
  return i18n.t('errors.title');
}

export function notifyError(error: unknown) {
  notifications.show({ color: 'red', title: i18n.t('errors.requestFailed'), message: errorMessage(error) });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'sage', message, autoClose: 3000 });
}

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Try the network even when the browser says it is offline: the service worker answers
      // from what it kept (vite.config.ts), so screens already visited still load.
      networkMode: 'offlineFirst',
      staleTime: 30_000,
      refetchOnWindowFocus: true,
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
  queryCache: new QueryCache({
    onError: (error) => {
      // The session expired or was revoked: the route guard sends the user to log in.
      if (isApiError(error, 401)) queryClient.setQueryData(queryKeys.me, null);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => {
      if (mutation.meta?.ownErrorMessage) return;
      if (isApiError(error, 401)) {
        queryClient.setQueryData(queryKeys.me, null);
        return;
      }
      notifyError(error);
    },
  }),
});
