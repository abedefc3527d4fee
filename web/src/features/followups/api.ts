// Server state for follow-ups. Any change can move Today, a contact's page and its timeline.
import { useMutation, useQueries, useQueryClient } from '@tanstack/react-query';
import type { Followup, FollowupCreate, FollowupPage, FollowupPatch } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useOfflineMutation } from '../../api/useOfflineMutation';

/** A contact's pending follow-ups: open ones, then snoozed ones (they come back on their date). */
export function usePendingFollowups(contactId: string) {
  const [open, snoozed] = useQueries({
    queries: (['open', 'snoozed'] as const).map((status) => ({
      queryKey: queryKeys.contactFollowups(contactId, status),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        api<FollowupPage>('/api/followups', { query: { contactId, status, limit: 100 }, signal }),
    })),
  });
  const byDue = (items: Followup[] = []) => [...items].sort((a, b) => a.dueOn.localeCompare(b.dueOn));
  return {
    open: byDue(open?.data?.items),
    snoozed: byDue(snoozed?.data?.items),
    isPending: Boolean(open?.isPending || snoozed?.isPending),
    error: open?.error ?? snoozed?.error ?? null,
    refetch: () => Promise.all([open?.refetch(), snoozed?.refetch()]),
  };
}

function useInvalidateFollowups() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all(
      [queryKeys.followups, queryKeys.today, queryKeys.contacts].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

export function useCreateFollowup() {
  const invalidate = useInvalidateFollowups();
  return useMutation({
    mutationFn: (body: FollowupCreate) => api<Followup>('/api/followups', { method: 'POST', body }),
    onSuccess: invalidate,
  });
}

export function useUpdateFollowup() {
  const invalidate = useInvalidateFollowups();
  return useMutation({
    mutationFn: ({ id, patch }: { id: string; patch: FollowupPatch }) =>
      api<Followup>(`/api/followups/${id}`, { method: 'PATCH', body: patch }),
    onSuccess: invalidate,
  });
}

/** Done, the one follow-up change that works offline (queued in the outbox until the network returns). */
export function useMarkFollowupDone() {
  return useOfflineMutation<Followup, Followup>({
    request: ({ id }) => ({ method: 'PATCH', path: followupPath(id), body: { status: 'done' } satisfies FollowupPatch }),
    label: (followup) => ({ key: 'followupDone', detail: `${followup.contact.displayName}: ${followup.title}` }),
    invalidates: [queryKeys.followups, queryKeys.today, queryKeys.contacts],
  });
}

export const followupPath = (id: string) => `/api/followups/${id}`;
