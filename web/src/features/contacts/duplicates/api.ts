// Server state for possible duplicates and merging them.
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import type { Contact, DuplicatePage } from '@shared/schemas/index.js';
import { api } from '../../../api/client';

// Under `contacts`, so any change to a contact refreshes the list of its possible duplicates.
const duplicatesKey = ['contacts', 'duplicates'] as const;
/** The finder reads the whole account: no need to ask again on every visit. */
const STALE_MS = 60_000;

export function useDuplicates() {
  return useInfiniteQuery({
    queryKey: [...duplicatesKey, 'list'],
    queryFn: ({ pageParam, signal }) => api<DuplicatePage>('/api/contacts/duplicates', { query: { limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    staleTime: STALE_MS,
  });
}

export function useMergeContacts() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ keptId, otherId }: { keptId: string; otherId: string }) =>
      api<Contact>(`/api/contacts/${keptId}/merge`, { method: 'POST', body: { otherId } }),
    onSuccess: () =>
      queryClient.invalidateQueries({
        predicate: (q) => ['contacts', 'today', 'followups', 'favors', 'invitations'].includes(String(q.queryKey[0])),
      }),
  });
}
