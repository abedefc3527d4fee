import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  PasswordChangeBody, PasswordChanged, Reauthentication, RecoveryCodes, SessionInfo, SessionsEnded, TotpEnrolment, TotpStatus,
} from '@shared/schemas/index.js';
import { api } from '../../api/client';

// Not under 'auth': logging out forgets everything but the 'auth' queries, and these are private.
const keys = {
  sessions: ['security', 'sessions'] as const,
  totp: ['security', 'totp'] as const,
};

export function useSessions() {
  return useQuery({ queryKey: keys.sessions, queryFn: ({ signal }) => api<SessionInfo[]>('/api/auth/sessions', { signal }) });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.sessions }),
  });
}

export function useEndOtherSessions() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<SessionsEnded>('/api/auth/sessions/end-others', { method: 'POST' }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: keys.sessions }),
  });
}

export function useChangePassword() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PasswordChangeBody) => api<PasswordChanged>('/api/auth/password', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.sessions }),
    meta: { ownErrorMessage: true }, // The form shows a wrong current password by the field.
  });
}

export function useTotpStatus() {
  return useQuery({ queryKey: keys.totp, queryFn: ({ signal }) => api<TotpStatus>('/api/auth/totp', { signal }) });
}

export function useStartTotpEnrolment() {
  return useMutation({
    mutationFn: (password: string) => api<TotpEnrolment>('/api/auth/totp/enrol', { method: 'POST', body: { password } }),
    meta: { ownErrorMessage: true },
  });
}

export function useConfirmTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (totpCode: string) => api<RecoveryCodes>('/api/auth/totp/confirm', { method: 'POST', body: { totpCode } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.totp }),
    meta: { ownErrorMessage: true },
  });
}

export function useRegenerateRecoveryCodes() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proof: Reauthentication) => api<RecoveryCodes>('/api/auth/totp/recovery-codes', { method: 'POST', body: proof }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.totp }),
    meta: { ownErrorMessage: true },
  });
}

export function useDisableTotp() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (proof: Reauthentication) => api<void>('/api/auth/totp/disable', { method: 'POST', body: proof }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: keys.totp }),
    meta: { ownErrorMessage: true },
  });
}
