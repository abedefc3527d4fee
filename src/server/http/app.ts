// Builds the HTTP server: plugins, the authentication hook, then every feature's routes.
// The table of features below is the server's table of contents.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
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
import { campaignRoutes } from '../features/campaigns/routes.js';
import { contactRoutes } from '../features/contacts/routes.js';
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
import type { App, AppContext } from './context.js';
import { errorHandler, HttpProblem } from './problems.js';

const features = [
  authRoutes,
  securityRoutes,
  tokenRoutes,
  settingsRoutes,
  contactRoutes,
  interactionRoutes,
  followupRoutes,
  favorRoutes,
  todayRoutes,
  reviewRoutes,
  templateRoutes,
  invitationRoutes,
  eventRoutes,
  campaignRoutes,
  backupRoutes,
  calendarRoutes,
  importRoutes,
];

export interface BuildOptions {
  /** Everything but the keys, which buildApp derives from `secret`. */
  ctx: Omit<AppContext, 'totpBox'>;
  secret: string;
  logLevel?: string;
  /** Serve the built web app from this folder (default dist/web when it exists). */
  webRoot?: string | null;
}

const defaultWebRoot = fileURLToPath(new URL('../../../dist/web', import.meta.url));

export async function buildApp(options: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: { level: options.logLevel ?? 'info' },
    bodyLimit: 50 * 1024 * 1024,
    trustProxy: true,
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.decorateRequest('auth', null);

  await app.register(cookie, { secret: options.secret });
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Círculo API',
        version: '1',
        description:
          'Networking relationship manager. Authenticate with the session cookie (send X-CSRF-Token on writes) or `Authorization: Bearer <API token>`. Errors are RFC 9457 problem details.',
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
  });
  const ctx: AppContext = { ...options.ctx, totpBox: secretBox(options.secret, 'totp-secrets') };
  app.addHook('onRequest', authenticationHook(ctx));

  for (const register of features) register(app, ctx);

  app.get('/api/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot === undefined ? defaultWebRoot : options.webRoot;
  if (webRoot && existsSync(webRoot)) {
    await app.register(fastifyStatic, { root: webRoot, wildcard: false });
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
