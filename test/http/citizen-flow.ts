// Signing a citizen in through the bundled development provider, as a browser would (for page tests that
// need a signed-in citizen; the flow's own checks are in citizen-sign-in.test.ts and citizen-id-token.test.ts).
import assert from 'node:assert/strict';
import type { Config } from '../../src/config.ts';
import { PageClient } from '../helpers/http.ts';

/** Path and query of an absolute or relative Location header. */
export function localPath(location: unknown, config: Config): string {
  const url = new URL(String(location), config.publicUrl);
  return `${url.pathname}${url.search}`;
}

/** From `start` (default /cong-dan/dang-nhap) through the provider's login as `sub`, to the page returned to. */
export async function signInCitizen(
  browser: PageClient,
  config: Config,
  sub: string,
  start = '/cong-dan/dang-nhap',
): Promise<string> {
  let response = await browser.get(start);
  for (let hop = 0; hop < 10; hop++) {
    assert.equal(response.statusCode, 303, response.body);
    const next = localPath(response.headers.location, config);
    if (next.startsWith('/dev-oidc/interaction/')) {
      const page = await browser.get(next);
      response = await browser.post(next, { _csrf: PageClient.csrfFrom(page.body), sub });
      continue;
    }
    if (!next.startsWith('/dev-oidc/') && !next.startsWith('/cong-dan/callback')) {
      return next;
    }
    response = await browser.get(next);
  }
  throw new Error('citizen sign-in did not finish');
}

/** A citizen sign-in run up to the provider's answer. */
export interface CitizenSignInFlow {
  readonly authorizationUrl: URL;
  readonly callbackUrl: URL;
  /** The browser-binding cookie of this sign-in, as it was when the callback was reached. */
  readonly signInCookie: string;
}

/**
 * From /cong-dan/dang-nhap (or `tamper.startPath`) through the provider's login as `sub`, to the callback
 * URL the provider sends back, not yet followed, checking each step (citizen-sign-in.test.ts and
 * citizen-id-token.test.ts drive the callback themselves).
 */
export async function runCitizenSignInToCallback(
  browser: PageClient,
  config: Config,
  sub: string,
  tamper: { authorizationUrl?: (url: URL) => void; startPath?: string } = {},
): Promise<CitizenSignInFlow> {
  const start = await browser.get(tamper.startPath ?? '/cong-dan/dang-nhap');
  assert.equal(start.statusCode, 303, start.body);
  const authorizationUrl = new URL(String(start.headers.location));
  tamper.authorizationUrl?.(authorizationUrl);
  const authorize = await browser.get(localPath(authorizationUrl, config));
  assert.equal(authorize.statusCode, 303, authorize.body);
  const loginPath = localPath(authorize.headers.location, config);
  assert.match(loginPath, /^\/dev-oidc\/interaction\//);
  const loginPage = await browser.get(loginPath);
  assert.equal(loginPage.statusCode, 200);
  const chosen = await browser.post(loginPath, { _csrf: PageClient.csrfFrom(loginPage.body), sub });
  assert.equal(chosen.statusCode, 303, chosen.body);
  const resumed = await browser.get(localPath(chosen.headers.location, config));
  assert.equal(resumed.statusCode, 303, resumed.body);
  const callbackUrl = new URL(String(resumed.headers.location));
  assert.equal(`${callbackUrl.origin}${callbackUrl.pathname}`, config.oidc.redirectUri);
  return { authorizationUrl, callbackUrl, signInCookie: browser.cookies.get('xaso_citizen_login') ?? '' };
}
