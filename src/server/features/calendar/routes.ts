import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { CalendarFeed, CalendarFeedParams } from '#shared/schemas/calendar.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { notFound } from '../../http/problems.js';
import { calendarText } from './feed.js';
import { calendarFeedIsOn, feedEntries, feedOwner, setCalendarSecret } from './queries.js';

const tags = ['calendar'];

/** The app as this caller reached it (behind a proxy, from X-Forwarded-Proto and -Host: trustProxy is on). */
const originOf = (request: FastifyRequest) => `${request.protocol}://${request.host}`;
/** The feed's URL is known only when its secret is made: the database keeps just its hash. */
const newFeed = (request: FastifyRequest, secret: string): CalendarFeed => ({
  enabled: true,
  url: `${originOf(request)}/api/calendar/${secret}.ics`,
});

export function calendarRoutes(app: App, { db, now }: AppContext) {
  app.get('/api/calendar/:secret.ics', {
    config: { public: true },
    schema: {
      tags,
      summary: 'The calendar feed to subscribe to (no login: the secret in the URL is the key): open follow-ups on their due dates',
      security: [],
      params: CalendarFeedParams,
      response: { 200: z.string().describe('text/calendar') },
    },
    handler: async (request, reply) => {
      const owner = await feedOwner(db, request.params.secret);
      if (!owner) throw notFound('Calendar feed (unknown or revoked link)');
      const ctx = { language: owner.language, origin: originOf(request), now: now() };
      const text = calendarText(await feedEntries(db, owner.accountId, ctx), ctx);
      return reply
        .type('text/calendar; charset=utf-8')
        .header('content-disposition', 'inline; filename="circulo.ics"')
        .header('cache-control', 'private, max-age=300')
        .send(text);
    },
  });

  app.get('/api/calendar', {
    schema: {
      tags,
      summary: 'Whether the calendar feed is on (`url` is always null: the secret URL is shown only once, by POST /api/calendar/secret)',
      response: { 200: CalendarFeed },
    },
    handler: async (request) => ({ enabled: await calendarFeedIsOn(db, authOf(request).accountId), url: null }),
  });

  app.post('/api/calendar/secret', {
    // Its answer is the secret URL, shown once: it must not be kept for a replay (src/server/http/idempotency.ts).
    config: { idempotency: false },
    schema: {
      tags,
      summary: 'Turn the calendar feed on, or give it a new URL (the old one stops working). The answer is the only time the URL is shown: only its hash is kept.',
      response: { 200: CalendarFeed },
    },
    handler: async (request) => newFeed(request, (await setCalendarSecret(db, authOf(request).accountId, true))!),
  });

  app.delete('/api/calendar/secret', {
    schema: { tags, summary: 'Turn the calendar feed off: its URL stops working', response: { 204: z.null() } },
    handler: async (request, reply) => {
      await setCalendarSecret(db, authOf(request).accountId, false);
      return reply.code(204).send(null);
    },
  });
}
