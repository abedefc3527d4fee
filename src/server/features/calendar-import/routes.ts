// Incoming calendars over HTTP: subscriptions (add, list, remove, fetch now) and the "people you
// met" their meetings brought. The upload of a .ics file is POST /api/imports with source=ical
// (features/imports/routes.ts).
import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { IdParams, Problem } from '#shared/schemas/common.js';
import { CalendarFetchResult, CalendarSubscription, CalendarSubscriptionCreate, PeopleMetList, PersonMetAdd, PersonMetDismiss } from '#shared/schemas/calendar-import.js';
import { Contact } from '#shared/schemas/contacts.js';
import { calendarSubscriptions } from '../../db/schema.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { badRequest, notFound } from '../../http/problems.js';
import { CalendarFetchError, checkCalendarHost, normaliseCalendarUrl } from './fetch-calendar.js';
import { addPersonMet, dismissPersonMet, listPeopleMet } from './people-met.js';
import { userOf } from '../settings/user-context.js';
import { addSubscription, fetchSubscription, toSubscription, type SubscriptionDeps } from './subscriptions.js';

const tags = ['calendar-import'];

export function subscriptionDeps(ctx: Pick<AppContext, 'db' | 'now' | 'calendarBox' | 'calendarFetch'>): SubscriptionDeps {
  return { db: ctx.db, now: ctx.now, box: ctx.calendarBox, fetch: ctx.calendarFetch };
}

export function calendarImportRoutes(app: App, ctx: AppContext) {
  const { db, now } = ctx;
  const deps = subscriptionDeps(ctx);

  const findOwn = async (accountId: string, id: string) => {
    const [row] = await db.select().from(calendarSubscriptions).where(and(eq(calendarSubscriptions.accountId, accountId), eq(calendarSubscriptions.id, id)));
    if (!row) throw notFound('Calendar subscription');
    return row;
  };

  app.get('/api/calendar-subscriptions', {
    schema: {
      tags,
      summary: 'Calendar subscriptions: secret iCal addresses whose past meetings become touches, with the last fetch’s time, status and error',
      description: 'The address itself is a secret and is never shown back: `urlHint` holds its scheme and host.',
      response: { 200: z.array(CalendarSubscription) },
    },
    handler: async (request) => {
      const rows = await db
        .select()
        .from(calendarSubscriptions)
        .where(eq(calendarSubscriptions.accountId, authOf(request).accountId))
        .orderBy(desc(calendarSubscriptions.createdAt));
      return rows.map(toSubscription);
    },
  });

  app.post('/api/calendar-subscriptions', {
    schema: {
      tags,
      summary: 'Subscribe to a calendar: `{name, url}` (Google’s “secret address in iCal format”, a published Outlook or Nextcloud calendar)',
      description:
        'Only http(s) (webcal:// is read as https://). Addresses that resolve to private, loopback or link-local networks are refused (400) unless the server sets CIRCULO_ALLOW_PRIVATE_CALENDAR_URLS=true. The server fetches it every hour; POST …/{id}/fetch fetches it now.',
      body: CalendarSubscriptionCreate,
      response: { 201: CalendarSubscription, 400: Problem },
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      try {
        await checkCalendarHost(normaliseCalendarUrl(request.body.url), deps.fetch);
      } catch (error) {
        if (error instanceof CalendarFetchError) throw badRequest('url', error.message, error.code);
        throw error;
      }
      const row = await addSubscription(deps, auth, request.body);
      return reply.code(201).send(toSubscription(row));
    },
  });

  app.delete('/api/calendar-subscriptions/:id', {
    schema: {
      tags,
      summary: 'Remove a calendar subscription (the touches it brought stay)',
      params: IdParams,
      response: { 204: z.null(), 404: Problem },
    },
    handler: async (request, reply) => {
      const deleted = await db
        .delete(calendarSubscriptions)
        .where(and(eq(calendarSubscriptions.accountId, authOf(request).accountId), eq(calendarSubscriptions.id, request.params.id)))
        .returning({ id: calendarSubscriptions.id });
      if (deleted.length === 0) throw notFound('Calendar subscription');
      return reply.code(204).send(null);
    },
  });

  app.post('/api/calendar-subscriptions/:id/fetch', {
    schema: {
      tags,
      summary: 'Fetch a subscribed calendar now and import its past meetings',
      description:
        'Answers 200 either way: the subscription with the attempt recorded (`lastStatus` ok or failed, `lastError`), and the import report when it worked.',
      params: IdParams,
      response: { 200: CalendarFetchResult, 404: Problem },
    },
    handler: async (request) => {
      const row = await findOwn(authOf(request).accountId, request.params.id);
      const { row: updated, report } = await fetchSubscription(deps, row);
      return { subscription: toSubscription(updated), report };
    },
  });

  app.get('/api/calendar-people', {
    schema: {
      tags,
      summary: 'People you met: attendees of imported meetings who are not contacts, the most recently met first (at most 500)',
      description:
        'Never created as contacts on their own: POST /api/calendar-people/add makes one a contact with the meetings as touches (a contact made another way, with their e-mail, also leaves this list).',
      response: { 200: PeopleMetList },
    },
    handler: async (request) => listPeopleMet(db, authOf(request).accountId),
  });

  app.post('/api/calendar-people/add', {
    schema: {
      tags,
      summary: 'Add a person met as a contact: `{email, firstName?, lastName?}`; the meetings with them become their touches at once',
      description:
        'Names default to the invitation’s (or the address’s); `metOn` is the first meeting’s date. Meetings already recorded as touches with other contacts gain this one; the calendar’s next import then finds nothing to change. 409 when a contact already has this e-mail.',
      body: PersonMetAdd,
      response: { 201: Contact, 404: Problem, 409: Problem },
    },
    handler: async (request, reply) => reply.code(201).send(await addPersonMet(db, await userOf(ctx, request), request.body)),
  });

  app.post('/api/calendar-people/dismiss', {
    schema: {
      tags,
      summary: 'Hide someone from “people you met”: `{email}`',
      body: PersonMetDismiss,
      response: { 204: z.null(), 404: Problem },
    },
    handler: async (request, reply) => {
      const found = await dismissPersonMet(db, authOf(request).accountId, request.body.email, now());
      if (!found) throw notFound('Person met');
      return reply.code(204).send(null);
    },
  });
}
