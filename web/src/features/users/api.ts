import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { UserCreateBody, UserPage, UserSummary } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

/** Every user of the installation (owner only). A Círculo has a handful: one page of 500 holds them. */
export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users,
    queryFn: ({ signal }) => api<UserPage>('/api/users', { query: { limit: 500 }, signal }),
  });
}

function useUserMutation<T>(request: (input: T) => Promise<UserSummary>, meta?: { ownErrorMessage?: boolean }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.users }),
    ...(meta ? { meta } : {}),
  });
}

export const useAddUser = () =>
  // The form shows field errors and the taken e-mail itself.
  useUserMutation((body: UserCreateBody) => api<UserSummary>('/api/users', { method: 'POST', body }), { ownErrorMessage: true });

export const useDisableUser = () => useUserMutation((id: string) => api<UserSummary>(`/api/users/${id}/disable`, { method: 'POST' }));

export const useEnableUser = () => useUserMutation((id: string) => api<UserSummary>(`/api/users/${id}/enable`, { method: 'POST' }));
