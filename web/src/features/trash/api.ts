import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TrashEmptied, TrashItem, TrashRestored } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export function useTrash() {
  return useQuery({ queryKey: queryKeys.trash, queryFn: ({ signal }) => api<TrashItem[]>('/api/trash', { signal }) });
}

/** A restored contact is back in every list, Today and the follow-ups included. */
export function useRestoreFromTrash() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<TrashRestored>(`/api/trash/${id}/restore`, { method: 'POST', body: {} }),
    onSuccess: () =>
      queryClient.invalidateQueries({ predicate: (q) => ['trash', 'contacts', 'today', 'followups', 'favors', 'events', 'campaigns'].includes(String(q.queryKey[0])) }),
  });
}

export function useEmptyTrash() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<TrashEmptied>('/api/trash', { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.trash }),
  });
}
