// TlogError → AppError: the library knows nothing of HTTP; the audit-log use cases translate here.
import { isTlogError } from '../../lib/tlog/index.ts';
import { AppError } from '../../platform/errors.ts';

export function toAppError(error: unknown): unknown {
  if (!isTlogError(error)) {
    return error;
  }
  if (error.code === 'INVALID_RANGE') {
    return new AppError('VALIDATION_FAILED', error.message, { cause: error });
  }
  if (error.code === 'MISSING_HASH' || error.code === 'MALFORMED_TILE') {
    return new AppError('NOT_FOUND', error.message, { cause: error });
  }
  return new AppError('INTERNAL', error.message, { cause: error });
}
