import { z } from 'zod';
import { IdParams } from '#shared/schemas/common.js';
import { CommonPoint, RenderBody, Rendered, Template, TemplateCreate, TemplateListQuery, TemplatePatch } from '#shared/schemas/templates.js';
import { renderTemplate } from '#shared/rules/templates.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { notFound } from '../../http/problems.js';
import { findContactRow } from '../contacts/queries.js';
import { userOf } from '../settings/user-context.js';
import { createTemplate, deleteTemplate, getTemplate, listTemplates, resetTemplate, updateTemplate } from './queries.js';
import { commonPointsFor, templateValues } from './values.js';

const tags = ['templates'];

export function templateRoutes(app: App, ctx: AppContext) {
  const { db, now } = ctx;

  app.get('/api/templates', {
    schema: { tags, summary: 'Message templates (the shipped ones in Spanish and English included)', querystring: TemplateListQuery, response: { 200: z.array(Template) } },
    handler: async (request) => listTemplates(db, authOf(request).accountId, request.query, now()),
  });

  app.post('/api/templates', {
    schema: { tags, summary: 'Create a template', body: TemplateCreate, response: { 201: Template } },
    handler: async (request, reply) => reply.code(201).send(await createTemplate(db, authOf(request).accountId, request.body, now())),
  });

  app.get('/api/templates/:id', {
    schema: { tags, summary: 'One template', params: IdParams, response: { 200: Template } },
    handler: async (request) => getTemplate(db, authOf(request).accountId, request.params.id),
  });

  app.patch('/api/templates/:id', {
    schema: { tags, summary: 'Edit a template', params: IdParams, body: TemplatePatch, response: { 200: Template } },
    handler: async (request) => updateTemplate(db, authOf(request).accountId, request.params.id, request.body, now()),
  });

  app.delete('/api/templates/:id', {
    schema: { tags, summary: 'Delete one of your templates (shipped ones can be reset, not deleted)', params: IdParams, response: { 204: z.null() } },
    handler: async (request, reply) => {
      await deleteTemplate(db, authOf(request).accountId, request.params.id);
      return reply.code(204).send(null);
    },
  });

  app.post('/api/templates/:id/reset', {
    schema: { tags, summary: 'Put a shipped template back to its original text', params: IdParams, response: { 200: Template } },
    handler: async (request) => resetTemplate(db, authOf(request).accountId, request.params.id, now()),
  });

  app.post('/api/templates/:id/render', {
    schema: {
      tags,
      summary: 'Fill a template for a contact: placeholders without a value stay visible and are listed in `missing`',
      params: IdParams,
      body: RenderBody,
      response: { 200: Rendered },
    },
    handler: async (request) => {
      const user = await userOf(ctx, request);
      const template = await getTemplate(db, user.accountId, request.params.id);
      const values = await templateValues(db, user, request.body, template.language);
      const { draft } = request.body;
      return renderTemplate(draft ? { subject: draft.subject ?? null, body: draft.body } : template, values);
    },
  });

  app.get('/api/contacts/:id/common-points', {
    schema: { tags: ['contacts'], summary: 'What you have in common with a contact, strongest first', params: IdParams, response: { 200: z.array(CommonPoint) } },
    handler: async (request) => {
      const user = await userOf(ctx, request);
      const contact = await findContactRow(db, user.accountId, request.params.id);
      if (!contact) throw notFound('Contact');
      return commonPointsFor(db, user, contact);
    },
  });
}
