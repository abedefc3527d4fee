// Server state for campaigns: the list, one campaign with its members, its referral tree, whom
// to add, the advice-request message, and the writes.
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AdviceRequest, CampaignCreate, CampaignDetail, CampaignMember, CampaignPage, CampaignPatch, CampaignSuggestion, ContactCampaign,
  MemberPatch, ReferralsCreate, ReferralsCreated, ReferralTree,
} from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

/** Kept here (not in the shared key list) since only this feature reads them. */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: ['campaigns', 'list'] as const,
  detail: (id: string) => ['campaigns', 'detail', id] as const,
  tree: (id: string) => ['campaigns', 'tree', id] as const,
  suggestions: (id: string) => ['campaigns', 'suggestions', id] as const,
  advice: (id: string, contactId: string) => ['campaigns', 'advice', id, contactId] as const,
  /** Under `campaigns`, so every campaign write refreshes the contact page's list too. */
  ofContact: (contactId: string) => ['campaigns', 'contact', contactId] as const,
};

export function useCampaigns() {
  return useInfiniteQuery({
    queryKey: campaignKeys.list,
    queryFn: ({ pageParam, signal }) => api<CampaignPage>('/api/campaigns', { query: { limit: 30, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useCampaign(id: string) {
  return useQuery({ queryKey: campaignKeys.detail(id), queryFn: ({ signal }) => api<CampaignDetail>(`/api/campaigns/${id}`, { signal }) });
}

/** The campaigns a contact is in, for their page. */
export function useContactCampaigns(contactId: string) {
  return useQuery({
    queryKey: campaignKeys.ofContact(contactId),
    queryFn: ({ signal }) => api<ContactCampaign[]>(`/api/contacts/${contactId}/campaigns`, { signal }),
  });
}

export function useReferralTree(id: string) {
  return useQuery({ queryKey: campaignKeys.tree(id), queryFn: ({ signal }) => api<ReferralTree>(`/api/campaigns/${id}/tree`, { signal }) });
}

export function useSuggestions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: campaignKeys.suggestions(id),
    queryFn: ({ signal }) => api<CampaignSuggestion[]>(`/api/campaigns/${id}/suggestions`, { query: { limit: 8 }, signal }),
    enabled,
  });
}

/** Fetched fresh each time it opens: the profile's pitch or the template may have changed. */
export function useAdviceRequest(id: string, contactId: string) {
  return useQuery({
    queryKey: campaignKeys.advice(id, contactId),
    queryFn: ({ signal }) => api<AdviceRequest>(`/api/campaigns/${id}/members/${contactId}/advice-request`, { signal }),
    gcTime: 0,
  });
}

/**
 * Everything a campaign write can change: the campaign (detail, list, tree, suggestions), and —
 * since meetings log touches, create thank-yous and referrals create contacts — Today, the
 * follow-ups and the contacts.
 */
function useAfterCampaignWrite() {
  const queryClient = useQueryClient();
  return (touchesOthers = true) =>
    Promise.all(
      [campaignKeys.all, ...(touchesOthers ? [queryKeys.contacts, queryKeys.today, queryKeys.followups] : [])].map((queryKey) =>
        queryClient.invalidateQueries({ queryKey }),
      ),
    );
}

export function useCreateCampaign() {
  const after = useAfterCampaignWrite();
  return useMutation({
    mutationFn: (body: CampaignCreate) => api<CampaignDetail>('/api/campaigns', { method: 'POST', body }),
    onSuccess: () => after(false),
  });
}

export function useUpdateCampaign(id: string) {
  const queryClient = useQueryClient();
  const after = useAfterCampaignWrite();
  return useMutation({
    mutationFn: (body: CampaignPatch) => api<CampaignDetail>(`/api/campaigns/${id}`, { method: 'PATCH', body }),
    onSuccess: (campaign) => {
      queryClient.setQueryData(campaignKeys.detail(id), campaign);
      return after(false);
    },
  });
}

export function useDeleteCampaign(id: string) {
  const queryClient = useQueryClient();
  const after = useAfterCampaignWrite();
  return useMutation({
    mutationFn: () => api<void>(`/api/campaigns/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: campaignKeys.detail(id) });
      return after();
    },
  });
}

export function useAddMember(campaignId: string) {
  const after = useAfterCampaignWrite();
  return useMutation({
    mutationFn: (contactId: string) => api<CampaignMember>(`/api/campaigns/${campaignId}/members`, { method: 'POST', body: { contactId } }),
    onSuccess: () => after(false),
  });
}

export function useRemoveMember(campaignId: string) {
  const after = useAfterCampaignWrite();
  return useMutation({
    mutationFn: (contactId: string) => api<void>(`/api/campaigns/${campaignId}/members/${contactId}`, { method: 'DELETE' }),
    onSuccess: () => after(false),
  });
}

/**
 * Moves a member to another stage. The board shows the move at once (the card jumps column
 * before the server answers) and puts it back if the server refuses.
 */
export function useMoveMember(campaignId: string) {
  const queryClient = useQueryClient();
  const after = useAfterCampaignWrite();
  const key = campaignKeys.detail(campaignId);
  return useMutation({
    mutationFn: ({ contactId, ...body }: MemberPatch & { contactId: string }) =>
      api<CampaignMember>(`/api/campaigns/${campaignId}/members/${contactId}`, { method: 'PATCH', body }),
    onMutate: async ({ contactId, stage }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<CampaignDetail>(key);
      if (previous) {
        queryClient.setQueryData<CampaignDetail>(key, {
          ...previous,
          members: previous.members.map((m) => (m.contactId === contactId ? { ...m, stage } : m)),
        });
      }
      return { previous };
    },
    onError: (_error, _vars, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: () => after(),
  });
}

export function useAddReferrals(campaignId: string, contactId: string) {
  const after = useAfterCampaignWrite();
  return useMutation({
    mutationFn: (body: ReferralsCreate) =>
      api<ReferralsCreated>(`/api/campaigns/${campaignId}/members/${contactId}/referrals`, { method: 'POST', body }),
    onSuccess: () => after(),
  });
}
