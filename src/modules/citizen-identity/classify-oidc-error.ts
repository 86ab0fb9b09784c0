import { CitizenSignInError } from './citizen-sign-in-error.ts';

function codesOf(error: unknown): string[] {
  const codes: string[] = [];
  for (let e = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    const code = (e as { code?: unknown }).code;
    codes.push(typeof code === 'string' ? code : e.name);
  }
  return codes;
}

/** Maps what openid-client / oauth4webapi threw during the code exchange to a precise refusal. */
export function classifyOidcError(error: unknown): CitizenSignInError {
  const codes = codesOf(error);
  const has = (code: string) => codes.includes(code);
  if (has('OAUTH_AUTHORIZATION_RESPONSE_ERROR')) {
    return new CitizenSignInError('PROVIDER_DENIED', 'The provider returned an error.', { cause: error });
  }
  if (has('OAUTH_RESPONSE_BODY_ERROR')) {
    // RFC 6749 §5.2: invalid_grant = the code was used, expired, or the PKCE verifier does not match.
    return new CitizenSignInError('CODE_REJECTED', 'The token endpoint refused the code.', { cause: error });
  }
  if (
    has('TypeError') ||
    has('TimeoutError') ||
    has('AbortError') ||
    has('OAUTH_RESPONSE_IS_NOT_JSON') ||
    has('ECONNREFUSED')
  ) {
    return new CitizenSignInError('PROVIDER_UNAVAILABLE', 'The provider could not be reached.', {
      cause: error,
    });
  }
  return new CitizenSignInError('ID_TOKEN_INVALID', 'The ID token failed verification.', { cause: error });
}
