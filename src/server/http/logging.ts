// What request logs say about a request. Fastify's default, minus the calendar feed's secret:
// /api/calendar/<secret>.ics is a key, and logs are read (and shipped) by more people than the owner.
import type { FastifyRequest } from 'fastify';

const FEED_PREFIX = '/api/calendar/';

/** The URL with a calendar feed secret replaced by `[redacted]`; any other URL as it is. */
export function redactUrl(url: string): string {
  if (!url.startsWith(FEED_PREFIX)) return url;
  const rest = url.slice(FEED_PREFIX.length);
  const end = rest.search(/[/?#]/);
  const segment = end === -1 ? rest : rest.slice(0, end);
  if (segment === 'secret' || segment === '') return url;
  return `${FEED_PREFIX}[redacted]${segment.endsWith('.ics') ? '.ics' : ''}${end === -1 ? '' : rest.slice(end)}`;
}

export const logSerializers = {
  req: (request: FastifyRequest) => ({
    method: request.method,
    url: redactUrl(request.url),
    host: request.host,
    remoteAddress: request.ip,
    remotePort: request.socket?.remotePort,
  }),
};
