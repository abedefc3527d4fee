import { z } from 'zod';
import { IdParams } from '#shared/schemas/common.js';
import { Favor, FavorCreate, FavorListQuery, FavorOutcome, FavorPage, FavorPatch, FavorThank, ReciprocitySummary } from '#shared/schemas/favors.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { userOf } from '../settings/user-context.js';
import { createFavor, deleteFavor, getFavor, listFavors, recordOutcome, thankFavor, updateFavor } from './queries.js';
import { reciprocitySummary } from './reciprocity.js';

const tags = ['favors'];

export function favorRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get('/api/favors', {
    schema: { tags, summary: 'The give-and-take ledger, newest first', querystring: FavorListQuery, response: { 200: FavorPage } },
    handler: async (request) => listFavors(db, await userOf(ctx, request), request.query),
  });

  app.post('/api/favors', {
    schema: {
      tags,
      summary: 'Record a favor received or given; a received one gets a thank-you follow-up (due in 2 days by default)',
      body: FavorCreate,
      response: { 201: Favor },
    },
    handler: async (request, reply) => reply.code(201).send(await createFavor(db, await userOf(ctx, request), request.body)),
  });

  app.get('/api/favors/reciprocity', {
    schema: { tags, summary: 'Favors given and received in the last 12 months, and whom to give to', response: { 200: ReciprocitySummary } },
    handler: async (request) => reciprocitySummary(db, await userOf(ctx, request)),
  });

  app.get('/api/favors/:id', {
    schema: { tags, summary: 'One favor', params: IdParams, response: { 200: Favor } },
    handler: async (request) => getFavor(db, await userOf(ctx, request), request.params.id),
  });

  app.patch('/api/favors/:id', {
    schema: { tags, summary: 'Change a favor', params: IdParams, body: FavorPatch, response: { 200: Favor } },
    handler: async (request) => updateFavor(db, await userOf(ctx, request), request.params.id, request.body),
  });

  app.delete('/api/favors/:id', {
    schema: { tags, summary: 'Delete a favor and its follow-ups', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteFavor(db, authOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/favors/:id/thank', {
    schema: {
      tags,
      summary: 'Mark a received favor thanked: completes the thank-you and schedules "tell them how it went" (14 days by default)',
      params: IdParams,
      body: FavorThank,
      response: { 200: Favor },
    },
    handler: async (request) => thankFavor(db, await userOf(ctx, request), request.params.id, request.body ?? {}),
  });

  app.post('/api/favors/:id/outcome', {
    schema: {
      tags,
      summary: 'Record how it turned out (or that it does not apply): closes the loop of a thanked favor; on a given favor, that they reported back',
      params: IdParams,
      body: FavorOutcome,
      response: { 200: Favor },
    },
    handler: async (request) => recordOutcome(db, await userOf(ctx, request), request.params.id, request.body),
  });
}
