import type { Favor } from '#shared/schemas/favors.js';
import { givenWithoutNews, suggestedGesture } from '#shared/rules/favors.js';
import { favors } from '../../db/schema.js';

export type FavorRow = typeof favors.$inferSelect;
type Ref = { id: string; displayName: string };

export function toFavor(row: FavorRow, contact: Ref, introducedTo: Ref | null, today: string): Favor {
  return {
    id: row.id,
    contactId: row.contactId,
    contact,
    direction: row.direction,
    kind: row.kind,
    effort: row.effort,
    occurredOn: row.occurredOn,
    description: row.description,
    introducedToId: row.introducedToId,
    introducedTo,
    thankedOn: row.thankedOn,
    outcome: row.outcome,
    outcomeReportedOn: row.outcomeReportedOn,
    outcomeNotApplicable: row.outcomeNotApplicable,
    loopStatus: row.loopStatus,
    suggestedGesture: suggestedGesture(row.effort),
    noNews: givenWithoutNews({ direction: row.direction, occurredOn: row.occurredOn, outcomeReportedOn: row.outcomeReportedOn }, today),
    createdAt: row.createdAt.toISOString(),
  };
}
