import * as client from 'openid-client';
import type { Db } from '../../database.ts';
import { appendAuditEvent } from '../audit-log/append-audit-event.ts';
import { hashSecretToken, newSecretToken } from '../identity/secret-token.ts';
import {
  type CitizenClaims,
  consumeCitizenSignIn,
  findCitizenBySubject,
  findCitizenSignIn,
  insertCitizenSession,
  upsertCitizen,
} from './citizen.repository.ts';
import { CitizenSignInError } from './citizen-sign-in-error.ts';
import { classifyOidcError } from './classify-oidc-error.ts';
import type { CitizenOidcClient } from './oidc-client.ts';

/** Citizen sessions end after 30 minutes without use (issue 6), and after 12 hours whatever the activity. */
export const CITIZEN_SESSION_IDLE_MINUTES = 30;
export const CITIZEN_SESSION_MAX_HOURS = 12;

const PERSONAL_IDENTIFIER = /^[0-9]{12}$/;

function optionalString(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** The few claims kept (Law 91/2025: no more personal data than the service needs). */
function claimsFrom(claims: Record<string, unknown>): CitizenClaims {
  const fullName = optionalString(claims.name);
  const personalIdentifier = optionalString(claims.personal_identifier_number);
  if (!fullName || (personalIdentifier !== null && !PERSONAL_IDENTIFIER.test(personalIdentifier))) {
    throw new CitizenSignInError('CLAIMS_INVALID', 'The provider sent no name or a malformed identifier.');
  }
  return {
    fullName,
    personalIdentifier,
    phone: optionalString(claims.phone_number),
    email: optionalString(claims.email),
  };
}

/** Verifies the callback against this browser's sign-in and exchanges the code (OIDC Core §3.1.3). */
async function verifyCallback(options: {
  db: Db;
  oidcClient: CitizenOidcClient;
  cookie: string | undefined;
  query: string;
  now: Date;
}): Promise<{ subject: string; claims: CitizenClaims; acr: string | null; returnTo: string }> {
  const signIn = options.cookie
    ? await findCitizenSignIn(options.db, hashSecretToken(options.cookie))
    : undefined;
  if (!signIn || signIn.expires_at <= options.now) {
    throw new CitizenSignInError('SIGN_IN_EXPIRED', 'No sign-in under way in this browser, or it expired.');
  }
  if (signIn.consumed_at || !(await consumeCitizenSignIn(options.db, signIn.id_hash, options.now))) {
    throw new CitizenSignInError('SIGN_IN_REPLAYED', 'This sign-in was already used.');
  }
  // The callback URL as registered (the token request must repeat it exactly: RFC 6749 §4.1.3).
  const callbackUrl = new URL(options.oidcClient.oidc.redirectUri);
  callbackUrl.search = options.query;
  if (callbackUrl.searchParams.get('state') !== signIn.state) {
    throw new CitizenSignInError('STATE_MISMATCH', 'The state does not match this browser’s sign-in.');
  }
  let tokens: Awaited<ReturnType<typeof client.authorizationCodeGrant>>;
  let configuration: client.Configuration;
  try {
    configuration = await options.oidcClient.configuration();
    tokens = await client.authorizationCodeGrant(configuration, callbackUrl, {
      pkceCodeVerifier: signIn.code_verifier,
      expectedState: signIn.state,
      expectedNonce: signIn.nonce,
      idTokenExpected: true,
    });
  } catch (error) {
    throw classifyOidcError(error);
  }
  const idToken = tokens.claims();
  if (!idToken) {
    throw new CitizenSignInError('ID_TOKEN_INVALID', 'The token response carried no ID token.');
  }
  let claims: Record<string, unknown> = { ...idToken };
  if (typeof idToken.name !== 'string') {
    // Providers that keep the ID token small (conformIdTokenClaims) release the profile at userinfo.
    try {
      const userinfo = await client.fetchUserInfo(configuration, tokens.access_token, idToken.sub);
      claims = { ...userinfo, ...idToken };
    } catch (error) {
      throw classifyOidcError(error);
    }
  }
  return {
    subject: idToken.sub,
    claims: claimsFrom(claims),
    acr: typeof idToken.acr === 'string' ? idToken.acr : null,
    returnTo: signIn.return_to,
  };
}

/**
 * `/cong-dan/callback`: verifies the provider's answer (state, one use, code with PKCE, ID token signature,
 * issuer, audience, nonce, expiry), creates or refreshes the citizen by `sub`, and opens a citizen session,
 * with its audit events in the same transaction. A refusal is audited too, then thrown.
 */
export async function completeCitizenSignIn(options: {
  db: Db;
  oidcClient: CitizenOidcClient;
  /** The `xaso_citizen_login` cookie set by startCitizenSignIn. */
  cookie: string | undefined;
  /** The callback's query string, without `?`. */
  query: string;
  requestId: string | null;
  now?: Date;
}): Promise<{ token: string; citizenId: string; isNew: boolean; returnTo: string }> {
  const now = options.now ?? new Date();
  let verified: Awaited<ReturnType<typeof verifyCallback>>;
  try {
    verified = await verifyCallback({ ...options, now });
  } catch (error) {
    if (error instanceof CitizenSignInError) {
      await options.db.transaction().execute(async (trx) => {
        await appendAuditEvent(trx, {
          actor: { type: 'anonymous', id: null },
          action: 'citizen.sign_in_refused',
          unitId: null,
          subjectType: 'citizen',
          subjectId: null,
          requestId: options.requestId,
          details: { code: error.code },
          at: now,
        });
      });
    }
    throw error;
  }
  const issuer = options.oidcClient.oidc.issuer;
  const { token, hash } = newSecretToken('xc');
  return options.db.transaction().execute(async (trx) => {
    const existing = await findCitizenBySubject(trx, issuer, verified.subject);
    const citizen = await upsertCitizen(trx, { issuer, subject: verified.subject }, verified.claims, now);
    await insertCitizenSession(trx, {
      idHash: hash,
      citizenId: citizen.id,
      idleExpiresAt: new Date(now.getTime() + CITIZEN_SESSION_IDLE_MINUTES * 60_000),
      expiresAt: new Date(now.getTime() + CITIZEN_SESSION_MAX_HOURS * 3_600_000),
    });
    const common = {
      actor: { type: 'citizen' as const, id: citizen.id },
      unitId: null,
      subjectType: 'citizen',
      subjectId: citizen.id,
      requestId: options.requestId,
      at: now,
    };
    const state = {
      fullName: citizen.full_name,
      personalIdentifier: citizen.personal_identifier,
      phone: citizen.phone,
      email: citizen.email,
    };
    if (!existing) {
      await appendAuditEvent(trx, { ...common, action: 'citizen.registered', state });
    }
    await appendAuditEvent(trx, {
      ...common,
      action: 'citizen.signed_in',
      state,
      details: { acr: verified.acr, isBundledProvider: options.oidcClient.oidc.isBundled },
    });
    return { token, citizenId: citizen.id, isNew: !existing, returnTo: verified.returnTo };
  });
}
