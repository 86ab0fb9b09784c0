import * as client from 'openid-client';
import type { Db } from '../../database.ts';
import { newSecretToken } from '../identity/secret-token.ts';
import { deleteStaleCitizenSignIns, insertCitizenSignIn } from './citizen.repository.ts';
import { CitizenSignInError } from './citizen-sign-in-error.ts';
import type { CitizenOidcClient } from './oidc-client.ts';

/** A citizen has 10 minutes at the provider before the sign-in must start again. */
export const CITIZEN_SIGN_IN_MINUTES = 10;
/** Level of assurance asked of the provider (shared/DOMAIN.md "Citizen identity": `acr_values=LoA1`). */
export const CITIZEN_ACR_VALUES = 'LoA1';

/**
 * `/cong-dan/dang-nhap`: records a new sign-in (state, nonce, PKCE verifier: RFC 6749 §10.12, OIDC Core
 * §3.1.2.1, RFC 7636 §4) bound to a fresh browser cookie, and returns where to send the browser.
 */
export async function startCitizenSignIn(options: {
  db: Db;
  oidcClient: CitizenOidcClient;
  /** A local path (already checked by the caller) to return to after sign-in; default `/cong-dan`. */
  returnTo?: string;
  /** OpenID Connect Core §3.1.2.1 `display`: 'touch' from the kiosk, so the provider shows large targets. */
  display?: 'touch' | undefined;
  now?: Date;
}): Promise<{ authorizationUrl: string; cookie: string }> {
  const now = options.now ?? new Date();
  let configuration: client.Configuration;
  try {
    configuration = await options.oidcClient.configuration();
  } catch (cause) {
    throw new CitizenSignInError('PROVIDER_UNAVAILABLE', 'OpenID Connect discovery failed.', { cause });
  }
  const state = client.randomState();
  const nonce = client.randomNonce();
  const codeVerifier = client.randomPKCECodeVerifier();
  const { token, hash } = newSecretToken('xl');
  await deleteStaleCitizenSignIns(options.db, new Date(now.getTime() - 86_400_000));
  await insertCitizenSignIn(options.db, {
    idHash: hash,
    state,
    nonce,
    codeVerifier,
    returnTo: options.returnTo ?? '/cong-dan',
    expiresAt: new Date(now.getTime() + CITIZEN_SIGN_IN_MINUTES * 60_000),
  });
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: options.oidcClient.oidc.redirectUri,
    scope: 'openid profile',
    state,
    nonce,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    acr_values: CITIZEN_ACR_VALUES,
    ...(options.display ? { display: options.display } : {}),
  });
  return { authorizationUrl: url.href, cookie: token };
}
