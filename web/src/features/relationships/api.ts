// Server state for ties between contacts (docs/domain.md#ties-between-contacts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RelationshipCreate, Tie, TieList } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export function useTies(contactId: string) {
  return useQuery({
    queryKey: queryKeys.ties(contactId),
    queryFn: ({ signal }) => api<TieList>(`/api/contacts/${contactId}/relationships`, { signal }),
  });
}

/** A tie shows on both people's pages, and the intros and network read ties: refresh them all. */
function useInvalidateTies() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: ['contacts', 'ties'] }),
      queryClient.invalidateQueries({ queryKey: queryKeys.intros }),
      queryClient.invalidateQueries({ queryKey: queryKeys.network }),
    ]);
}

export function useAddTie(contactId: string) {
  const invalidate = useInvalidateTies();
  return useMutation({
    mutationFn: (body: RelationshipCreate) => api<Tie>(`/api/contacts/${contactId}/relationships`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useRemoveTie(contactId: string) {
  const invalidate = useInvalidateTies();
  return useMutation({
    mutationFn: (otherId: string) => api<null>(`/api/contacts/${contactId}/relationships/${otherId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
