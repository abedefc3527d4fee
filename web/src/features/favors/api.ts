// Server state for the give-and-take ledger. A favor moves Today (loops to close, give-backs),
// a contact's page (favors, reciprocity, timeline), follow-ups and the weekly review.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Favor, FavorCreate, FavorOutcome, FavorPage, FavorThank, ReciprocitySummary,
} from '@shared/schemas/favors.js';
import { api } from '../../api/client';
import { queryKeys, type FavorFilters } from '../../api/queryKeys';

const PAGE_SIZE = 30;

export function useFavorList(filters: FavorFilters, enabled = true) {
  return useInfiniteQuery({
    queryKey: queryKeys.favorList(filters),
    queryFn: ({ pageParam, signal }) =>
      api<FavorPage>('/api/favors', {
        query: { ...filters, noNews: filters.noNews ? 'true' : undefined, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** Given and received in the last 12 months, and whom to give back to. */
export function useReciprocity() {
  return useQuery({
    queryKey: queryKeys.reciprocity,
    queryFn: ({ signal }) => api<ReciprocitySummary>('/api/favors/reciprocity', { signal }),
  });
}

function useInvalidateFavors() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [queryKeys.favors, queryKeys.today, queryKeys.contacts, queryKeys.followups, queryKeys.review].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

export function useCreateFavor() {
  const invalidate = useInvalidateFavors();
  return useMutation({
    mutationFn: (body: FavorCreate) => api<Favor>('/api/favors', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useThankFavor() {
  const invalidate = useInvalidateFavors();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FavorThank }) =>
      api<Favor>(`/api/favors/${id}/thank`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useRecordOutcome() {
  const invalidate = useInvalidateFavors();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: FavorOutcome }) =>
      api<Favor>(`/api/favors/${id}/outcome`, { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useDeleteFavor() {
  const invalidate = useInvalidateFavors();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/favors/${id}`, { method: 'DELETE' }),
    onSuccess: invalidate,
  });
}
