// The login step of the bundled development provider: which demo citizen signs in. oidc-provider keeps the
// interaction in its own signed cookie; these functions read and finish it for the page in
// src/web/citizen.routes.ts (login and consent in one step: the only client is xaso itself).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { AppError } from '../../platform/errors.ts';
import { findDemoCitizen } from '../demo/demo-citizens.ts';
import { DEV_OIDC_ACR } from './create-dev-provider.ts';

export interface DevLogin {
  readonly uid: string;
  readonly clientId: string;
  readonly scope: string;
  /** The client asked for a touch layout (`display=touch`: the kiosk). */
  readonly isTouch: boolean;
}

export async function getDevLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<DevLogin> {
  let details: Awaited<ReturnType<Provider['interactionDetails']>>;
  try {
    details = await provider.interactionDetails(req, res);
  } catch (cause) {
    throw new AppError('NOT_FOUND', 'This sign-in at the development provider expired or does not exist.', {
      cause,
    });
  }
  if (details.uid !== uid) {
    throw new AppError('NOT_FOUND', 'This sign-in at the development provider does not exist.');
  }
  return {
    uid: details.uid,
    clientId: String(details.params.client_id ?? ''),
    scope: String(details.params.scope ?? 'openid'),
    isTouch: details.params.display === 'touch',
  };
}

/** The demo citizen chosen: login at LoA1 and consent to the requested scope; returns where to go on. */
export async function finishDevLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  options: { uid: string; sub: string },
): Promise<string> {
  const login = await getDevLogin(provider, req, res, options.uid);
  if (!findDemoCitizen(options.sub)) {
    throw new AppError('VALIDATION_FAILED', 'Unknown demo citizen.', { fields: { sub: 'required' } });
  }
  const grant = new provider.Grant({ accountId: options.sub, clientId: login.clientId });
  grant.addOIDCScope(login.scope);
  const grantId = await grant.save();
  return provider.interactionResult(
    req,
    res,
    { login: { accountId: options.sub, acr: DEV_OIDC_ACR, amr: ['pwd'] }, consent: { grantId } },
    { mergeWithLastSubmission: false },
  );
}

/** The citizen cancelled: the provider answers the client with `error=access_denied` (RFC 6749 §4.1.2.1). */
export async function abortDevLogin(
  provider: Provider,
  req: IncomingMessage,
  res: ServerResponse,
  uid: string,
): Promise<string> {
  await getDevLogin(provider, req, res, uid);
  return provider.interactionResult(
    req,
    res,
    { error: 'access_denied', error_description: 'The citizen cancelled the sign-in.' },
    { mergeWithLastSubmission: false },
  );
}
