// The relying party's view of the OpenID Connect provider, with panva's openid-client (OpenID Certified):
// discovery once (retried after a failure), then the configuration for the code flow. ID token signatures
// are always checked against the provider's JWKS (enableNonRepudiationChecks), even though OIDC Core
// §3.1.3.7 (6) would let TLS stand in for it on the back channel.
import * as client from 'openid-client';
import type { OidcConfig } from '../../config.ts';

/** fetch() for the back channel; the bundled provider is reached in process (dev-oidc/inject-fetch.ts). */
export type OidcFetch = client.CustomFetch;

export interface CitizenOidcClient {
  readonly oidc: OidcConfig;
  configuration(): Promise<client.Configuration>;
}

export function createCitizenOidcClient(options: {
  oidc: OidcConfig;
  fetch?: OidcFetch;
  /** Shifts the clock used for `exp`/`iat` checks (tests of expired tokens); 0 in the app. */
  clockSkewSeconds?: number;
}): CitizenOidcClient {
  let discovered: Promise<client.Configuration> | undefined;
  const discover = async () => {
    const isHttp = new URL(options.oidc.issuer).protocol === 'http:';
    const configuration = await client.discovery(
      new URL(options.oidc.issuer),
      options.oidc.clientId,
      {
        redirect_uris: [options.oidc.redirectUri],
        // Pinned: a token signed with any other algorithm (or none) is refused (RFC 8725 §3.1).
        id_token_signed_response_alg: options.oidc.idTokenAlg,
        ...(options.clockSkewSeconds ? { [client.clockSkew]: options.clockSkewSeconds } : {}),
      },
      client.ClientSecretBasic(options.oidc.clientSecret),
      {
        // Plain http only reaches here for the bundled provider or a loopback issuer (src/config.ts).
        ...(isHttp ? { execute: [client.allowInsecureRequests] } : {}),
        ...(options.fetch ? { [client.customFetch]: options.fetch } : {}),
        timeout: 10,
      },
    );
    client.enableNonRepudiationChecks(configuration);
    return configuration;
  };
  return {
    oidc: options.oidc,
    configuration() {
      discovered ??= discover().catch((error: unknown) => {
        discovered = undefined;
        throw error;
      });
      return discovered;
    },
  };
}
