import { ConnectionsToEngage, Today } from '#shared/schemas/today.js';
import { connectionsToOffer } from './connections.js';
import type { App, AppContext } from '../../http/context.js';
import { userOf } from '../settings/user-context.js';
import { today } from './queries.js';

export function todayRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  app.get('/api/today', {
    schema: {
      tags: ['today'],
      summary: "What to do today: overdue and due follow-ups, loops to close, who to keep in touch with, this week's tally",
      response: { 200: Today },
    },
    handler: async (request) => today(db, await userOf(ctx, request)),
  });

  app.get('/api/today/connections', {
    schema: {
      tags: ['today'],
      summary:
        'Imported connections never engaged with (no touch, cadence, campaign or event) are not asked to be kept in touch with; a few, chosen by common points and stage, are offered here to turn into relationships',
      response: { 200: ConnectionsToEngage },
    },
    handler: async (request) => connectionsToOffer(db, await userOf(ctx, request)),
  });
}
