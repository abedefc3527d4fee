// Server state for contacts: lists, one contact, its timeline, and the writes.
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Contact, ContactCreate, ContactPage, ContactPatch, DeleteImpact, TimelinePage } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys, type ContactFilters } from '../../api/queryKeys';
import { useOfflineMutation } from '../../api/useOfflineMutation';

const PAGE_SIZE = 30;

export function useContactList(filters: ContactFilters) {
  return useInfiniteQuery({
    queryKey: queryKeys.contactList(filters),
    queryFn: ({ pageParam, signal }) =>
      api<ContactPage>('/api/contacts', {
        query: { ...filters, due: filters.due ? 'true' : undefined, limit: PAGE_SIZE, cursor: pageParam },
        signal,
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: keepPreviousData, // Keep the old rows on screen while a search types on.
  });
}

/** A short list for pickers ("introduced by"); empty text lists the first contacts. */
export function useContactSearch(q: string) {
  return useQuery({
    queryKey: queryKeys.contactSearch(q),
    queryFn: ({ signal }) => api<ContactPage>('/api/contacts', { query: { q, limit: 20 }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useContactCount() {
  return useQuery({
    queryKey: queryKeys.contactCount,
    queryFn: ({ signal }) => api<ContactPage>('/api/contacts', { query: { limit: 1 }, signal }),
    select: (page) => page.items.length,
  });
}

export function useContact(id: string | undefined) {
  return useQuery({
    queryKey: queryKeys.contact(id ?? ''),
    queryFn: ({ signal }) => api<Contact>(`/api/contacts/${id}`, { signal }),
    enabled: Boolean(id),
  });
}

export function useContactTags() {
  return useQuery({
    queryKey: queryKeys.tags,
    queryFn: ({ signal }) => api<string[]>('/api/contacts/tags', { signal }),
    staleTime: 60_000,
  });
}

export function useTimeline(contactId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.timeline(contactId),
    queryFn: ({ pageParam, signal }) =>
      api<TimelinePage>(`/api/contacts/${contactId}/timeline`, { query: { limit: 20, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useDeleteImpact(contactId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.deleteImpact(contactId),
    queryFn: ({ signal }) => api<DeleteImpact>(`/api/contacts/${contactId}/delete-impact`, { signal }),
    enabled,
    staleTime: 0,
  });
}

function useInvalidateContacts() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.contacts }),
      queryClient.invalidateQueries({ queryKey: queryKeys.today }),
    ]);
}

/** Works offline (queued in the outbox until the network returns). */
export function useCreateContact() {
  return useOfflineMutation<Contact, ContactCreate>({
    request: (body) => ({ method: 'POST', path: '/api/contacts', body }),
    label: (body) => ({ key: 'contact', detail: [body.firstName, body.lastName].filter(Boolean).join(' ') || (body.displayName ?? '') }),
    invalidates: [queryKeys.contacts, queryKeys.today],
  });
}

export function useUpdateContact(id: string) {
  const queryClient = useQueryClient();
  const invalidate = useInvalidateContacts();
  return useMutation({
    mutationFn: (body: ContactPatch) => api<Contact>(`/api/contacts/${id}`, { method: 'PATCH', body }),
    onSuccess: async (contact) => {
      queryClient.setQueryData(queryKeys.contact(id), contact);
      await invalidate();
    },
  });
}

export function useDeleteContact(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/contacts/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      // The page still shows this contact until it navigates away: refetching its (now 404)
      // queries would flash "not found", so refresh everything else and drop the rest later.
      const aboutThisContact = (key: readonly unknown[]) => key.includes(id);
      queryClient.removeQueries({ predicate: (q) => aboutThisContact(q.queryKey), type: 'inactive' });
      return queryClient.invalidateQueries({
        predicate: (q) => ['contacts', 'today', 'followups', 'trash'].includes(String(q.queryKey[0])) && !aboutThisContact(q.queryKey),
      });
    },
  });
}
