import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AccountSettings, AccountSettingsPatch, ApiToken, DavConnection, EmailSettings, EmailSettingsPatch, EmailTestResult, Profile, ProfilePatch, TokenCreateBody, TokenCreated,
} from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export function useProfile() {
  return useQuery({ queryKey: queryKeys.profile, queryFn: ({ signal }) => api<Profile>('/api/profile', { signal }) });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ProfilePatch) => api<Profile>('/api/profile', { method: 'PATCH', body }),
    onSuccess: (profile) => {
      queryClient.setQueryData(queryKeys.profile, profile);
      // Name, time zone and weekly target also show up in the session, Today and date maths.
      return Promise.all(
        [queryKeys.me, queryKeys.today, queryKeys.contacts].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

export function useAccountSettings() {
  return useQuery({
    queryKey: queryKeys.settings,
    queryFn: ({ signal }) => api<AccountSettings>('/api/settings', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useUpdateAccountSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AccountSettingsPatch) => api<AccountSettings>('/api/settings', { method: 'PATCH', body }),
    onSuccess: (settings) => {
      queryClient.setQueryData(queryKeys.settings, settings);
      // Cadences decide who is due to keep in touch.
      return Promise.all(
        [queryKeys.today, queryKeys.contacts].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

/** What to type on a phone for CardDAV (Settings → Connect your phone). */
export function useDavConnection() {
  return useQuery({ queryKey: queryKeys.davConnection, queryFn: ({ signal }) => api<DavConnection>('/api/dav/connection', { signal }), staleTime: Infinity });
}

export function useApiTokens() {
  return useQuery({ queryKey: queryKeys.tokens, queryFn: ({ signal }) => api<ApiToken[]>('/api/tokens', { signal }) });
}

export function useCreateApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: TokenCreateBody) => api<TokenCreated>('/api/tokens', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useRevokeApiToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/tokens/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.tokens }),
  });
}

export function useEmailSettings() {
  return useQuery({ queryKey: queryKeys.emailSettings, queryFn: ({ signal }) => api<EmailSettings>('/api/email/settings', { signal }) });
}

export function useUpdateEmailSettings() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EmailSettingsPatch) => api<EmailSettings>('/api/email/settings', { method: 'PATCH', body }),
    onSuccess: (settings) => queryClient.setQueryData(queryKeys.emailSettings, settings),
  });
}

/** Sends a test e-mail now; the answer says whether the mail server took it. */
export function useSendTestEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<EmailTestResult>('/api/email/test', { method: 'POST', body: {} }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.emailSettings }),
  });
}
