import type { Attendee, EventDetail, EventSummary } from '#shared/schemas/events.js';
import { events } from '../../db/schema.js';

export type EventRow = typeof events.$inferSelect;
export interface AttendeeCounts {
  attendeeCount: number;
  targetCount: number;
  metCount: number;
}

export function toEventSummary(row: EventRow, counts: AttendeeCounts): EventSummary {
  return {
    id: row.id,
    name: row.name,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt?.toISOString() ?? null,
    place: row.place,
    url: row.url,
    kind: row.kind,
    ...counts,
    createdAt: row.createdAt.toISOString(),
  };
}

/** The event's own pitch, else the profile's short one (and says which). */
export function toEventDetail(row: EventRow, attendees: Attendee[], profilePitch: string | null): EventDetail {
  const counts = {
    attendeeCount: attendees.length,
    targetCount: attendees.filter((a) => a.target).length,
    metCount: attendees.filter((a) => a.met).length,
  };
  const pitchFromProfile = row.pitch === null && profilePitch !== null;
  return {
    ...toEventSummary(row, counts),
    pitch: row.pitch ?? profilePitch,
    pitchFromProfile,
    talkingPoints: row.talkingPoints,
    notes: row.notes,
    updatedAt: row.updatedAt.toISOString(),
    attendees,
  };
}
