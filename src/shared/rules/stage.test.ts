import { describe, expect, it } from 'vitest';
import type { Channel, Direction, Stage } from '../enums.js';
import { suggestedStage } from './stage.js';

describe('suggestedStage', () => {
  it.each<[Stage, Channel, Direction, Stage | null]>([
    ['new', 'linkedin', 'inbound', 'in_conversation'],
    ['new', 'linkedin', 'outbound', null],
    ['new', 'video', 'outbound', 'met_online'],
    ['in_conversation', 'video', 'inbound', 'met_online'],
    ['met_online', 'coffee', 'outbound', 'met_in_person'],
    ['new', 'event', 'inbound', 'met_in_person'],
    ['met_in_person', 'video', 'outbound', null],
    ['trusted', 'coffee', 'outbound', null],
    ['in_conversation', 'email', 'inbound', null],
  ])('%s + %s %s → %s', (current, channel, direction, expected) => {
    expect(suggestedStage(current, { channel, direction })).toBe(expected);
  });
});
