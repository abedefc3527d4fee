import { z } from 'zod';
import { IdParams } from '#shared/schemas/common.js';
import { Interaction, InteractionCreate, InteractionListQuery, InteractionPage, InteractionPatch } from '#shared/schemas/interactions.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { createInteraction, deleteInteraction, getInteraction, listInteractions, updateInteraction } from './queries.js';

const tags = ['interactions'];

export function interactionRoutes(app: App, { db, now }: AppContext) {
  app.get('/api/interactions', {
    schema: { tags, summary: 'Touches, newest first', querystring: InteractionListQuery, response: { 200: InteractionPage } },
    handler: async (request) => listInteractions(db, authOf(request).accountId, request.query),
  });

  app.post('/api/interactions', {
    schema: { tags, summary: 'Log a touch with one or more contacts', body: InteractionCreate, response: { 201: Interaction } },
    handler: async (request, reply) => reply.code(201).send(await createInteraction(db, authOf(request).accountId, request.body, now())),
  });

  app.get('/api/interactions/:id', {
    schema: { tags, summary: 'One touch', params: IdParams, response: { 200: Interaction } },
    handler: async (request) => getInteraction(db, authOf(request).accountId, request.params.id),
  });

  app.patch('/api/interactions/:id', {
    schema: { tags, summary: 'Change a touch', params: IdParams, body: InteractionPatch, response: { 200: Interaction } },
    handler: async (request) => updateInteraction(db, authOf(request).accountId, request.params.id, request.body),
  });

  app.delete('/api/interactions/:id', {
    schema: { tags, summary: 'Delete a touch', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteInteraction(db, authOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  });
}
