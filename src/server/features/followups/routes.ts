import { z } from 'zod';
import { IdParams } from '#shared/schemas/common.js';
import { Followup, FollowupCreate, FollowupListQuery, FollowupPage, FollowupPatch } from '#shared/schemas/followups.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { createFollowup, deleteFollowup, getFollowup, listFollowups, updateFollowup } from './queries.js';

const tags = ['followups'];

export function followupRoutes(app: App, { db, now }: AppContext) {
  app.get('/api/followups', {
    schema: { tags, summary: 'Follow-ups, soonest due first', querystring: FollowupListQuery, response: { 200: FollowupPage } },
    handler: async (request) => listFollowups(db, authOf(request).accountId, request.query),
  });

  app.post('/api/followups', {
    schema: { tags, summary: 'Create a follow-up for a contact', body: FollowupCreate, response: { 201: Followup } },
    handler: async (request, reply) => reply.code(201).send(await createFollowup(db, authOf(request).accountId, request.body, now())),
  });

  app.get('/api/followups/:id', {
    schema: { tags, summary: 'One follow-up', params: IdParams, response: { 200: Followup } },
    handler: async (request) => getFollowup(db, authOf(request).accountId, request.params.id),
  });

  app.patch('/api/followups/:id', {
    schema: {
      tags,
      summary: 'Edit, or change status: done, dismissed, snoozed (with snoozedUntil), open',
      params: IdParams,
      body: FollowupPatch,
      response: { 200: Followup },
    },
    handler: async (request) => updateFollowup(db, authOf(request).accountId, request.params.id, request.body, now()),
  });

  app.delete('/api/followups/:id', {
    schema: { tags, summary: 'Delete a follow-up (prefer dismiss: it keeps the history)', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteFollowup(db, authOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
