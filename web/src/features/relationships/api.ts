// Server state for ties between contacts (docs/domain.md#ties-between-contacts).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { IntroPaths, IntroRequest, IntroRequested, RelationshipCreate, Tie, TieList } from '@shared/schemas/index.js';
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
    meta: { ownErrorMessage: true }, // The form says "already tied" and names bad fields itself.
  });
}

export function useRemoveTie(contactId: string) {
  const invalidate = useInvalidateTies();
  return useMutation({
    mutationFn: (otherId: string) => api<null>(`/api/contacts/${contactId}/relationships/${otherId}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}

/** Warm-introduction paths to a contact, a company or a text (docs/domain.md#warm-introductions). */
export function useIntroPaths(query: { contactId?: string; company?: string; q?: string }, enabled = true) {
  const clean = Object.fromEntries(Object.entries(query).filter(([, v]) => v)) as Record<string, string>;
  return useQuery({
    queryKey: queryKeys.introPaths(clean),
    queryFn: ({ signal }) => api<IntroPaths>('/api/intros', { query: clean, signal }),
    enabled: enabled && Object.keys(clean).length === 1,
  });
}

export function useRequestIntro() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: IntroRequest) => api<IntroRequested>('/api/intros/requests', { method: 'POST', body }),
    // A touch and a follow-up with the introducer: their page, Today and the intros change.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.contacts }),
        queryClient.invalidateQueries({ queryKey: queryKeys.followups }),
        queryClient.invalidateQueries({ queryKey: queryKeys.today }),
        queryClient.invalidateQueries({ queryKey: queryKeys.intros }),
      ]),
  });
}
