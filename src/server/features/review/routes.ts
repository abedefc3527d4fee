import { WeeklyReview, WeeklyReviewQuery } from '#shared/schemas/review.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { loadUserContext } from '../settings/user-context.js';
import { loadWeeklyReview } from './queries.js';

export function reviewRoutes(app: App, { db, now }: AppContext) {
  app.get('/api/review/weekly', {
    schema: {
      tags: ['review'],
      summary: 'The weekly review of an ISO week (default: this week in your time zone)',
      querystring: WeeklyReviewQuery,
      response: { 200: WeeklyReview },
    },
    handler: async (request) => loadWeeklyReview(db, await loadUserContext(db, authOf(request), now()), request.query.week),
  });
}
