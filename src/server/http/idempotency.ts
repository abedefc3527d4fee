// `Idempotency-Key` on writes (README "HTTP API"). A client that may send a write twice (the
// phone app retrying its offline queue) names each write with a key; the server keeps the first
// answer to that key for 24 hours and replays it for a repeat instead of running the write again.
//
// One plugin for every route, no per-route code:
// - `preHandler` (after authentication and validation: a refused or malformed request keeps no
//   key) claims the key with one INSERT … ON CONFLICT on (account, user, key). Exactly one request
//   wins, whichever process it reaches; the others find the row: another request with the same
//   key is a 422, the same request still running a 409 (with Retry-After: the client retries; it
//   does not wait here, which would hold a connection per retry), a finished one its replay;
// - `onSend` writes the answer into the claimed row (status, body, the headers below). A 5xx is
//   not kept (the write's transaction rolled back, so running it again is right), nor an answer
//   setting a cookie (a replay could not hand the cookie out again).
// A claim whose request never answered (the process died) is a lease: after PENDING_LEASE_MS the
// key may be claimed again. All times are the app's clock (ctx.now), never the database's now().
//
// Not taking part (the header is ignored there, and the OpenAPI document does not offer it):
// public routes (no caller to scope a key by), routes only a logged-in person may use
// (`sessionOnly`: tokens, users, passwords, two-factor, restore — answers holding a secret shown
// once must not sit in this table, and nobody queues them offline), routes marked
// `config: { idempotency: false }`, and multipart uploads (imports): hashing up to 100 MB to
// compare bodies is too costly, and an import is idempotent by itself (a second run matches the
// contacts the first created and reports them unchanged).
import { createHash } from 'node:crypto';
import { and, eq, isNull, lte, gt } from 'drizzle-orm';
import type { FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import stableStringify from 'safe-stable-stringify';
import { idempotencyKeys } from '../db/schema.js';
import type { App, AppContext } from './context.js';
import { sendProblem } from './problems.js';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** How long an answer is kept and replayed. */
export const KEEP_ANSWER_MS = 24 * 60 * 60 * 1000;
/** How long a claimed key waits for its first request to answer before it may be claimed again. */
export const PENDING_LEASE_MS = 2 * 60 * 1000;
/** Printable ASCII, 1 to 255 characters (a UUID is the usual choice). */
const KEY_PATTERN = /^[\x20-\x7e]{1,255}$/;
/** The answer's headers a replay repeats (security headers are added afresh to every answer). */
const KEPT_HEADERS = ['content-type', 'content-disposition', 'location', 'cache-control'];
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The key this request claimed; its answer is recorded in onSend. */
    idempotencyClaim: { accountId: string; userId: string; key: string; fingerprint: string } | null;
  }
  interface FastifyContextConfig {
    /** `false`: this write ignores Idempotency-Key (its answer holds a secret shown once…). */
    idempotency?: false;
  }
}

type RouteShape = Pick<RouteOptions, 'method' | 'url' | 'config'> & { schema?: { consumes?: readonly string[] } | undefined };

/** Whether a route replays answers for Idempotency-Key (see the list at the top). */
export function takesPart(route: RouteShape, method: string): boolean {
  const config = (route.config ?? {}) as { public?: boolean; sessionOnly?: boolean; idempotency?: false };
  return (
    WRITES.has(method) &&
    route.url.startsWith('/api/') &&
    config.public !== true &&
    config.sessionOnly !== true &&
    config.idempotency !== false &&
    !(route.schema?.consumes ?? []).some((type) => type.startsWith('multipart/'))
  );
}

/** The request a key stands for: the same key with another method, path or body is a mistake. */
function fingerprintOf(request: FastifyRequest): string {
  // The validated body, with keys in a stable order: `{a,b}` and `{b,a}` are one request.
  return createHash('sha256').update(`${request.method} ${request.url}\n${stableStringify(request.body ?? null)}`).digest('hex');
}

function problem(reply: FastifyReply, request: FastifyRequest, status: 400 | 409 | 422, type: string, title: string, detail: string, headers = {}) {
  return sendProblem(reply, request, { type, title, status, detail, errors: [{ field: IDEMPOTENCY_HEADER, message: detail, code: type.split('/').pop()! }] }, headers);
}

/**
 * Registers the hooks, and answers which operations take part (for the OpenAPI document):
 * `"post /api/contacts"`, with OpenAPI's `{id}` for path parameters.
 */
