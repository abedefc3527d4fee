// Server state for invitations: the inbox, the funnel, one invitation's welcome, and the writes.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InvitationDirection } from '@shared/enums.js';
import type {
  CommonPoint, Funnel, Invitation, InvitationCreate, InvitationPage, InvitationPatch, WelcomeDraft, WelcomeSent,
} from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export function useInvitations(direction: InvitationDirection) {
  return useInfiniteQuery({
    queryKey: queryKeys.invitationList({ direction }),
    queryFn: ({ pageParam, signal }) =>
      api<InvitationPage>('/api/invitations', { query: { direction, limit: 30, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useContactInvitations(contactId: string) {
  return useQuery({
    queryKey: queryKeys.invitationList({ contactId }),
    queryFn: ({ signal }) => api<InvitationPage>('/api/invitations', { query: { contactId, limit: 10 }, signal }),
    select: (page) => page.items,
  });
}

export function useInvitation(id: string) {
  return useQuery({
    queryKey: queryKeys.invitation(id),
    queryFn: ({ signal }) => api<Invitation>(`/api/invitations/${id}`, { signal }),
  });
}

export function useFunnel() {
  return useQuery({ queryKey: queryKeys.funnel, queryFn: ({ signal }) => api<Funnel>('/api/invitations/funnel', { signal }) });
}

/** The proposed welcome: refetched each time the page opens, since profile and contact may have changed. */
export function useWelcomeDraft(id: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.welcomeDraft(id),
    queryFn: ({ signal }) => api<WelcomeDraft>(`/api/invitations/${id}/welcome-draft`, { signal }),
    enabled,
    // Fetched fresh each time the page opens (never from an old cache), then left alone: a
    // refetch would replace what the user is editing.
    gcTime: 0,
    staleTime: Infinity,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

export function useCommonPoints(contactId: string) {
  return useQuery({
    queryKey: queryKeys.commonPoints(contactId),
    queryFn: ({ signal }) => api<CommonPoint[]>(`/api/contacts/${contactId}/common-points`, { signal }),
  });
}

/**
 * An invitation touches the inbox, the funnel, Today (its follow-up) and the contact. The one
 * invitation on screen is replaced with the server's answer; its draft is left alone so the text
 * being edited is not swapped under the user.
 */
function useAfterInvitationWrite() {
  const queryClient = useQueryClient();
  return (invitation: Invitation) => {
    queryClient.setQueryData(queryKeys.invitation(invitation.id), invitation);
    return Promise.all([
      queryClient.invalidateQueries({
        queryKey: queryKeys.invitations,
        predicate: (q) => q.queryKey[1] !== 'detail' && q.queryKey[1] !== 'welcome-draft',
      }),
      ...[queryKeys.today, queryKeys.followups, queryKeys.contacts].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
    ]);
  };
}

export function useCreateInvitation() {
  const after = useAfterInvitationWrite();
  return useMutation({
    mutationFn: (body: InvitationCreate) => api<Invitation>('/api/invitations', { method: 'POST', body }),
    onSuccess: (invitation) => after(invitation),
  });
}

export function useUpdateInvitation(id: string) {
  const after = useAfterInvitationWrite();
  return useMutation({
    mutationFn: (body: InvitationPatch) => api<Invitation>(`/api/invitations/${id}`, { method: 'PATCH', body }),
    onSuccess: (invitation) => after(invitation),
  });
}

export function useMarkWelcomeSent(id: string) {
  const after = useAfterInvitationWrite();
  return useMutation({
    mutationFn: (body: WelcomeSent) => api<Invitation>(`/api/invitations/${id}/welcome`, { method: 'POST', body }),
    onSuccess: (invitation) => after(invitation),
  });
}

export function useDeleteInvitation(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/invitations/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: queryKeys.invitation(id) });
      return Promise.all(
        [queryKeys.invitations, queryKeys.today, queryKeys.followups, queryKeys.contacts].map((queryKey) =>
          queryClient.invalidateQueries({ queryKey }),
        ),
      );
    },
  });
}
