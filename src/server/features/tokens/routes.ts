import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import { ApiToken, TokenCreateBody, TokenCreated } from '#shared/schemas/auth.js';
import { IdParams } from '#shared/schemas/common.js';
import { apiTokens } from '../../db/schema.js';
import { authOf, type App, type AppContext } from '../../http/context.js';
import { notFound } from '../../http/problems.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { API_TOKEN_PREFIX } from '../auth/sessions.js';

const tags = ['tokens'];

export function tokenRoutes(app: App, { db, now }: AppContext) {
  app.get('/api/tokens', {
    schema: { tags, summary: 'API tokens of this account', response: { 200: z.array(ApiToken) } },
    handler: async (request) => {
      const rows = await db
        .select()
        .from(apiTokens)
        .where(eq(apiTokens.accountId, authOf(request).accountId))
        .orderBy(desc(apiTokens.createdAt));
      return rows.map((t) => ({
        id: t.id,
        name: t.name,
        createdAt: t.createdAt.toISOString(),
        lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
      }));
    },
  });

  app.post('/api/tokens', {
    schema: { tags, summary: 'Create an API token (shown once)', body: TokenCreateBody, response: { 201: TokenCreated } },
    handler: async (request, reply) => {
      const auth = authOf(request);
      const token = API_TOKEN_PREFIX + randomToken();
      const [row] = await db
        .insert(apiTokens)
        .values({ accountId: auth.accountId, userId: auth.userId, name: request.body.name, tokenHash: sha256(token), createdAt: now() })
        .returning();
      return reply.code(201).send({ id: row!.id, name: row!.name, token });
    },
  });

  app.delete('/api/tokens/:id', {
    schema: { tags, summary: 'Revoke an API token', params: IdParams, response: { 204: z.null() } },
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
