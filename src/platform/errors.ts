// One error type for the application, with a closed set of codes mapped to HTTP status in exactly one
// table (shared/STYLE.md). Adding a code without a status fails to compile. Library errors (PkiError,
// PdfError, TlogError, CalendarError) know nothing of HTTP; use cases translate them.

export const APP_ERROR_STATUS = {
  /** A request body, query or parameter failed its schema or a business validation rule. */
  VALIDATION_FAILED: 400,
  /** No credentials, or a bearer token that is unknown, expired or revoked. */
  UNAUTHENTICATED: 401,
  /** A page session cookie that has expired or been signed out. */
  SESSION_EXPIRED: 401,
  /** Wrong username or password (the two are not told apart). */
  INVALID_CREDENTIALS: 401,
  /** The account is disabled by an administrator. */
  ACCOUNT_DISABLED: 403,
  /** A state-changing form or request without a valid CSRF token or with a foreign Origin. */
  CSRF_INVALID: 403,
  /** Signed in, but the role assignments do not allow this action on this unit. */
  FORBIDDEN: 403,
  /** The thing asked for does not exist, or the caller may not know it exists. */
  NOT_FOUND: 404,
  /** The change conflicts with existing data (a duplicate username, a unit code in use). */
  CONFLICT: 409,
  /** The action is not allowed in the subject's current state. */
  INVALID_STATE: 409,
  /** An upload or body larger than the configured limit. */
  PAYLOAD_TOO_LARGE: 413,
  /** A body or upload of a type the endpoint does not take. */
  UNSUPPORTED_MEDIA_TYPE: 415,
  /** Too many failed sign-ins: the account is locked for a while. */
  ACCOUNT_LOCKED: 423,
  /** Too many requests from this client in the window. */
  RATE_LIMITED: 429,
  /** An unexpected failure; details are in the log under the request id, never in the response. */
  INTERNAL: 500,
  /** The database cannot be reached or opened. */
  DATABASE_UNAVAILABLE: 503,
  /** The embedded database folder is held by another process. */
  DATA_DIR_IN_USE: 503,
} as const satisfies Record<string, number>;

export type AppErrorCode = keyof typeof APP_ERROR_STATUS;

export interface AppErrorOptions {
  readonly cause?: unknown;
  /** Field-level problems for forms and API clients: field path → message. */
  readonly fields?: Readonly<Record<string, string>>;
  /** Seconds after which a client may retry (RATE_LIMITED, ACCOUNT_LOCKED). */
  readonly retryAfterSeconds?: number;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly fields: Readonly<Record<string, string>> | undefined;
  readonly retryAfterSeconds: number | undefined;

  constructor(code: AppErrorCode, message: string, options: AppErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
  }

  get status(): number {
    return APP_ERROR_STATUS[this.code];
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
