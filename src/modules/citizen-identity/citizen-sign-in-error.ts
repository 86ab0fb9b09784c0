// Why a citizen's sign-in callback was refused. A closed union, each with one line saying when it happens;
// the citizen pages show a precise Vietnamese message per code (src/web/i18n, `citizen.error.*`).

export const CITIZEN_SIGN_IN_ERROR_STATUS = {
  /** The `state` returned by the provider is not the one this browser was sent with (RFC 6749 §10.12). */
  STATE_MISMATCH: 400,
  /** No sign-in under way in this browser, or it started more than 10 minutes ago. */
  SIGN_IN_EXPIRED: 400,
  /** The same callback arrived a second time (the sign-in was already used). */
  SIGN_IN_REPLAYED: 400,
  /** The provider answered with an error instead of a code (the citizen cancelled, access_denied...). */
  PROVIDER_DENIED: 400,
  /** The token endpoint refused the code: used before, expired, or not issued to this sign-in (PKCE). */
  CODE_REJECTED: 400,
  /** The ID token failed verification: signature, issuer, audience, nonce or expiry (OIDC Core §3.1.3.7). */
  ID_TOKEN_INVALID: 400,
  /** The verified identity lacks the name, or carries a malformed personal identifier number. */
  CLAIMS_INVALID: 400,
  /** The provider could not be reached or answered garbage. */
  PROVIDER_UNAVAILABLE: 502,
} as const satisfies Record<string, number>;

export type CitizenSignInErrorCode = keyof typeof CITIZEN_SIGN_IN_ERROR_STATUS;

export class CitizenSignInError extends Error {
  readonly code: CitizenSignInErrorCode;

  constructor(code: CitizenSignInErrorCode, message: string, options: { cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'CitizenSignInError';
    this.code = code;
  }

  get status(): number {
    return CITIZEN_SIGN_IN_ERROR_STATUS[this.code];
  }
}

export function isCitizenSignInError(error: unknown): error is CitizenSignInError {
  return error instanceof CitizenSignInError;
}
