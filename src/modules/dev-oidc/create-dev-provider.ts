// The bundled DEVELOPMENT OpenID Connect provider (issue 6 §3 "Online"): panva's oidc-provider (OpenID
// Certified) standing in for VNeID / the National Public Service Portal, with the demo citizens as its
// accounts. Authorization code flow with PKCE S256 only (RFC 7636), `scope=openid profile`,
// `acr_values=LoA1`, one confidential client: xaso itself. Never used when OIDC_ISSUER is set.
import { createHmac } from 'node:crypto';
import Provider, { type Configuration, type KoaContextWithOIDC } from 'oidc-provider';
import { DEV_OIDC_PATH, type OidcConfig } from '../../config.ts';
import { type DemoCitizen, findDemoCitizen } from '../demo/demo-citizens.ts';
import { createMemoryAdapterFactory } from './memory-adapter.ts';

/** Level of assurance asserted for every demo citizen (a level-2 VNeID account signs in at LoA1 here). */
export const DEV_OIDC_ACR = 'LoA1';

/** Claims released for `scope=profile`; `personal_identifier_number` is the số định danh cá nhân. */
export const DEV_OIDC_PROFILE_CLAIMS = [
  'name',
  'birthdate',
  'phone_number',
  'email',
  'address',
  'personal_identifier_number',
] as const;

export function demoCitizenClaims(citizen: DemoCitizen): Record<string, unknown> {
  return {
    sub: citizen.sub,
    name: citizen.name,
    birthdate: citizen.birthdate,
    phone_number: citizen.phone,
    email: citizen.email,
    // OIDC Core §5.1.1: the address claim is a JSON object.
    address: { formatted: citizen.address, country: 'VN' },
    personal_identifier_number: citizen.personalIdentifier,
  };
}

function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function createDevProvider(options: {
  oidc: OidcConfig;
  sessionSecret: Uint8Array;
  jwks: { keys: Record<string, unknown>[] };
  isHttps: boolean;
}): Provider {
  const cookieKey = createHmac('sha256', options.sessionSecret)
    .update('dev-oidc cookies')
    .digest('base64url');
  const configuration: Configuration = {
    adapter: createMemoryAdapterFactory(),
    clients: [
      {
        client_id: options.oidc.clientId,
        client_secret: options.oidc.clientSecret,
        redirect_uris: [options.oidc.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
        token_endpoint_auth_method: 'client_secret_basic',
        id_token_signed_response_alg: options.oidc.idTokenAlg,
      },
    ],
    jwks: options.jwks as Configuration['jwks'],
    cookies: {
      keys: [cookieKey],
      names: { session: 'xaso_devoidc', interaction: 'xaso_devoidc_i', resume: 'xaso_devoidc_r' },
    },
    claims: { openid: ['sub'], profile: [...DEV_OIDC_PROFILE_CLAIMS] },
    // The profile claims go into the ID token too, so the relying party has them signed.
    conformIdTokenClaims: false,
    acrValues: [DEV_OIDC_ACR],
    // The authorization code flow only (no implicit or hybrid responses).
    responseTypes: ['code'],
    pkce: { required: () => true },
    features: {
      devInteractions: { enabled: false },
      userinfo: { enabled: true },
      revocation: { enabled: false },
    },
    interactions: {
      url: (_ctx, interaction) => `${DEV_OIDC_PATH}/interaction/${interaction.uid}`,
    },
    findAccount: (_ctx, sub) => {
      const citizen = findDemoCitizen(sub);
      return citizen
        ? { accountId: sub, claims: () => demoCitizenClaims(citizen) as { sub: string } }
        : undefined;
    },
    ttl: {
      AuthorizationCode: 60,
      AccessToken: 600,
      IdToken: 600,
      Interaction: 600,
      Session: 3600,
      Grant: 3600,
    },
    renderError: async (ctx: KoaContextWithOIDC, out) => {
      ctx.type = 'html';
      ctx.body = `<!DOCTYPE html><html lang="vi"><head><meta charset="utf-8"><title>Lỗi đăng nhập (máy chủ OIDC phát triển)</title></head><body><main><h1>Lỗi đăng nhập</h1><p>${escapeText(String(out.error_description ?? out.error ?? ''))}</p><p><a href="/">Về trang chủ</a></p></main></body></html>`;
    },
  };
  const provider = new Provider(options.oidc.issuer, configuration);
  // Behind a TLS-terminating proxy the provider must see https to build its endpoint URLs.
  provider.proxy = options.isHttps;
  return provider;
}
