// How each kind of event looks: an icon and a colour, shared by the list, the page and the timeline.
import {
  IconBeach, IconBuildingCommunity, IconCalendarEvent, IconConfetti, IconHeart, IconMicrophone2, IconUsersGroup, type Icon,
} from '@tabler/icons-react';
import type { EventKind } from '@shared/enums.js';

export const eventKindIcon: Record<EventKind, Icon> = {
  conference: IconMicrophone2,
  meetup: IconUsersGroup,
  networking: IconBuildingCommunity,
  wedding: IconHeart,
  party: IconConfetti,
  trip: IconBeach,
  other: IconCalendarEvent,
};

export const eventKindColor: Record<EventKind, string> = {
  conference: 'indigo',
  meetup: 'sage',
  networking: 'teal',
  wedding: 'pink',
  party: 'grape',
  trip: 'cyan',
  other: 'gray',
};

export function EventKindIcon({ kind, size = 16 }: { kind: EventKind; size?: number }) {
  const Component = eventKindIcon[kind];
  return <Component size={size} aria-hidden />;
}
