import { z } from 'zod';
import { Contact, ContactCreate, ContactListQuery, ContactPage, ContactPatch, DeleteImpact } from '#shared/schemas/contacts.js';
import { IdParams, PageQuery } from '#shared/schemas/common.js';
import { TimelinePage } from '#shared/schemas/timeline.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { userOf } from '../settings/user-context.js';
import { createContact, deleteContact, deleteImpact, getContact, listContacts, tagsInUse, updateContact } from './queries.js';
import { contactTimeline } from './timeline.js';
import { DuplicatePage, DuplicatesQuery, MergeRequest } from '#shared/schemas/duplicates.js';
import { findDuplicates } from './duplicates.js';
import { mergeInto } from './merge-duplicates.js';

const tags = ['contacts'];

export function contactRoutes(app: App, ctx: AppContext) {
  const { db } = ctx;

  app.get('/api/contacts', {
    schema: {
      tags,
      summary: 'List contacts; `q` searches names, company, title, tags and notes ignoring accents and case',
      querystring: ContactListQuery,
      response: { 200: ContactPage },
    },
    handler: async (request) => listContacts(db, await userOf(ctx, request), request.query),
  });

  app.post('/api/contacts', {
    schema: { tags, summary: 'Create a contact', body: ContactCreate, response: { 201: Contact } },
    handler: async (request, reply) => reply.code(201).send(await createContact(db, await userOf(ctx, request), request.body)),
  });

  app.get('/api/contacts/tags', {
    schema: { tags, summary: 'Every tag in use, for filters', response: { 200: z.array(z.string()) } },
    handler: async (request) => tagsInUse(db, authOf(request).accountId),
  });

  app.get('/api/contacts/duplicates', {
    schema: {
      tags,
      summary: 'Pairs of contacts that look like one person (same LinkedIn profile, e-mail, phone, or name and company), with why',
      querystring: DuplicatesQuery,
      response: { 200: DuplicatePage },
    },
    handler: async (request) => findDuplicates(db, authOf(request).accountId, request.query),
  });

  app.post('/api/contacts/:id/merge', {
    schema: {
      tags,
      summary:
        'Merge `otherId` into this contact in one step: empty fields filled, lists joined, both notes kept, every interaction, follow-up, favor, invitation, attendance and membership moved; then `otherId` is deleted',
      params: IdParams,
      body: MergeRequest,
      response: { 200: Contact },
    },
    handler: async (request) => mergeInto(db, await userOf(ctx, request), request.params.id, request.body.otherId),
  });

  app.get('/api/contacts/:id', {
    schema: { tags, summary: 'A contact with its derived fields', params: IdParams, response: { 200: Contact } },
    handler: async (request) => getContact(db, await userOf(ctx, request), request.params.id),
  });

  app.patch('/api/contacts/:id', {
    schema: { tags, summary: 'Change a contact (only the fields sent)', params: IdParams, body: ContactPatch, response: { 200: Contact } },
    handler: async (request) => updateContact(db, await userOf(ctx, request), request.params.id, request.body),
  });

  app.get('/api/contacts/:id/delete-impact', {
    schema: { tags, summary: 'What deleting this contact would remove', params: IdParams, response: { 200: DeleteImpact } },
    handler: async (request) => deleteImpact(db, authOf(request).accountId, request.params.id),
  });

  app.delete('/api/contacts/:id', {
    schema: {
      tags,
      summary: 'Delete a contact, its follow-ups, favors and the touches only with them (shared touches keep the others); all of it can be restored from the trash for 30 days',
      params: IdParams,
      response: { 204: z.null() },
    },
    handler: async (request, reply) => {
      await deleteContact(db, authOf(request).accountId, request.params.id, ctx.now());
      return reply.code(204).send(null);
    },
  });

  app.get('/api/contacts/:id/timeline', {
    schema: { tags, summary: "A contact's history, newest first", params: IdParams, querystring: PageQuery, response: { 200: TimelinePage } },
    handler: async (request) => contactTimeline(db, await userOf(ctx, request), request.params.id, request.query),
  });
}
