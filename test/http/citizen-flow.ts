// Signing a citizen in through the bundled development provider, as a browser would (for page tests that
// need a signed-in citizen; the flow's own checks are in citizen-sign-in.test.ts).
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
