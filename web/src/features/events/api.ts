// Server state for events: the upcoming and past lists, one event with its attendees, and the
// writes (the event, its attendees, and the people captured after it).
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Attendee, AttendeeCreate, AttendeePatch, EventCapture, EventCaptured, EventCreate, EventDetail, EventPage, EventPatch,
} from '@shared/schemas/index.js';
import { api } from '../../api/client';
import { queryKeys } from '../../api/queryKeys';
import { useOfflineMutation } from '../../api/useOfflineMutation';

export type EventWhen = 'upcoming' | 'past';

export const eventKeys = {
  all: ['events'] as const,
  list: (when: EventWhen) => ['events', 'list', when] as const,
  detail: (id: string) => ['events', 'detail', id] as const,
};

export function useEvents(when: EventWhen) {
  return useInfiniteQuery({
    queryKey: eventKeys.list(when),
    queryFn: ({ pageParam, signal }) => api<EventPage>('/api/events', { query: { when, limit: 30, cursor: pageParam }, signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

export function useEvent(id: string) {
  return useQuery({ queryKey: eventKeys.detail(id), queryFn: ({ signal }) => api<EventDetail>(`/api/events/${id}`, { signal }) });
}

/** The event on screen takes the server's answer; the lists (counts, order) are refetched. */
function useAfterEventWrite() {
  const queryClient = useQueryClient();
  return (event: EventDetail) => {
    queryClient.setQueryData(eventKeys.detail(event.id), event);
    return queryClient.invalidateQueries({ queryKey: eventKeys.all, predicate: (q) => q.queryKey[1] === 'list' });
  };
}

export function useCreateEvent() {
  const after = useAfterEventWrite();
  return useMutation({
    mutationFn: (body: EventCreate) => api<EventDetail>('/api/events', { method: 'POST', body }),
    onSuccess: (event) => after(event),
    meta: { ownErrorMessage: true },
  });
}

export function useUpdateEvent(id: string) {
  const after = useAfterEventWrite();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: EventPatch) => api<EventDetail>(`/api/events/${id}`, { method: 'PATCH', body }),
    // A new date moves the after-event follow-ups along.
    onSuccess: (event) => Promise.all([after(event), queryClient.invalidateQueries({ queryKey: queryKeys.today })]),
  });
}

export function useDeleteEvent(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>(`/api/events/${id}`, { method: 'DELETE' }),
    onSuccess: () => {
      queryClient.removeQueries({ queryKey: eventKeys.detail(id) });
      return Promise.all(
        [eventKeys.all, queryKeys.today, queryKeys.followups, queryKeys.contacts].map((queryKey) => queryClient.invalidateQueries({ queryKey })),
      );
    },
  });
}

/** Attendee writes answer with the one attendee: it is swapped into the cached event in place. */
function useAfterAttendeeWrite(eventId: string) {
  const queryClient = useQueryClient();
  return (change: { put: Attendee } | { removed: string }) => {
    queryClient.setQueryData<EventDetail>(eventKeys.detail(eventId), (event) => {
      if (!event) return event;
      const others = event.attendees.filter((a) => a.contactId !== ('put' in change ? change.put.contactId : change.removed));
      const attendees = 'put' in change ? withAttendee(event.attendees, change.put) : others;
      return {
        ...event,
        attendees,
        attendeeCount: attendees.length,
        targetCount: attendees.filter((a) => a.target).length,
        metCount: attendees.filter((a) => a.met).length,
      };
    });
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: eventKeys.all, predicate: (q) => q.queryKey[1] === 'list' }),
      queryClient.invalidateQueries({ queryKey: queryKeys.contacts }),
    ]);
  };
}

/** Replaced where it was (so a card being edited does not jump), or added in the server's order: targets first. */
function withAttendee(attendees: Attendee[], next: Attendee): Attendee[] {
  const index = attendees.findIndex((a) => a.contactId === next.contactId);
  if (index >= 0) return attendees.map((a, i) => (i === index ? next : a));
  const byName = (a: Attendee, b: Attendee) => Number(b.target) - Number(a.target) || a.contact.displayName.localeCompare(b.contact.displayName);
  return [...attendees, next].sort(byName);
}

export function useAddAttendee(eventId: string) {
  const after = useAfterAttendeeWrite(eventId);
  return useMutation({
    mutationFn: (body: AttendeeCreate) => api<Attendee>(`/api/events/${eventId}/attendees`, { method: 'POST', body }),
    onSuccess: (attendee) => after({ put: attendee }),
  });
}

export function useUpdateAttendee(eventId: string) {
  const queryClient = useQueryClient();
  const after = useAfterAttendeeWrite(eventId);
  return useMutation({
    // A read of the event still on its way (after a capture, say) was answered before this
    // write: landing after it, it would undo the change on screen. Drop it; the write's own
    // answer is swapped in below.
    onMutate: () => queryClient.cancelQueries({ queryKey: eventKeys.detail(eventId) }),
    mutationFn: ({ contactId, patch }: { contactId: string; patch: AttendeePatch }) =>
      api<Attendee>(`/api/events/${eventId}/attendees/${contactId}`, { method: 'PATCH', body: patch }),
    onSuccess: (attendee) => after({ put: attendee }),
  });
}

export function useRemoveAttendee(eventId: string) {
  const after = useAfterAttendeeWrite(eventId);
  return useMutation({
    mutationFn: (contactId: string) => api<void>(`/api/events/${eventId}/attendees/${contactId}`, { method: 'DELETE' }),
    onSuccess: (_, contactId) => after({ removed: contactId }),
  });
}

export const capturePath = (eventId: string) => `/api/events/${eventId}/capture`;

/**
 * New contacts and follow-ups: the event, contacts, Today and follow-up lists all change. Works
 * offline, where it is most needed (queued in the outbox until the network returns).
 */
export function useCaptureAtEvent(eventId: string) {
  return useOfflineMutation<EventCaptured, EventCapture>({
    request: (body) => ({ method: 'POST', path: capturePath(eventId), body }),
    label: (body) => ({ key: 'capture', detail: body.people.map((person) => person.name).join(', ') }),
    invalidates: [eventKeys.all, queryKeys.contacts, queryKeys.today, queryKeys.followups],
  });
}
