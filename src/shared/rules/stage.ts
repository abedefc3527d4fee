// Relationship stages (docs/domain.md#stages): new → in_conversation → met_online → met_in_person →
// relationship → trusted. Touches suggest a move up; the user decides.
import type { Channel, Direction, Stage } from '../enums.js';
import { stages } from '../enums.js';

const IN_PERSON_CHANNELS: readonly Channel[] = ['in_person', 'coffee', 'meal', 'event'];
const ONLINE_MEETING_CHANNELS: readonly Channel[] = ['video'];

export const stageRank = (stage: Stage) => stages.indexOf(stage);

/**
 * The stage a touch suggests, when it is a step up: meeting in person → met_in_person; a video
 * call → met_online; their first reply (any inbound touch) → in_conversation.
 */
export function suggestedStage(current: Stage, touch: { channel: Channel; direction: Direction }): Stage | null {
  const candidate: Stage | null = IN_PERSON_CHANNELS.includes(touch.channel)
    ? 'met_in_person'
    : ONLINE_MEETING_CHANNELS.includes(touch.channel)
      ? 'met_online'
      : touch.direction === 'inbound'
        ? 'in_conversation'
        : null;
  return candidate && stageRank(candidate) > stageRank(current) ? candidate : null;
}

/** Valuable contacts only met online: worth bringing to a handshake. */
export function worthAHandshake(contact: { stage: Stage; circle: string }): boolean {
  return (contact.stage === 'met_online' || contact.stage === 'in_conversation') && contact.circle !== 'personal';
}
