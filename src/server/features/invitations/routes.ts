import { z } from 'zod';
import { IdParams } from '#shared/schemas/common.js';
import { Funnel, Invitation, InvitationCreate, InvitationListQuery, InvitationPage, InvitationPatch, WelcomeDraft, WelcomeSent } from '#shared/schemas/invitations.js';
import { invitationFunnel } from '#shared/rules/funnel.js';
import { renderTemplate } from '#shared/rules/templates.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { findContactRow } from '../contacts/queries.js';
import { userOf } from '../settings/user-context.js';
import { templateFor } from '../templates/queries.js';
import { commonPointsFor, templateValues } from '../templates/values.js';
import { createInvitation, deleteInvitation, funnelRows, getInvitation, listInvitations, markWelcomeSent, updateInvitation } from './queries.js';

const tags = ['invitations'];

export function invitationRoutes(app: App, ctx: AppContext) {
  const { db, now } = ctx;

  app.get('/api/invitations', {
    schema: { tags, summary: 'Invitations inbox, newest first', querystring: InvitationListQuery, response: { 200: InvitationPage } },
    handler: async (request) => listInvitations(db, authOf(request).accountId, request.query),
  });

  app.post('/api/invitations', {
    schema: {
      tags,
      summary: 'Record an invitation (LinkedIn or another network); an incoming one gets a "welcome them" follow-up',
      body: InvitationCreate,
      response: { 201: Invitation },
    },
    handler: async (request, reply) => reply.code(201).send(await createInvitation(db, await userOf(ctx, request), request.body)),
  });

  app.get('/api/invitations/funnel', {
    schema: { tags, summary: 'Incoming → welcome sent → replied → conversation → meeting → collaboration; reply rate; per month', response: { 200: Funnel } },
    handler: async (request) => {
      const rows = await funnelRows(db, authOf(request).accountId);
      return invitationFunnel(rows);
    },
  });

  app.get('/api/invitations/:id', {
    schema: { tags, summary: 'One invitation', params: IdParams, response: { 200: Invitation } },
    handler: async (request) => getInvitation(db, authOf(request).accountId, request.params.id),
  });

  app.patch('/api/invitations/:id', {
    schema: { tags, summary: 'Update an invitation: replied on, outcome, accepted on…', params: IdParams, body: InvitationPatch, response: { 200: Invitation } },
    handler: async (request) => updateInvitation(db, await userOf(ctx, request), request.params.id, request.body),
  });

  app.delete('/api/invitations/:id', {
    schema: { tags, summary: 'Delete an invitation', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteInvitation(db, authOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.get('/api/invitations/:id/welcome-draft', {
    schema: {
      tags,
      summary: 'A personal welcome proposed from your common points and your `welcome` template',
      params: IdParams,
      response: { 200: WelcomeDraft },
    },
    handler: async (request) => {
      const user = await userOf(ctx, request);
      const invitation = await getInvitation(db, user.accountId, request.params.id);
      const contact = (await findContactRow(db, user.accountId, invitation.contactId))!;
      const template = await templateFor(db, user.accountId, 'welcome', user.language, user.now);
      const commonPoints = await commonPointsFor(db, user, contact);
      const values = await templateValues(db, user, { contactId: contact.id }, user.language);
      const rendered = renderTemplate(template ?? { subject: null, body: '' }, values);
      return { ...rendered, templateId: template?.id ?? null, commonPoints };
    },
  });

  app.post('/api/invitations/:id/welcome', {
    schema: { tags, summary: 'Mark the personal welcome sent (its text is kept)', params: IdParams, body: WelcomeSent, response: { 200: Invitation } },
    handler: async (request) => markWelcomeSent(db, await userOf(ctx, request), request.params.id, request.body),
  });
}
