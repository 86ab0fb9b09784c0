// The relying party's checks of the ID token (issue 6 §3 "Online"), each on a real sign-in through the
// bundled development provider whose token is then altered on the back channel: changed claims, a forged
// signature under the provider's key id, no signature at all, and an expired token.
import assert from 'node:assert/strict';
import { createSign, generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { completeCitizenSignIn } from '../../src/modules/citizen-identity/complete-citizen-sign-in.ts';
import { createCitizenOidcClient, type OidcFetch } from '../../src/modules/citizen-identity/oidc-client.ts';
import { createInjectFetch } from '../../src/modules/dev-oidc/inject-fetch.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { runCitizenSignInToCallback } from './citizen-flow.ts';

const { app, db, config } = await createTestApp();
let address = 0;
const client = () => new PageClient(app, `10.1.1.${++address}`);
const runToCallback = (browser: PageClient, sub: string) => runCitizenSignInToCallback(browser, config, sub);

/** A man in the middle on the back channel: the real provider answers, then the ID token is altered. */
function tamperingFetch(alter: (idToken: string) => string): OidcFetch {
  const inner = createInjectFetch(app, new URL(config.publicUrl).origin);
  return (async (url: string, init: Parameters<typeof inner>[1]) => {
    const response = await inner(url, init);
    if (!url.endsWith('/token')) {
      return response;
    }
    const body = (await response.json()) as { id_token: string };
    body.id_token = alter(body.id_token);
    return new Response(JSON.stringify(body), { status: response.status, headers: response.headers });
  }) as OidcFetch;
}

async function completeWith(alter: (idToken: string) => string) {
  const flow = await runToCallback(client(), 'demo-citizen-nguyen-van-an');
  return completeCitizenSignIn({
    db,
    oidcClient: createCitizenOidcClient({ oidc: config.oidc, fetch: tamperingFetch(alter) }),
    cookie: flow.signInCookie,
    query: flow.callbackUrl.search.slice(1),
    requestId: null,
  });
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const json = (part: string | undefined) => JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));

test('an ID token altered in transit (claims changed, signature kept) is refused', async () => {
  await assert.rejects(
    completeWith((token) => {
      const [header, payload, signature] = token.split('.');
      return `${header}.${b64({ ...json(payload), sub: 'demo-citizen-tran-quoc-bao', name: 'Kẻ Mạo Danh' })}.${signature}`;
    }),
    (error: { code?: string }) => error.code === 'ID_TOKEN_INVALID',
  );
  assert.equal(
    await db.selectFrom('citizens').select('id').where('full_name', '=', 'Kẻ Mạo Danh').executeTakeFirst(),
    undefined,
  );
});

test('an ID token forged with another key under the provider’s key id is refused', async () => {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  await assert.rejects(
    completeWith((token) => {
      const [header, payload] = token.split('.');
      assert.equal(json(header).alg, 'ES256');
      const input = `${header}.${b64({ ...json(payload), name: 'Kẻ Mạo Danh' })}`;
      // RFC 7518 §3.4: ES256 signatures are R || S, 64 bytes.
      const signature = createSign('SHA256')
        .update(input)
        .sign({ key: privateKey, dsaEncoding: 'ieee-p1363' })
        .toString('base64url');
      return `${input}.${signature}`;
    }),
    (error: { code?: string }) => error.code === 'ID_TOKEN_INVALID',
  );
});

test('an unsigned ID token (alg none) is refused', async () => {
  await assert.rejects(
    completeWith((token) => {
      const [, payload] = token.split('.');
      return `${b64({ alg: 'none' })}.${payload}.`;
    }),
    (error: { code?: string }) => error.code === 'ID_TOKEN_INVALID',
  );
});

test('an expired ID token is refused', async () => {
  // Re-signing would be caught by the signature check first; so the provider's own token is kept, and the
  // relying party's clock is moved two hours on, past the token's 10-minute lifetime.
  const flow = await runToCallback(client(), 'demo-citizen-nguyen-van-an');
  await assert.rejects(
    completeCitizenSignIn({
      db,
      oidcClient: createCitizenOidcClient({
        oidc: config.oidc,
        fetch: tamperingFetch((token) => token),
        clockSkewSeconds: 2 * 3600,
      }),
      cookie: flow.signInCookie,
      query: flow.callbackUrl.search.slice(1),
      requestId: null,
    }),
    (error: { code?: string }) => error.code === 'ID_TOKEN_INVALID',
  );
});
