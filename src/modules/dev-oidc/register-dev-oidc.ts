// Mounts the bundled development provider in the same Fastify app under /dev-oidc. Its protocol endpoints
// (discovery, authorization, token, JWKS, userinfo) are handed to oidc-provider's own Koa stack in an
// onRequest hook, before Fastify parses the body or the staff authentication and CSRF hooks run: OAuth
// clients authenticate themselves (RFC 6749 §2.3), they carry no page CSRF token. The login page under
// /dev-oidc/interaction/ stays an ordinary xaso page (src/web/citizen.routes.ts).
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type Provider from 'oidc-provider';
import { type Config, DEV_OIDC_PATH } from '../../config.ts';
import type { Db } from '../../database.ts';
import { createDevProvider } from './create-dev-provider.ts';
import { loadSigningKeys } from './load-signing-keys.ts';

export const DEV_OIDC_INTERACTION_PATH = `${DEV_OIDC_PATH}/interaction/`;

function isProviderPath(url: string): boolean {
  const isUnder =
    url === DEV_OIDC_PATH || url.startsWith(`${DEV_OIDC_PATH}/`) || url.startsWith(`${DEV_OIDC_PATH}?`);
  return isUnder && !url.startsWith(DEV_OIDC_INTERACTION_PATH);
}

/** Register BEFORE the authentication hook (the provider's userinfo takes its own Bearer tokens). */
export async function registerDevOidc(
  app: FastifyInstance,
  options: { db: Db; config: Config },
): Promise<Provider> {
  const provider = createDevProvider({
    oidc: options.config.oidc,
    sessionSecret: options.config.secrets.session,
    jwks: await loadSigningKeys(options.db),
    isHttps: options.config.publicUrl.startsWith('https:'),
  });
  // The provider's own refusals (bad client, bad grant, PKCE) and failures go to the app's log.
  const refused = (event: string) => (_ctx: unknown, error: Error) => {
    app.log.info({ event, reason: error.message }, 'dev-oidc refused a request');
  };
  provider.on('authorization.error', refused('authorization.error'));
  provider.on('grant.error', refused('grant.error'));
  provider.on('userinfo.error', refused('userinfo.error'));
  provider.on('server_error', (_ctx: unknown, error: Error) => {
    app.log.error({ err: error }, 'dev-oidc server error');
  });
  const handle = provider.callback();
  // A callback, not a promise: every other request passes at once, with no promise or extra turn.
  app.addHook('onRequest', (request, reply, done) => {
    const url = request.raw.url ?? '';
    if (!isProviderPath(url)) {
      done();
      return;
    }
    reply.hijack();
    // Like Express's app.use('/dev-oidc', …): the provider sees its own paths, and the mount path from
    // originalUrl when it builds absolute endpoint URLs.
    const raw = request.raw as IncomingMessage & { originalUrl?: string };
    raw.originalUrl = url;
    raw.url = url.slice(DEV_OIDC_PATH.length) || '/';
    if (/^\/auth[/?]/.test(raw.url) && raw.headers.cookie) {
      // No single sign-on: the provider never sees its session from an earlier sign-in, so every sign-in
      // asks which demo citizen, and a shared device (kiosk) never signs the previous citizen in again.
      raw.headers.cookie = raw.headers.cookie.replace(/(^|;\s*)xaso_devoidc(\.sig)?=[^;]*/g, '');
    }
    Promise.resolve(handle(raw, reply.raw)).then(() => done(), done);
  });
  return provider;
}
