// A logged-in API caller for tests: keeps the session cookie and sends the CSRF token.
import type { App } from '../../src/server/http/context.js';

export interface Reply<T = any> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface ApiClient {
  csrfToken: string | null;
  user: { id: string; accountId: string; email: string; name: string };
  /** The session cookie and CSRF header, for requests made without `call` (uploads). */
  headers: Record<string, string>;
  call<T = any>(method: string, url: string, body?: unknown): Promise<Reply<T>>;
  get<T = any>(url: string): Promise<Reply<T>>;
  post<T = any>(url: string, body?: unknown): Promise<Reply<T>>;
  patch<T = any>(url: string, body?: unknown): Promise<Reply<T>>;
  del<T = any>(url: string): Promise<Reply<T>>;
}

export async function rawCall(
  app: App,
  method: string,
  url: string,
  options: { body?: unknown; headers?: Record<string, string>; remoteAddress?: string } = {},
): Promise<Reply> {
  const response = await app.inject({
    method: method as 'GET',
    url,
    ...(options.remoteAddress ? { remoteAddress: options.remoteAddress } : {}),
    headers: { ...(options.body !== undefined ? { 'content-type': 'application/json' } : {}), ...options.headers },
    ...(options.body !== undefined ? { payload: JSON.stringify(options.body) } : {}),
  });
  const text = response.body;
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    // not JSON
  }
  return { status: response.statusCode, body, headers: response.headers };
}

function clientFrom(app: App, cookie: string, me: { user: ApiClient['user']; csrfToken: string | null }): ApiClient {
  const headers = { cookie, ...(me.csrfToken ? { 'x-csrf-token': me.csrfToken } : {}) };
  const call = (method: string, url: string, body?: unknown) => rawCall(app, method, url, { body, headers });
  return {
    csrfToken: me.csrfToken,
    user: me.user,
    headers,
    call,
    get: (url) => call('GET', url),
    post: (url, body) => call('POST', url, body ?? {}),
    patch: (url, body) => call('PATCH', url, body ?? {}),
    del: (url) => call('DELETE', url),
  };
}

function cookieOf(headers: Record<string, unknown>): string {
  const setCookie = headers['set-cookie'];
  const first = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  if (typeof first !== 'string') throw new Error('no session cookie was set');
  return first.split(';')[0]!;
}

let counter = 0;
export function newUser(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return { email: `user${counter}-${Date.now()}@example.com`, password: 'correct horse battery staple', name: `User ${counter}`, timeZone: 'Europe/Madrid', ...overrides };
}

/** Runs first-time setup (the first user) and returns their client. */
export async function setupOwner(app: App, overrides: Record<string, unknown> = {}): Promise<ApiClient> {
  const reply = await rawCall(app, 'POST', '/api/auth/setup', { body: newUser(overrides) });
  if (reply.status !== 201) throw new Error(`setup failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return clientFrom(app, cookieOf(reply.headers), reply.body);
}

/** Creates another user (as `circulo user create` does) and logs them in. */
export async function loginAs(app: App, credentials: { email: string; password: string }): Promise<ApiClient> {
  const reply = await rawCall(app, 'POST', '/api/auth/login', { body: credentials });
  if (reply.status !== 200) throw new Error(`login failed: ${reply.status} ${JSON.stringify(reply.body)}`);
  return clientFrom(app, cookieOf(reply.headers), reply.body);
}
