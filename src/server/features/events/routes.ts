import { z } from 'zod';
import { IdParams } from '#shared/schemas/common.js';
import {
  Attendee,
  AttendeeCreate,
  AttendeeParams,
  AttendeePatch,
  EventCapture,
  EventCaptured,
  EventCreate,
  EventDetail,
  EventListQuery,
  EventPage,
  EventPatch,
} from '#shared/schemas/events.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { userOf } from '../settings/user-context.js';
import { addAttendee, removeAttendee, updateAttendee } from './attendees.js';
import { captureAtEvent } from './capture.js';
import { createEvent, deleteEvent, getEvent, listEvents, updateEvent } from './queries.js';

const tags = ['events'];

export function eventRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get('/api/events', {
    schema: {
      tags,
      summary: 'Events: `when=upcoming` soonest first, `when=past` newest first (all, newest first, without it)',
      querystring: EventListQuery,
      response: { 200: EventPage },
    },
    handler: async (request) => listEvents(db, await userOf(ctx, request), request.query),
  });

  app.post('/api/events', {
    schema: { tags, summary: 'Create an event', body: EventCreate, response: { 201: EventDetail } },
    handler: async (request, reply) => reply.code(201).send(await createEvent(db, await userOf(ctx, request), request.body)),
  });

  app.get('/api/events/:id', {
    schema: {
      tags,
      summary: 'An event with its attendees (topics suggested from common points, interests, communities) and my pitch for it',
      params: IdParams,
      response: { 200: EventDetail },
    },
    handler: async (request) => getEvent(db, await userOf(ctx, request), request.params.id),
  });

  app.patch('/api/events/:id', {
    schema: { tags, summary: 'Change an event (only the fields sent)', params: IdParams, body: EventPatch, response: { 200: EventDetail } },
    handler: async (request) => updateEvent(db, await userOf(ctx, request), request.params.id, request.body),
  });

  app.delete('/api/events/:id', {
    schema: {
      tags,
      summary: 'Delete an event, its attendee list and its after-event follow-ups (the contacts stay)',
      params: IdParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteEvent(db, authOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/events/:id/attendees', {
    schema: { tags, summary: 'Put a contact on the attendee list (409 if already there)', params: IdParams, body: AttendeeCreate, response: { 201: Attendee } },
    handler: async (request, reply) => reply.code(201).send(await addAttendee(db, await userOf(ctx, request), request.params.id, request.body)),
  });

  app.patch('/api/events/:id/attendees/:contactId', {
    schema: {
      tags,
      summary: 'Prepare for an attendee (want to meet, why, notes, topics, questions) or mark them met',
      params: AttendeeParams,
      body: AttendeePatch,
      response: { 200: Attendee },
    },
    handler: async (request) => updateAttendee(db, await userOf(ctx, request), request.params.id, request.params.contactId, request.body),
  });

  app.delete('/api/events/:id/attendees/:contactId', {
    schema: { tags, summary: 'Take a contact off the attendee list', params: AttendeeParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await removeAttendee(db, authOf(request).accountId, request.params.id, request.params.contactId);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/events/:id/capture', {
    schema: {
      tags,
      summary:
        'After the event: the people met become contacts (circle opportunity, source event, met there) on the attendee list, each with an after-event follow-up due 2 days after it',
      params: IdParams,
      body: EventCapture,
      response: { 201: EventCaptured },
    },
    handler: async (request, reply) => reply.code(201).send(await captureAtEvent(db, await userOf(ctx, request), request.params.id, request.body)),
  });
}
