// Errors leave the server as RFC 9457 problem details (application/problem+json).
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import type { Problem } from '#shared/schemas/common.js';

/** Thrown by handlers for expected failures; becomes a problem response. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail?: string,
    readonly errors?: Problem['errors'],
    readonly headers: Record<string, string> = {},
  ) {
    super(detail ?? title);
  }
}

export const notFound = (what: string) => new HttpProblem(404, 'Not Found', `${what} not found`);
/** The request is fine but the record's state refuses it (already there, already done…). */
export const conflict = (detail: string) => new HttpProblem(409, 'Conflict', detail);
export const badRequest = (field: string, message: string, code = 'invalid_value') =>
  new HttpProblem(400, 'Validation failed', `${field}: ${message}`, [{ field, message, code }]);

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: Problem, headers = {}) {
  return reply
    .code(problem.status)
    .headers(headers)
    .type('application/problem+json')
    .send({ ...problem, instance: request.url });
}

const statusTitles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
};

function fieldOf(path: string | undefined, context: string | undefined): string {
  const cleaned = (path ?? '').replace(/^\//, '').replace(/\//g, '.');
  return cleaned || context || 'body';
}

export function errorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof HttpProblem) {
    const problem: Problem = { type: 'about:blank', title: error.title, status: error.status };
    if (error.detail) problem.detail = error.detail;
    if (error.errors) {
      problem.type = '/problems/validation-error';
      problem.errors = error.errors;
    }
    return sendProblem(reply, request, problem, error.headers);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = error.validation.map((v) => ({
      field: fieldOf(v.instancePath, error.validationContext),
      message: v.message ?? 'invalid',
      code: v.keyword,
    }));
    return sendProblem(reply, request, {
      type: '/problems/validation-error',
      title: 'Validation failed',
      status: 400,
      detail: errors.map((e) => `${e.field}: ${e.message}`).join('; '),
      errors,
    });
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response does not match its schema');
    return sendProblem(reply, request, internal(request));
  }
  const status = error.statusCode ?? 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'unexpected error');
    return sendProblem(reply, request, internal(request));
  }
  // Fastify's own 4xx (bad JSON, body too large, wrong content type…).
  return sendProblem(reply, request, {
    type: 'about:blank',
    title: statusTitles[status] ?? 'Bad Request',
    status,
    detail: error.message,
  });
}

function internal(request: FastifyRequest): Problem {
  return {
    type: 'about:blank',
    title: 'Internal Server Error',
    status: 500,
    detail: `Something went wrong on our side. Reference: ${request.id}`,
  };
}
