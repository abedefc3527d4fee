// Security headers on every response (@fastify/helmet): registered before the authentication
// hook, so 401s, 404s and problem documents carry them too. See README, "Serving it on a network".
import helmet from '@fastify/helmet';
import type { App } from './context.js';

export interface SecurityHeaderOptions {
  /** Served over HTTPS (CIRCULO_SECURE_COOKIES): only then is Strict-Transport-Security sent. */
  https: boolean;
}

export async function registerSecurityHeaders(app: App, { https }: SecurityHeaderOptions) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        // The built app is one module script from /assets; index.html has no inline script.
        scriptSrc: ["'self'"],
        // Mantine injects <style> tags at run time (its CSS variables, responsive style props)
        // and React writes style="" attributes: without 'unsafe-inline' the app renders unstyled.
        // Inline styles cannot run script; script-src stays 'self' only.
        styleSrc: ["'self'", "'unsafe-inline'"],
        // Contact photos are data: URLs.
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        // The installable app: its service worker (/sw.js) and manifest (README "Install on your
        // phone"). The Network screen's layout runs in a worker of the app's own
        // (web/src/features/relationships/network/layout.worker.ts, from /assets), so no worker
        // is ever built from a blob: URL. Scripts stay 'self' only.
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'none'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
    // The calendar feed's secret is in a URL: no page ever sends its address onward.
    referrerPolicy: { policy: 'no-referrer' },
    // Over plain HTTP (a laptop, a LAN) HSTS would be ignored at best and lock users out at worst.
    strictTransportSecurity: https ? { maxAge: 180 * 24 * 60 * 60, includeSubDomains: false } : false,
    crossOriginEmbedderPolicy: false,
  });
}