export function registerIdempotency(app: App, { db, now }: Pick<AppContext, 'db' | 'now'>): { documented: Set<string> } {
  const documented = new Set<string>();
  app.decorateRequest('idempotencyClaim', null);

  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      if (takesPart(route as RouteShape, method)) documented.add(`${method.toLowerCase()} ${route.url.replace(/:(\w+)/g, '{$1}')}`);
    }
  });

  app.addHook('preHandler', async (request, reply) => {
    const sent = request.headers['idempotency-key'];
    if (sent === undefined || !request.auth || !takesPart(request.routeOptions as RouteShape, request.method)) return;
    if (request.headers['content-type']?.toLowerCase().startsWith('multipart/')) return;
    if (typeof sent !== 'string' || !KEY_PATTERN.test(sent)) {
      return problem(reply, request, 400, '/problems/validation-error', 'Validation failed', `${IDEMPOTENCY_HEADER}: send one key of 1 to 255 printable ASCII characters`);
    }
    const claim = { accountId: request.auth.accountId, userId: request.auth.userId, key: sent, fingerprint: fingerprintOf(request) };
    const ours = and(eq(idempotencyKeys.accountId, claim.accountId), eq(idempotencyKeys.userId, claim.userId), eq(idempotencyKeys.key, claim.key));
    // Claim, or find who holds it. The row found may expire (and be deleted) between the two
    // statements: then claim again.
    for (let attempt = 0; attempt < 3; attempt++) {
      const at = now();
      const pending = { fingerprint: claim.fingerprint, status: null, headers: null, body: null, createdAt: at, expiresAt: new Date(at.getTime() + PENDING_LEASE_MS) };
      const claimed = await db
        .insert(idempotencyKeys)
        .values({ accountId: claim.accountId, userId: claim.userId, key: claim.key, ...pending })
        .onConflictDoUpdate({
          target: [idempotencyKeys.accountId, idempotencyKeys.userId, idempotencyKeys.key],
          set: pending,
          // Only an expired answer, or a lease its request never came back to, may be taken over.
          setWhere: lte(idempotencyKeys.expiresAt, at),
        })
        .returning({ key: idempotencyKeys.key });
      if (claimed.length > 0) {
        request.idempotencyClaim = claim;
        await forgetExpired(request, claim.accountId, at);
        return;
      }
      const [held] = await db.select().from(idempotencyKeys).where(and(ours, gt(idempotencyKeys.expiresAt, at)));
      if (!held) continue;
      if (held.fingerprint !== claim.fingerprint) {
        return problem(
          reply,
          request,
          422,
          '/problems/idempotency-key-reused',
          'Unprocessable Content',
          `${IDEMPOTENCY_HEADER}: this key was used for another request (method, path or body); use a new key for a new request`,
        );
      }
      if (held.status === null) {
        return problem(reply, request, 409, '/problems/idempotency-key-in-use', 'Conflict', `${IDEMPOTENCY_HEADER}: the first request with this key is still running; retry in a moment`, {
          'retry-after': '1',
        });
      }
      reply.code(held.status).headers(held.headers ?? {}).header('idempotent-replayed', 'true');
      // A Buffer is sent as it is: the kept body was already serialised by the first answer.
      return reply.send(held.body === null ? undefined : Buffer.from(held.body, 'utf8'));
    }
    return problem(reply, request, 409, '/problems/idempotency-key-in-use', 'Conflict', `${IDEMPOTENCY_HEADER}: the key is changing hands; retry in a moment`, { 'retry-after': '1' });
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claim = request.idempotencyClaim;
    if (!claim) return payload;
    request.idempotencyClaim = null;
    const ours = and(
      eq(idempotencyKeys.accountId, claim.accountId),
      eq(idempotencyKeys.userId, claim.userId),
      eq(idempotencyKeys.key, claim.key),
      eq(idempotencyKeys.fingerprint, claim.fingerprint),
      isNull(idempotencyKeys.status),
    );
    const keepable = reply.statusCode < 500 && !reply.hasHeader('set-cookie') && (payload === null || payload === undefined || typeof payload === 'string');
    try {
      if (keepable) {
        const headers = Object.fromEntries(KEPT_HEADERS.flatMap((name) => (reply.hasHeader(name) ? [[name, String(reply.getHeader(name))]] : [])));
        const body = typeof payload === 'string' ? payload : null;
        await db
          .update(idempotencyKeys)
          .set({ status: reply.statusCode, headers, body, expiresAt: new Date(now().getTime() + KEEP_ANSWER_MS) })
          .where(ours);
      } else {
        await db.delete(idempotencyKeys).where(ours);
      }
    } catch (error) {
      // The write itself is done: its answer goes out. A repeat waits for the lease, then runs.
      request.log.error({ err: error }, 'could not record the answer to an Idempotency-Key');
    }
    return payload;
  });

  /** Lazy clean-up: each new key removes its account's expired ones (an index on both). */
  async function forgetExpired(request: FastifyRequest, accountId: string, at: Date) {
    try {
      await db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.accountId, accountId), lte(idempotencyKeys.expiresAt, at)));
    } catch (error) {
      request.log.warn({ err: error }, 'could not delete expired idempotency keys');
    }
  }

  return { documented };
}

/** The reusable header parameter, in `components.parameters` of the OpenAPI document. */
export const idempotencyKeyParameter = {
  name: IDEMPOTENCY_HEADER,
  in: 'header',
  required: false,
  description:
    'A key of your choice (a UUID) naming this write. A repeat with the same key within 24 hours gets the first answer again (with `Idempotent-Replayed: true`) and changes nothing; the same key with another method, path or body is a 422, and a repeat while the first is still running a 409 with Retry-After. Keys are per user. Answers of 500 or more are not kept.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x20-\\x7E]+$' },
} as const;

type OpenApiLike = { paths?: Record<string, Record<string, { parameters?: unknown[] } | unknown> | undefined>; components?: { parameters?: Record<string, unknown> } };

/** Adds the header parameter to every operation that takes part (swagger's transformObject). */
export function documentIdempotency<T extends object>(openapi: T, documented: Set<string>): T {
  const document = openapi as OpenApiLike;
  document.components = { ...document.components, parameters: { ...document.components?.parameters, IdempotencyKey: idempotencyKeyParameter } };
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations ?? {})) {
      if (!documented.has(`${method} ${path}`) || typeof operation !== 'object' || operation === null) continue;
      const op = operation as { parameters?: unknown[] };
      op.parameters = [...(op.parameters ?? []), { $ref: '#/components/parameters/IdempotencyKey' }];
    }
  }
  return openapi;
}
