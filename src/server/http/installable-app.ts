// Headers for the installable app's files among the web files (README "Install on your phone").
// The browser checks /sw.js for a new version at each visit: a cached copy would keep every
// phone on the old app (browsers cap a worker's HTTP cache at 24 h, still a day too many), so it
// and the shell that names the current assets are revalidated every time. The manifest gets its
// registered type (some browsers ignore a manifest served as anything else).
import type { FastifyReply, FastifyRequest } from 'fastify';

const ALWAYS_REVALIDATED = new Set(['/sw.js', '/manifest.webmanifest', '/index.html', '/']);

/** An onSend hook for the web files (registered beside @fastify/static in app.ts). */
export async function installableAppHeaders(request: FastifyRequest, reply: FastifyReply, payload: unknown) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return payload;
  const path = request.url.split('?')[0]!;
  const shell = reply.getHeader('content-type')?.toString().startsWith('text/html') === true && !path.startsWith('/api/');
  if (ALWAYS_REVALIDATED.has(path) || shell) reply.header('cache-control', 'no-cache');
  if (path === '/manifest.webmanifest') reply.header('content-type', 'application/manifest+json; charset=utf-8');
  return payload;
}
