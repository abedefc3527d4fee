// Builds the HTTP server: plugins, the authentication hook, then every feature's routes.
// The table of features below is the server's table of contents.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import Fastify from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { authRoutes } from '../features/auth/routes.js';
import { authenticationHook } from '../features/auth/authenticate.js';
import { secretBox } from '../features/auth/secret-box.js';
import { securityRoutes } from '../features/auth/security-routes.js';
import { backupRoutes } from '../features/backup/routes.js';
import { calendarRoutes } from '../features/calendar/routes.js';
import { calendarImportRoutes } from '../features/calendar-import/routes.js';
import { campaignRoutes } from '../features/campaigns/routes.js';
import { contactRoutes } from '../features/contacts/routes.js';
import { addDavMethods, davRoutes } from '../features/dav/routes.js';
import { introRoutes, networkRoutes, relationshipRoutes } from '../features/relationships/routes.js';
import { emailRoutes } from '../features/email/routes.js';
import { unsubscribeSigner } from '../features/email/unsubscribe.js';
import { eventRoutes } from '../features/events/routes.js';
import { favorRoutes } from '../features/favors/routes.js';
import { followupRoutes } from '../features/followups/routes.js';
import { importRoutes } from '../features/imports/routes.js';
import { interactionRoutes } from '../features/interactions/routes.js';
import { invitationRoutes } from '../features/invitations/routes.js';
import { reviewRoutes } from '../features/review/routes.js';
import { settingsRoutes } from '../features/settings/routes.js';
import { templateRoutes } from '../features/templates/routes.js';
import { todayRoutes } from '../features/today/routes.js';
import { tokenRoutes } from '../features/tokens/routes.js';
import { trashRoutes } from '../features/trash/routes.js';
import { userRoutes } from '../features/users/routes.js';
import type { TrustProxy } from '../config.js';
import type { App, AppContext, RouteEntry } from './context.js';
import { documentIdempotency, registerIdempotency } from './idempotency.js';
import { installableAppHeaders } from './installable-app.js';
import { limitsOf } from './limits.js';
import { logSerializers } from './logging.js';
import { errorHandler, HttpProblem } from './problems.js';
import { registerSecurityHeaders } from './security-headers.js';

const features = [
  authRoutes,
  securityRoutes,
  tokenRoutes,
  userRoutes,
  settingsRoutes,
  contactRoutes,
  trashRoutes,
  relationshipRoutes,
  introRoutes,
  networkRoutes,
  interactionRoutes,
  followupRoutes,
  favorRoutes,
  todayRoutes,
  reviewRoutes,
  emailRoutes,
  templateRoutes,
  invitationRoutes,
  eventRoutes,
  campaignRoutes,
  backupRoutes,
  calendarRoutes,
  importRoutes,
  calendarImportRoutes,
  davRoutes,
];

export interface BuildOptions {
  /** Everything but the keys, which buildApp derives from `secret`. */
  ctx: Omit<AppContext, 'totpBox' | 'unsubscribe' | 'calendarBox' | 'calendarFetch'> & { calendarFetch?: AppContext['calendarFetch'] };
  secret: string;
  logLevel?: string;
  /** Where log lines go (default standard output); tests read them. */
  logStream?: { write(line: string): void };
  /** Serve the built web app from this folder (default dist/web when it exists). */
  webRoot?: string | null;
  /** Whose X-Forwarded-For/-Proto to believe (CIRCULO_TRUST_PROXY); nobody's by default. */
  trustProxy?: TrustProxy;
}

/** Requests a minute one address may make to the public API routes (login, setup, status…). */
export const ANONYMOUS_REQUESTS_PER_MINUTE = 60;

/**
 * CIRCULO_TRUST_PROXY as Fastify's option. A hop count `n` trusts the `n` nearest hops whatever
 * their address (as Express does); Fastify 5 itself ignores a bare number, so it becomes a
 * function here. Addresses/CIDRs are the stricter choice (README, "Security").
 */
function fastifyTrustProxy(trust: TrustProxy): boolean | string[] | ((address: string, hop: number) => boolean) {
  if (typeof trust === 'number') return (_address, hop) => hop < trust;
  return trust;
}

const defaultWebRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export async function buildApp(options: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info', serializers: logSerializers, ...(options.logStream ? { stream: options.logStream } : {}) },
    // JSON bodies; uploads and the backup restore set their own caps on their routes.
    bodyLimit: limitsOf(options.ctx.limits).jsonBytes,
    // Only a configured proxy may name the client (request.ip) and the protocol: otherwise anyone
    // picks their own address with X-Forwarded-For and walks around the login throttle.
    trustProxy: fastifyTrustProxy(options.trustProxy ?? false),
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('auth', null);
  addDavMethods(app);

  // The web app's files are public and not rate-limited (a page load fetches several); they are
  // marked here, as the static plugin registers them, because its routes take no options of ours.
  let registeringWebFiles = false;
  const routeTable: RouteEntry[] = [];
  app.decorate('routeTable', routeTable);
  app.addHook('onRoute', (route) => {
    if (registeringWebFiles) route.config = { ...route.config, public: true, rateLimit: false };
    const querystring = (route.schema?.querystring as { shape?: Record<string, unknown> } | undefined)?.shape;
    for (const method of [route.method].flat()) {
      routeTable.push({ method, url: route.url, public: route.config?.public === true, query: Object.keys(querystring ?? {}) });
    }
  });

  await registerSecurityHeaders(app, { https: options.ctx.secureCookies });
  app.addHook('onSend', installableAppHeaders);
  await app.register(cookie, { secret: options.secret });
  // Anonymous callers get a per-address budget on the public routes; authenticated routes are
  // not limited by it (the hook refuses anonymous callers there before this runs).
  await app.register(rateLimit, {
    global: true,
    max: ANONYMOUS_REQUESTS_PER_MINUTE,
    timeWindow: 60_000,
    allowList: (request) => request.routeOptions.config.public !== true,
    errorResponseBuilder: (_request, context) => {
      const seconds = Math.max(1, Math.ceil(context.ttl / 1000));
      return new HttpProblem(429, 'Too Many Requests', `Too many requests from your address. Try again in ${seconds} s.`, undefined, {
        'retry-after': String(seconds),
      });
    },
  });
  // Before the routes: it watches them register, to list the writes that take part.
  const idempotency = registerIdempotency(app, options.ctx);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Círculo API',
        version: '1',
        description:
          'Networking relationship manager. Authenticate with the session cookie (send X-CSRF-Token on writes) or `Authorization: Bearer <API token>`. Errors are RFC 9457 problem details. Writes that may be retried take an `Idempotency-Key` header (components.parameters.IdempotencyKey): a repeat gets the first answer instead of a second write.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'circulo_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: (document) =>
      'openapiObject' in document ? documentIdempotency(document.openapiObject, idempotency.documented) : document.swaggerObject,
  });
  const ctx: AppContext = {
    ...options.ctx,
    totpBox: secretBox(options.secret, 'totp-secrets'),
    unsubscribe: unsubscribeSigner(options.secret),
    calendarBox: secretBox(options.secret, 'calendar-subscriptions'),
    calendarFetch: options.ctx.calendarFetch ?? { allowPrivateAddresses: false },
  };
  app.addHook('onRequest', authenticationHook(ctx));

  for (const register of features) register(app, ctx);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    // Every plugin registered above (the imports scope…) must be loaded first, or its routes would
    // be taken for web files; tests/security/gate.test.ts asserts the exact list of public routes.
    await app.after();
    registeringWebFiles = true;
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
    registeringWebFiles = false;
    // Client-side routes (/contacts/…) get the app shell; unknown /api paths stay 404.
    app.setNotFoundHandler((request, reply) => {
      if (request.url.startsWith('/api/') || request.method !== 'GET') {
        throw new HttpProblem(404, 'Not Found', `No route ${request.method} ${request.url.split('?')[0]}`);
      }
      return reply.sendFile('index.html');
    });
  } else {
    app.setNotFoundHandler((request) => {
      throw new HttpProblem(404, 'Not Found', `No route ${request.method} ${request.url.split('?')[0]}`);
    });
  }
  return app;
}
