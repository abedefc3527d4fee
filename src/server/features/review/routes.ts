import { WeeklyReview, WeeklyReviewQuery } from '#shared/schemas/review.js';
import type { App, AppContext } from '../../http/context.js';
import { userOf } from '../settings/user-context.js';
import { loadWeeklyReview } from './queries.js';

export function reviewRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;
  app.get('/api/review/weekly', {
    schema: {
      tags: ['review'],
      summary: 'The weekly review of an ISO week (default: this week in your time zone)',
      querystring: WeeklyReviewQuery,
      response: { 200: WeeklyReview },
    },
    handler: async (request) => loadWeeklyReview(db, await userOf(ctx, request), request.query.week),
  });
}
