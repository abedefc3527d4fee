import { z } from 'zod';
import { IdParams } from '#shared/schemas/common.js';
import {
  AdviceRequest,
  CampaignCompanyPaths,
  CampaignCreate,
  CampaignDetail,
  CampaignListQuery,
  CampaignMember,
  CampaignPage,
  CampaignPatch,
  CampaignSuggestion,
  ContactCampaign,
  MemberCreate,
  MemberParams,
  MemberPatch,
  ReferralsCreate,
  ReferralsCreated,
  ReferralTree,
  SuggestionQuery,
} from '#shared/schemas/campaigns.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { userOf } from '../settings/user-context.js';
import { campaignCompanyPaths } from './company-paths.js';
import { adviceRequest, campaignSuggestions } from './guidance.js';
import { addMember, campaignsOfContact, moveMember, removeMember } from './members.js';
import { createCampaign, deleteCampaign, getCampaign, listCampaigns, updateCampaign } from './queries.js';
import { addReferrals, campaignReferralTree } from './referrals.js';

const tags = ['campaigns'];

export function campaignRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get('/api/campaigns', {
    schema: { tags, summary: 'Campaigns, newest first', querystring: CampaignListQuery, response: { 200: CampaignPage } },
    handler: async (request) => listCampaigns(db, authOf(request).accountId, request.query),
  });

  app.post('/api/campaigns', {
    schema: { tags, summary: 'Start a campaign: a goal, a target, dates and weekly targets', body: CampaignCreate, response: { 201: CampaignDetail } },
    handler: async (request, reply) => reply.code(201).send(await createCampaign(db, await userOf(ctx, request), request.body)),
  });

  app.get('/api/campaigns/:id', {
    schema: {
      tags,
      summary: 'A campaign with its members (stage, referrals, flagged), counts by stage and weekly progress against its targets',
      params: IdParams,
      response: { 200: CampaignDetail },
    },
    handler: async (request) => getCampaign(db, await userOf(ctx, request), request.params.id),
  });

  app.patch('/api/campaigns/:id', {
    schema: { tags, summary: 'Change a campaign (only the fields sent)', params: IdParams, body: CampaignPatch, response: { 200: CampaignDetail } },
    handler: async (request) => updateCampaign(db, await userOf(ctx, request), request.params.id, request.body),
  });

  app.delete('/api/campaigns/:id', {
    schema: { tags, summary: 'Delete a campaign and its follow-ups (contacts and logged meetings stay)', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteCampaign(db, authOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/campaigns/:id/suggestions', {
    schema: {
      tags,
      summary: 'Whom to add first: contacts not yet in the campaign, closest first (stage, circle, most recent touch)',
      params: IdParams,
      querystring: SuggestionQuery,
      response: { 200: z.array(CampaignSuggestion) },
    },
    handler: async (request) => campaignSuggestions(db, await userOf(ctx, request), request.params.id, request.query.limit),
  });

  app.get('/api/campaigns/:id/company-intros', {
    schema: {
      tags: ['campaigns', 'relationships'],
      summary:
        'For each of the campaign’s target companies, the people there and the best warm-introduction path to one of them (null when none); and companies the free-text target names that you have contacts at, as suggestions',
      params: IdParams,
      response: { 200: CampaignCompanyPaths },
    },
    handler: async (request) => campaignCompanyPaths(db, await userOf(ctx, request), request.params.id),
  });

  app.get('/api/campaigns/:id/tree', {
    schema: { tags, summary: 'The referral tree: who led to whom, generations, depth and width', params: IdParams, response: { 200: ReferralTree } },
    handler: async (request) => campaignReferralTree(db, await userOf(ctx, request), request.params.id),
  });

  app.get('/api/contacts/:id/campaigns', {
    schema: {
      tags,
      summary: 'The campaigns a contact is in, with their stage in each and since when (the latest move first)',
      params: IdParams,
      response: { 200: z.array(ContactCampaign) },
    },
    handler: async (request) => campaignsOfContact(db, authOf(request).accountId, request.params.id),
  });

  app.post('/api/campaigns/:id/members', {
    schema: { tags, summary: 'Add a contact to the campaign, as `identified` unless `stage` says otherwise (a later stage is reached as PATCH reaches it: from `met` on, the meeting is logged now and a thank-you follow-up made); 409 if already in', params: IdParams, body: MemberCreate, response: { 201: CampaignMember } },
    handler: async (request, reply) => reply.code(201).send(await addMember(db, await userOf(ctx, request), request.params.id, request.body)),
  });

  app.patch('/api/campaigns/:id/members/:contactId', {
    schema: {
      tags,
      summary: 'Move a member: first reaching `met` or later logs the meeting (`channel`, default coffee; `occurredAt`, default now, not in the future) and at `met` a thank-you follow-up; `thanked` completes it',
      params: MemberParams,
      body: MemberPatch,
      response: { 200: CampaignMember },
    },
    handler: async (request) => moveMember(db, await userOf(ctx, request), request.params.id, request.params.contactId, request.body),
  });

  app.delete('/api/campaigns/:id/members/:contactId', {
    schema: { tags, summary: 'Take a contact out of the campaign', params: MemberParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await removeMember(db, authOf(request).accountId, request.params.id, request.params.contactId);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/campaigns/:id/members/:contactId/referrals', {
    schema: {
      tags,
      summary: 'The names a member gave you: new contacts introduced by them (source referral), joining the campaign unless `joinCampaign` is false',
      params: MemberParams,
      body: ReferralsCreate,
      response: { 201: ReferralsCreated },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await addReferrals(db, await userOf(ctx, request), request.params.id, request.params.contactId, request.body)),
  });

  app.get('/api/campaigns/:id/members/:contactId/advice-request', {
    schema: { tags, summary: 'Ask for advice, not a job: your `advice_request` template filled for this member', params: MemberParams, response: { 200: AdviceRequest } },
    handler: async (request) => adviceRequest(db, await userOf(ctx, request), request.params.id, request.params.contactId),
  });
}
