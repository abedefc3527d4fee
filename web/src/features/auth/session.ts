// The session: whether Círculo needs its first user, who is logged in, and the CSRF token
// that every cookie-authenticated write must echo.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me, SetupBody, SetupStatus } from '@shared/schemas/index.js';
import { api, isApiError, setCsrfToken } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { forgetCachedApiAnswers } from '../../app/pwa/apiCache';

export function useAuthStatus() {
  return useQuery({
    queryKey: queryKeys.authStatus,
    queryFn: () => api<SetupStatus>('/api/auth/status'),
    staleTime: Infinity,
  });
}

async function fetchMe(): Promise<Me | null> {
  try {
    const me = await api<Me>('/api/auth/me');
    setCsrfToken(me.csrfToken);
    return me;
  } catch (error) {
    if (isApiError(error, 401)) return null; // Not logged in is an answer, not an error.
    throw error;
  }
}

/** `data` is the session, `null` when logged out, `undefined` while loading. */
export function useMe() {
  return useQuery({ queryKey: queryKeys.me, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

function useStartSession() {
  const queryClient = useQueryClient();
  return async (me: Me) => {
    // What the service worker kept for whoever used this browser before is not this person's.
    await forgetCachedApiAnswers();
    setCsrfToken(me.csrfToken);
    queryClient.setQueryData(queryKeys.me, me);
    queryClient.setQueryData<SetupStatus>(queryKeys.authStatus, { needsSetup: false });
  };
}

export function useSetup() {
  const startSession = useStartSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SetupBody) => api<Me>('/api/auth/setup', { method: 'POST', body }),
    onSuccess: startSession,
    onError: (error) => {
      // Someone finished setup first: this browser should log in instead.
      if (isApiError(error, 409)) queryClient.setQueryData<SetupStatus>(queryKeys.authStatus, { needsSetup: false });
    },
  });
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (body: LoginBody) => api<Me>('/api/auth/login', { method: 'POST', body }),
    onSuccess: startSession,
    meta: { ownErrorMessage: true }, // The login form explains bad credentials itself.
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    // Whatever the server says, forget everything this browser knew about the account.
    onSettled: async () => {
      await forgetCachedApiAnswers();
      setCsrfToken(null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      queryClient.setQueryData(queryKeys.me, null);
    },
  });
}
