// Every error leaves through here: an AppError keeps its code; Fastify's own errors (schema validation,
// body too large, bad content type, malformed JSON) are mapped to the closed codes; anything else is
// INTERNAL, logged with the request id, and never shown. API routes answer JSON, pages an HTML page.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type AppErrorCode, isAppError } from '../errors.ts';

export interface ErrorBody {
  readonly error: {
    readonly code: AppErrorCode;
    readonly message: string;
    readonly fields?: Readonly<Record<string, string>>;
    readonly requestId: string;
  };
}

export type PageErrorRenderer = (
  request: FastifyRequest,
  reply: FastifyReply,
  error: AppError,
) => FastifyReply | Promise<FastifyReply>;

function fromFastifyError(error: FastifyError): AppError | undefined {
  if (error.validation) {
    const fields: Record<string, string> = {};
    for (const issue of error.validation) {
      const path = (issue.instancePath || '').replace(/^\//, '').replace(/\//g, '.');
      const missing = (issue.params as { missingProperty?: string } | undefined)?.missingProperty;
      const field = [path, missing].filter(Boolean).join('.') || (error.validationContext ?? 'body');
      fields[field] = issue.message ?? 'invalid';
    }
    return new AppError('VALIDATION_FAILED', `Invalid ${error.validationContext ?? 'request'}.`, {
      fields,
      cause: error,
    });
  }
  const map: Record<number, AppErrorCode> = {
    400: 'VALIDATION_FAILED',
    404: 'NOT_FOUND',
    413: 'PAYLOAD_TOO_LARGE',
    415: 'UNSUPPORTED_MEDIA_TYPE',
    429: 'RATE_LIMITED',
  };
  const code = error.statusCode ? map[error.statusCode] : undefined;
  return code ? new AppError(code, error.message, { cause: error }) : undefined;
}

/**
 * A unique or serialisation conflict from the database (a race two requests lost against each other, e.g.
 * the same username created twice at once) is the client's 409, not a server fault: the use case checked
 * first, the constraint is the backstop. SQLSTATE 23505 unique_violation, 40001 serialization_failure.
 */
function fromDatabaseError(error: unknown): AppError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === '23505' || code === '40001') {
    return new AppError(
      'CONFLICT',
      'The change conflicts with another one made at the same time; try again.',
      {
        cause: error,
      },
    );
  }
  return undefined;
}

export function toAppError(error: unknown): AppError {
  if (isAppError(error)) {
    return error;
  }
  return (
    fromDatabaseError(error) ??
    fromFastifyError(error as FastifyError) ??
    new AppError('INTERNAL', 'Internal error.', { cause: error })
  );
}

/** Probes and the scraper: machines, answered in JSON like the API. */
const OPERATIONS_PATHS = new Set(['/healthz', '/readyz', '/metrics']);

export function isApiRequest(request: FastifyRequest): boolean {
  const url = request.url;
  // The operations paths by their path alone: a scraper may add query parameters (Prometheus `params`).
  const path = url.split('?', 1)[0] ?? url;
  return url.startsWith('/api/') || url.startsWith('/csc/') || OPERATIONS_PATHS.has(path);
}

export function sendApiError(request: FastifyRequest, reply: FastifyReply, error: AppError): FastifyReply {
  if (error.retryAfterSeconds) {
    reply.header('retry-after', String(error.retryAfterSeconds));
  }
  if (
    error.code === 'UNAUTHENTICATED' ||
    error.code === 'SESSION_EXPIRED' ||
    error.code === 'INVALID_CREDENTIALS'
  ) {
    reply.header('www-authenticate', 'Bearer realm="xaso"');
  }
  const body: ErrorBody = {
    error: {
      code: error.code,
      message: error.code === 'INTERNAL' ? 'Internal error.' : error.message,
      ...(error.fields ? { fields: error.fields } : {}),
      requestId: request.id,
    },
  };
  return reply.status(error.status).type('application/json; charset=utf-8').send(body);
}

export function registerErrorHandler(app: FastifyInstance, options: { renderPage: PageErrorRenderer }): void {
  app.setErrorHandler(async (raw, request, reply) => {
    const error = toAppError(raw);
    if (error.status >= 500) {
      request.log.error({ err: raw, code: error.code }, 'request failed');
    } else {
      // Every refused request leaves a log line with its precise code (issue: "a precise 4xx and a log line").
      request.log.info({ code: error.code, status: error.status, reason: error.message }, 'request refused');
    }
    if (isApiRequest(request)) {
      return sendApiError(request, reply, error);
    }
    return options.renderPage(request, reply, error);
  });
  app.setNotFoundHandler(async (request, reply) => {
    const error = new AppError('NOT_FOUND', `No route ${request.method} ${request.url.split('?')[0]}.`);
    request.log.info({ code: error.code, status: 404 }, 'request refused');
    if (isApiRequest(request)) {
      return sendApiError(request, reply, error);
    }
    return options.renderPage(request, reply, error);
  });
}
