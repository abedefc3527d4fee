import { Today } from '#shared/schemas/today.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { loadUserContext } from '../settings/user-context.js';
import { today } from './queries.js';

export function todayRoutes(app: App, { db, now }: AppContext) {
  app.get('/api/today', {
    schema: {
      tags: ['today'],
      summary: "What to do today: overdue and due follow-ups, loops to close, who to keep in touch with, this week's tally",
      response: { 200: Today },
    },
    handler: async (request) => today(db, await loadUserContext(db, authOf(request), now())),
  });
}
