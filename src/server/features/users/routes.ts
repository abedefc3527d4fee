// Settings → Users, for the owner only (anyone else gets 403). Changing who may log in is done
// by a person logged in, never with an API token.
import type { FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { IdParams, PageQuery, Problem } from '#shared/schemas/common.js';
import { UserCreateBody, UserPage, UserSummary } from '#shared/schemas/users.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { conflict, HttpProblem, notFound } from '../../http/problems.js';
import { EmailTakenError, createUserWithAccount } from '../auth/users.js';
import { OwnerCannotBeDisabledError, disableUser, enableUser, isOwner, listUsers, toUserSummary } from './queries.js';

const tags = ['users'];
const ownerOnly = 'Only the owner of this Círculo (its first user) may; anyone else gets 403.';

export function userRoutes(app: App, { db, now }: AppContext) {
  app.register(async (scope) => {
    const typed = scope.withTypeProvider<ZodTypeProvider>();
    // Runs after the authentication hook, before validation: a non-owner learns nothing more.
    typed.addHook('onRequest', async (request: FastifyRequest) => {
      if (!(await isOwner(db, authOf(request).userId))) {
        throw new HttpProblem(403, 'Forbidden', 'Only the owner of this Círculo can manage its users.');
      }
    });

    typed.get('/api/users', {
      schema: { tags, summary: 'Every user of this Círculo, oldest first (owner only)', description: ownerOnly, querystring: PageQuery, response: { 200: UserPage, 403: Problem } },
      handler: async (request) => listUsers(db, request.query),
    });

    typed.post('/api/users', {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Add a user with an account of their own, as `circulo user create` does (owner only)',
        description: `${ownerOnly} Not with an API token. 409 when the e-mail is taken.`,
        body: UserCreateBody,
        response: { 201: UserSummary, 403: Problem, 409: Problem },
      },
      handler: async (request, reply) => {
        try {
          const user = await createUserWithAccount(db, request.body, now());
          return reply.code(201).send(toUserSummary(user!));
        } catch (error) {
          if (error instanceof EmailTakenError) throw conflict(error.message);
          throw error;
        }
      },
    });

    typed.post('/api/users/:id/disable', {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Disable a user: no login, their sessions end, their tokens stop working; their data stays (owner only)',
        description: `${ownerOnly} Not with an API token. The owner cannot disable themselves (409).`,
        params: IdParams,
        response: { 200: UserSummary, 403: Problem, 404: Problem, 409: Problem },
      },
      handler: async (request) => {
        try {
          const user = await disableUser(db, request.params.id, now());
          if (!user) throw notFound('User');
          return toUserSummary(user);
        } catch (error) {
          if (error instanceof OwnerCannotBeDisabledError) throw conflict(error.message);
          throw error;
        }
      },
    });

    typed.post('/api/users/:id/enable', {
      config: { sessionOnly: true },
      schema: {
        tags,
        summary: 'Enable a disabled user again (owner only)',
        description: `${ownerOnly} Not with an API token.`,
        params: IdParams,
        response: { 200: UserSummary, 403: Problem, 404: Problem },
      },
      handler: async (request) => {
        const user = await enableUser(db, request.params.id);
        if (!user) throw notFound('User');
        return toUserSummary(user);
      },
    });
  });
}
