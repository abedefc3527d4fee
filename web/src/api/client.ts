// A small typed fetch client for /api: JSON in and out, the session cookie, the CSRF header on
// writes, and RFC 9457 problem details turned into ApiError values.
import type { Problem } from '@shared/schemas/index.js';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | null;
  /** Bad fields of a validation error, keyed by the top-level field name (`emails`, `firstName`). */
  readonly fieldErrors: Record<string, string>;

  constructor(status: number, problem: Problem | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.fieldErrors = fieldErrorsOf(problem);
  }
}

/** `body.emails.0`, `/emails/0` or `emails[0]` all belong to the `emails` input. */
export function topLevelField(field: string): string {
  const parts = field.split(/[./[\]]+/).filter(Boolean);
  const first = parts[0] === 'body' ? parts[1] : parts[0];
  return first ?? field;
}

function fieldErrorsOf(problem: Problem | null): Record<string, string> {
  const result: Record<string, string> = {};
  for (const { field, message } of problem?.errors ?? []) {
    const key = topLevelField(field);
    result[key] ??= message;
  }
  return result;
}

// The CSRF token comes with the session (setup, login, me); writes made with the cookie echo it.
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}
/** For requests made without api() (uploads with progress): the header a write must carry. */
export function csrfHeaders(): Record<string, string> {
  return csrfToken ? { 'X-CSRF-Token': csrfToken } : {};
}

type QueryValue = string | number | boolean | null | undefined;

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  body?: unknown;
  query?: Record<string, QueryValue>;
  signal?: AbortSignal;
  /** Extra request headers (the offline outbox's `Idempotency-Key`). */
  headers?: Record<string, string>;
}

export function withQuery(path: string, query?: Record<string, QueryValue>): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    params.set(key, String(value));
  }
  const search = params.toString();
  return search ? `${path}?${search}` : path;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json', ...options.headers };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  const response = await fetch(withQuery(path, options.query), {
    method,
    headers,
    credentials: 'include',
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: options.signal,
  });

  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** A problem-details body as text (an XMLHttpRequest's response), or null when it is not one. */
export function parseProblem(text: string): Problem | null {
  try {
    const body: unknown = JSON.parse(text);
    if (body && typeof body === 'object' && 'title' in body) return body as Problem;
  } catch {
    // Not JSON: the status alone has to do.
  }
  return null;
}

async function readProblem(response: Response): Promise<Problem | null> {
  try {
    const body: unknown = await response.json();
    if (body && typeof body === 'object' && 'title' in body) return body as Problem;
  } catch {
    // Not JSON (a proxy error page, say): the status alone has to do.
  }
  return null;
}

/** fetch() rejects with a TypeError when no answer came at all (offline, server down, DNS…). */
export const isNetworkError = (error: unknown): error is TypeError => error instanceof TypeError;

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);
