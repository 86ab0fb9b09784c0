// CSC API v2 error responses (CSC API v2.0 §10: `{ "error": <code>, "error_description": <text> }`),
// translated from the application's closed AppError codes, so use cases stay HTTP- and protocol-agnostic.
import type { FastifyInstance } from 'fastify';
import type { AppError } from '../../platform/errors.ts';
import { toAppError } from '../../platform/http/error-handler.ts';

function cscCode(error: AppError): { status: number; error: string } {
  const fields = error.fields ?? {};
  switch (error.code) {
    case 'INVALID_CREDENTIALS':
      if (fields.PIN) {
        return { status: 400, error: 'invalid_pin' };
      }
      if (fields.OTP) {
        return { status: 400, error: 'invalid_otp' };
      }
      return { status: 401, error: 'authentication_error' };
    case 'UNAUTHENTICATED':
    case 'SESSION_EXPIRED':
      return { status: 401, error: 'invalid_token' };
    case 'ACCOUNT_LOCKED':
      return { status: 400, error: 'credential_locked' };
    case 'ACCOUNT_DISABLED':
    case 'FORBIDDEN':
      return { status: 403, error: 'access_denied' };
    case 'NOT_FOUND':
      return { status: fields.credentialID ? 400 : 404, error: 'invalid_request' };
    case 'INVALID_STATE':
      return { status: 400, error: 'invalid_request' };
    case 'VALIDATION_FAILED':
      return { status: 400, error: fields.SAD ? 'invalid_sad' : 'invalid_request' };
    case 'RATE_LIMITED':
      return { status: 429, error: 'too_many_requests' };
    default:
      return {
        status: error.status >= 500 ? error.status : 400,
        error: error.status >= 500 ? 'server_error' : 'invalid_request',
      };
  }
}

/** Installs the CSC error format on an encapsulated scope (the `/csc/v2` routes). */
export function registerCscErrorFormat(scope: FastifyInstance): void {
  scope.setErrorHandler(async (raw, request, reply) => {
    const error = toAppError(raw);
    const { status, error: code } = cscCode(error);
    if (status >= 500) {
      request.log.error({ err: raw, code: error.code }, 'request failed');
    } else {
      request.log.info({ code: error.code, status, reason: error.message }, 'request refused');
    }
    if (status === 401) {
      reply.header('www-authenticate', 'Bearer realm="xaso-csc"');
    }
    const fields = error.fields ? ` (${Object.keys(error.fields).join(', ')})` : '';
    return reply
      .status(status)
      .type('application/json; charset=utf-8')
      .send({
        error: code,
        error_description: status >= 500 ? 'Internal error.' : `${error.message}${fields}`,
      });
  });
}
