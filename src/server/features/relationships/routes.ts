import { z } from 'zod';
import { IdParams } from '#shared/schemas/common.js';
import { RelationshipCreate, RelationshipParams, Tie, TieList } from '#shared/schemas/relationships.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { addTie, listTies, removeTie } from './ties.js';
import { IntroPaths, IntroRequest, IntroRequested, IntrosQuery } from '#shared/schemas/intros.js';
import { userOf } from '../settings/user-context.js';
import { bestPathToEach, introPaths } from './intros.js';
import { and, eq } from 'drizzle-orm';
import { campaignMembers } from '../../db/schema.js';
import { findCampaignRow } from '../campaigns/queries.js';

/** A board's members, with room to spare: paths for more would be slow to read and to use. */
const MAX_CAMPAIGN_MEMBERS_PATHED = 300;
import { requestIntro } from './intro-request.js';
import { Network, NetworkQuery } from '#shared/schemas/network.js';
import { network } from './network.js';

const tags = ['relationships'];

export function relationshipRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get('/api/contacts/:id/relationships', {
    schema: {
      tags,
      summary:
        'Everyone this contact is tied to: the ties typed by the user, and those read from introductions, referrals, introduction favors, shared touches, events and the same company (each says where it comes from)',
      params: IdParams,
      response: { 200: TieList },
    },
    handler: async (request) => listTies(db, authOf(request).accountId, request.params.id),
  });

  app.post('/api/contacts/:id/relationships', {
    schema: {
      tags,
      summary: 'Tie this contact to another of the account (one tie per pair, never to themselves)',
      params: IdParams,
      body: RelationshipCreate,
      response: { 201: Tie },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await addTie(db, authOf(request).accountId, request.params.id, request.body, ctx.now())),
  });

  app.delete('/api/contacts/:id/relationships/:otherId', {
    schema: {
      tags,
      summary: 'Remove the typed tie between this contact and `otherId` (the other contact, or the tie’s id); derived ties stay',
      params: RelationshipParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await removeTie(db, authOf(request).accountId, request.params.id, request.params.otherId);
      return reply.code(204).send(null);
    },
  });
}

export function introRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get('/api/intros', {
    schema: {
      tags: ['relationships'],
      summary:
        'Warm-introduction paths to a contact (`contactId`), anyone at a `company`, or anyone matching `q`: at most two people between, best first, each introducer flagged when the user only ever asks them (give before you ask) or has not talked to them in two years (cold)',
      querystring: IntrosQuery,
      response: { 200: IntroPaths },
    },
    handler: async (request) => introPaths(db, await userOf(ctx, request), request.query),
  });

  app.get('/api/campaigns/:id/intros', {
    schema: {
      tags: ['relationships', 'campaigns'],
      summary: 'The best warm-introduction path to each member of the campaign, where one exists (best first)',
      params: IdParams,
      response: { 200: IntroPaths },
    },
    handler: async (request) => {
      const user = await userOf(ctx, request);
      await findCampaignRow(db, user.accountId, request.params.id);
      const members = await db
        .select({ id: campaignMembers.contactId })
        .from(campaignMembers)
        .where(and(eq(campaignMembers.accountId, user.accountId), eq(campaignMembers.campaignId, request.params.id)))
        .limit(MAX_CAMPAIGN_MEMBERS_PATHED);
      const best = await bestPathToEach(db, user, members.map((m) => m.id));
      return { items: [...best.values()].sort((a, b) => b.score - a.score) };
    },
  });

  app.post('/api/intros/requests', {
    schema: {
      tags: ['relationships'],
      summary: 'The user asked `introducerId` for an introduction to `targetId`: logs an `ask` touch with the introducer and a follow-up to check back in a week',
      body: IntroRequest,
      response: { 201: IntroRequested },
    },
    handler: async (request, reply) => reply.code(201).send(await requestIntro(db, await userOf(ctx, request), request.body)),
  });
}

export function networkRoutes(app: App, ctx: AppContext) {
  app.get('/api/network', {
    schema: {
      tags: ['relationships'],
      summary: 'The contacts (by circle, tag, company or campaign; the strongest ties first, up to `limit`) with the user’s tie strength, and the ties between them',
      querystring: NetworkQuery,
      response: { 200: Network },
    },
    handler: async (request) => network(ctx.db, await userOf(ctx, request), request.query),
  });
}
