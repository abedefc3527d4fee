// Calendar subscriptions and the people met in imported meetings (the server's
// features/calendar-import). An .ics file is uploaded through the Imports panel instead.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CalendarFetchResult, CalendarSubscription, CalendarSubscriptionCreate, Contact, PeopleMetList, PersonMetAdd } from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';

export function useCalendarSubscriptions() {
  return useQuery({
    queryKey: queryKeys.calendarSubscriptions,
    queryFn: ({ signal }) => api<CalendarSubscription[]>('/api/calendar-subscriptions', { signal }),
  });
}

export function useAddCalendarSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CalendarSubscriptionCreate) => api<CalendarSubscription>('/api/calendar-subscriptions', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarSubscriptions }),
    // The form shows a refused address beside its field, in the user's language.
    meta: { ownErrorMessage: true },
  });
}

export function useFetchCalendarSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<CalendarFetchResult>(`/api/calendar-subscriptions/${id}/fetch`, { method: 'POST' }),
    // New touches change contacts, Today and the review: everything may be stale.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}

export function useRemoveCalendarSubscription() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api<void>(`/api/calendar-subscriptions/${id}`, { method: 'DELETE' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.calendarSubscriptions }),
  });
}

export function usePeopleMet() {
  return useQuery({
    queryKey: queryKeys.peopleMet,
    queryFn: ({ signal }) => api<PeopleMetList>('/api/calendar-people', { signal }),
  });
}

export function useDismissPersonMet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (email: string) => api<void>('/api/calendar-people/dismiss', { method: 'POST', body: { email } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.peopleMet }),
  });
}

/** Adds a person met as a contact, their meetings as touches (POST /api/calendar-people/add). */
export function useAddPersonMet() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: PersonMetAdd) => api<Contact>('/api/calendar-people/add', { method: 'POST', body }),
    // A new contact with touches: the lists, Today and the review may all change.
    onSuccess: () => queryClient.invalidateQueries(),
  });
}
