import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ApiToken, TokenCreateBody, TokenCreated } from '#shared/schemas/auth.js';
import { IdParams, Problem } from '#shared/schemas/common.js';
import { apiTokens } from '../../db/schema.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { badRequest, notFound } from '../../http/problems.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { API_TOKEN_PREFIX } from '../auth/sessions.js';

const tags = ['tokens'];
type TokenRow = typeof apiTokens.$inferSelect;

const toApiToken = (t: TokenRow): ApiToken => ({
  id: t.id,
  name: t.name,
  scope: t.scope,
  expiresAt: t.expiresAt?.toISOString() ?? null,
  createdAt: t.createdAt.toISOString(),
  lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
});

export function tokenRoutes(app: App, { db, now }: AppContext) {
  app.get('/api/tokens', {
    schema: { tags, summary: 'API tokens of this account, with their scope, expiry and last use', response: { 200: z.array(ApiToken) } },
    handler: async (request) => {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.accountId, authOf(request).accountId))
        .orderBy(desc(apiTokens.createdAt));
      return rows.map(toApiToken);
    },
  });

  // Tokens are minted and revoked by a person logged in, never by another token.
  app.post('/api/tokens', {
    config: { sessionOnly: true },
    schema: {
      tags,
      summary: 'Create an API token (shown once): `scope` read or write (default), optional `expiresAt`',
      description: 'Only from a logged-in session: an API token cannot create tokens (403).',
      body: TokenCreateBody,
      response: { 201: TokenCreated, 403: Problem },
    },
    handler: async (request, reply) => {
      const auth = authOf(request);
      const { name, scope, expiresAt } = request.body;
      const expires = expiresAt ? new Date(expiresAt) : null;
      if (expires && expires.getTime() <= now().getTime()) throw badRequest('expiresAt', 'must be in the future', 'too_small');
      const token = API_TOKEN_PREFIX + randomToken();
      const [row] = await db
        .insert(apiTokens)
        .values({ accountId: auth.accountId, userId: auth.userId, name, scope, expiresAt: expires, tokenHash: sha256(token), createdAt: now() })
        .returning();
      return reply.code(201).send({ ...toApiToken(row!), token });
    },
  });

  app.delete('/api/tokens/:id', {
    config: { sessionOnly: true },
    schema: {
      tags,
      summary: 'Revoke an API token',
      description: 'Only from a logged-in session: an API token cannot delete tokens (403).',
      params: IdParams,
      response: { 204: z.null(), 403: Problem },
    },
    handler: async (request, reply) => {
      const deleted = await db
        .delete(apiTokens)
        .where(and(eq(apiTokens.id, request.params.id), eq(apiTokens.accountId, authOf(request).accountId)))
        .returning({ id: apiTokens.id });
      if (deleted.length === 0) throw notFound('API token');
      return reply.code(204).send(null);
    },
  });
}
