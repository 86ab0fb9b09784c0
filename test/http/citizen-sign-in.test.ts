// Citizen sign-in with OpenID Connect through the whole authorization code flow, driven by hand through
// app.inject() against the bundled development provider (issue 6 §3 "Online"): success, sessions, sign-out,
// and each refusal (state, replay, replayed code, nonce, expiry, cancel); the ID token's own checks are in
// citizen-id-token.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { sequenceAuditEvents } from '../../src/modules/audit-log/sequence-audit-events.ts';
import { hashSecretToken } from '../../src/modules/identity/secret-token.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { type CitizenSignInFlow, runCitizenSignInToCallback } from './citizen-flow.ts';

const { app, db, config } = await createTestApp();
let address = 0;
const client = () => new PageClient(app, `10.1.0.${++address}`);

/** Path and query of an absolute or relative Location header. */
function local(location: unknown): string {
  const url = new URL(String(location), config.publicUrl);
  return `${url.pathname}${url.search}`;
}

/** From /cong-dan/dang-nhap to the callback URL the provider sends back (not yet followed). */
const runToCallback = (
  browser: PageClient,
  sub: string,
  tamper?: Parameters<typeof runCitizenSignInToCallback>[3],
): Promise<CitizenSignInFlow> => runCitizenSignInToCallback(browser, config, sub, tamper);

async function signIn(browser: PageClient, sub: string): Promise<LightMyRequestResponse> {
  const flow = await runToCallback(browser, sub);
  return browser.get(local(flow.callbackUrl));
}

function refusalCode(response: LightMyRequestResponse): string | undefined {
  return /data-error-code="([A-Z_]+)"/.exec(response.body)?.[1];
}

async function auditActions(since: number) {
  await sequenceAuditEvents(db);
  return db
    .selectFrom('audit_events')
    .select(['action', 'actor_type', 'actor_id', 'subject_id', 'details'])
    .where('seq', '>=', since)
    .orderBy('seq')
    .execute();
}

async function nextSeq(): Promise<number> {
  await sequenceAuditEvents(db);
  const head = await db.selectFrom('audit_head').select('next_seq').executeTakeFirstOrThrow();
  return Number(head.next_seq);
}

test('the bundled provider publishes its metadata under /dev-oidc: code flow, PKCE S256, LoA1, the claims', async () => {
  const response = await app.inject({
    method: 'GET',
    url: '/dev-oidc/.well-known/openid-configuration',
    headers: { host: new URL(config.publicUrl).host },
  });
  assert.equal(response.statusCode, 200);
  const metadata = response.json();
  assert.equal(metadata.issuer, config.oidc.issuer);
  assert.equal(metadata.authorization_endpoint, `${config.oidc.issuer}/auth`);
  assert.deepEqual(metadata.response_types_supported, ['code']);
  assert.deepEqual(metadata.code_challenge_methods_supported, ['S256']);
  assert.deepEqual(metadata.acr_values_supported, ['LoA1']);
  assert.equal(metadata.authorization_response_iss_parameter_supported, true);
  for (const claim of [
    'sub',
    'name',
    'birthdate',
    'phone_number',
    'email',
    'address',
    'personal_identifier_number',
  ]) {
    assert.ok(metadata.claims_supported.includes(claim), claim);
  }
  const jwks = await app.inject({ method: 'GET', url: '/dev-oidc/jwks' });
  const [key] = jwks.json().keys;
  assert.equal(key.alg, 'ES256');
  assert.equal(key.d, undefined, 'no private part is published');
});

test('a demo citizen signs in through the whole code flow, sees /cong-dan, and signs out', async () => {
  const browser = client();
  const flow = await runToCallback(browser, 'demo-citizen-ma-thi-hoa');
  const sent = flow.authorizationUrl.searchParams;
  assert.equal(sent.get('response_type'), 'code');
  assert.equal(sent.get('scope'), 'openid profile');
  assert.equal(sent.get('acr_values'), 'LoA1');
  assert.equal(sent.get('code_challenge_method'), 'S256');
  assert.ok((sent.get('state') ?? '').length >= 32 && (sent.get('nonce') ?? '').length >= 32);
  assert.equal(flow.callbackUrl.searchParams.get('iss'), config.oidc.issuer, 'RFC 9207 iss in the response');

  const before = await nextSeq();
  const callback = await browser.get(local(flow.callbackUrl));
  assert.equal(callback.statusCode, 303, callback.body);
  assert.equal(callback.headers.location, '/cong-dan');
  const cookie = callback.cookies.find((c) => c.name === 'xaso_citizen');
  assert.ok(cookie?.httpOnly);
  assert.equal(cookie?.sameSite, 'Lax');
  assert.equal(browser.cookies.has('xaso_citizen_login'), false, 'the one-time sign-in cookie is cleared');

  const page = await browser.get('/cong-dan');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /Xin chào, Ma Thị Hoa/);
  assert.match(page.body, /008192013587/);
  assert.match(page.body, /Chưa có hồ sơ/);
  assert.equal(page.headers['cache-control'], 'no-store');

  const citizen = await db
    .selectFrom('citizens')
    .selectAll()
    .where('subject', '=', 'demo-citizen-ma-thi-hoa')
    .executeTakeFirstOrThrow();
  assert.equal(citizen.issuer, config.oidc.issuer);
  assert.equal(citizen.phone, '0987654321');
  const session = await db
    .selectFrom('citizen_sessions')
    .selectAll()
    .where('citizen_id', '=', citizen.id)
    .executeTakeFirstOrThrow();
  assert.equal(session.id_hash, hashSecretToken(cookie?.value ?? ''), 'only the hash is stored');
  const idleMinutes = (session.idle_expires_at.getTime() - session.created_at.getTime()) / 60_000;
  assert.ok(Math.abs(idleMinutes - 30) < 1, `idle timeout is 30 minutes (got ${idleMinutes})`);
  const events = await auditActions(before);
  assert.deepEqual(
    events.map((e) => [e.action, e.actor_type, e.actor_id]),
    [
      ['citizen.registered', 'citizen', citizen.id],
      ['citizen.signed_in', 'citizen', citizen.id],
    ],
  );
  assert.doesNotMatch(JSON.stringify(events), /008192013587|Ma Thị Hoa/, 'no personal data in the log');

  const staffOnly = await browser.get('/workspace');
  assert.equal(staffOnly.statusCode, 303, 'a citizen session is not a staff session');
  assert.match(String(staffOnly.headers.location), /^\/sign-in/);

  const signOut = await browser.post('/cong-dan/dang-xuat', { _csrf: PageClient.csrfFrom(page.body) });
  assert.equal(signOut.statusCode, 303);
  assert.equal(signOut.headers.location, '/cong-dan?notice=signedOut');
  const landing = await browser.get('/cong-dan?notice=signedOut');
  assert.match(landing.body, /Bạn đã đăng xuất/);
  assert.match(landing.body, /href="\/cong-dan\/dang-nhap"/);
  const ended = await db
    .selectFrom('citizen_sessions')
    .select('ended_at')
    .where('id_hash', '=', session.id_hash)
    .executeTakeFirstOrThrow();
  assert.ok(ended.ended_at);
  assert.equal((await auditActions(before)).at(-1)?.action, 'citizen.signed_out');
});

test('signing in again refreshes the same citizen record (keyed by issuer and sub), no second registration', async () => {
  await signIn(client(), 'demo-citizen-sung-a-chu');
  const before = await nextSeq();
  const again = await signIn(client(), 'demo-citizen-sung-a-chu');
  assert.equal(again.statusCode, 303);
  const rows = await db
    .selectFrom('citizens')
    .select('id')
    .where('subject', '=', 'demo-citizen-sung-a-chu')
    .execute();
  assert.equal(rows.length, 1);
  assert.deepEqual(
    (await auditActions(before)).map((e) => e.action),
    ['citizen.signed_in'],
  );
});

test('sign-in returns to the local page it was started for, never to another site', async () => {
  const browser = client();
  const flow = await runToCallback(browser, 'demo-citizen-ma-thi-hoa', {
    startPath: '/cong-dan/dang-nhap?next=%2Fcong-dan%2Fho-so%2Fmoi%3Fthu-tuc%3D1.001',
  });
  const back = await browser.get(local(flow.callbackUrl));
  assert.equal(back.statusCode, 303);
  assert.equal(back.headers.location, '/cong-dan/ho-so/moi?thu-tuc=1.001');
  const signedIn = await browser.get('/cong-dan/dang-nhap?next=%2Fkiosk');
  assert.equal(signedIn.headers.location, '/kiosk', 'already signed in: straight there');

  const other = client();
  const evil = await runToCallback(other, 'demo-citizen-ma-thi-hoa', {
    startPath: '/cong-dan/dang-nhap?next=%2F%2Fevil.example%2Fphish',
  });
  assert.equal((await other.get(local(evil.callbackUrl))).headers.location, '/cong-dan');
  const landing = await client().get('/cong-dan?next=%2Fcong-dan%2Fho-so');
  assert.match(landing.body, /href="\/cong-dan\/dang-nhap\?next=%2Fcong-dan%2Fho-so"/);
});

test('the provider always asks which demo citizen, even with a live provider session (shared kiosks)', async () => {
  const browser = client();
  await signIn(browser, 'demo-citizen-nguyen-van-an');
  await browser.post('/cong-dan/dang-xuat', {
    _csrf: PageClient.csrfFrom((await browser.get('/cong-dan')).body),
  });
  const second = await signIn(browser, 'demo-citizen-tran-quoc-bao');
  assert.equal(second.statusCode, 303);
  assert.match((await browser.get('/cong-dan')).body, /Trần Quốc Bảo/);
});

test('from the kiosk the provider is asked for display=touch and its login page has the large targets', async () => {
  const pageOf = async (startPath: string) => {
    const browser = client();
    const start = await browser.get(startPath);
    assert.equal(start.statusCode, 303, start.body);
    const authorizationUrl = new URL(String(start.headers.location));
    const authorize = await browser.get(local(authorizationUrl));
    assert.equal(authorize.statusCode, 303, authorize.body);
    const page = await browser.get(local(authorize.headers.location));
    assert.equal(page.statusCode, 200);
    return { display: authorizationUrl.searchParams.get('display'), body: page.body };
  };
  const kiosk = await pageOf('/cong-dan/dang-nhap?next=%2Fkiosk%2Fnop-ho-so');
  assert.equal(kiosk.display, 'touch');
  assert.match(kiosk.body, /<div class="narrow kiosk">/);
  const online = await pageOf('/cong-dan/dang-nhap');
  assert.equal(online.display, null);
  assert.match(online.body, /<div class="narrow">/);
});

test('a wrong state is refused with 400, a clear message, an audit event, and no session', async () => {
  const browser = client();
  const flow = await runToCallback(browser, 'demo-citizen-nguyen-van-an');
  flow.callbackUrl.searchParams.set('state', 'forged-state-value-forged-state-value');
  const before = await nextSeq();
  const response = await browser.get(local(flow.callbackUrl));
  assert.equal(response.statusCode, 400);
  assert.equal(refusalCode(response), 'STATE_MISMATCH');
  assert.match(response.body, /tham số state sai/);
  assert.equal(browser.cookies.has('xaso_citizen'), false);
  const events = await auditActions(before);
  assert.deepEqual(
    events.map((e) => [e.action, e.actor_type, (e.details as { code?: string }).code]),
    [['citizen.sign_in_refused', 'anonymous', 'STATE_MISMATCH']],
  );
});

test('a callback used twice is refused: replayed with the cookie, or from another browser', async () => {
  const browser = client();
  const flow = await runToCallback(browser, 'demo-citizen-nguyen-van-an');
  assert.equal((await browser.get(local(flow.callbackUrl))).statusCode, 303);
  const replay = await app.inject({
    method: 'GET',
    url: local(flow.callbackUrl),
    cookies: { xaso_citizen_login: flow.signInCookie },
  });
  assert.equal(replay.statusCode, 400);
  assert.equal(refusalCode(replay), 'SIGN_IN_REPLAYED');
  const elsewhere = await client().get(local(flow.callbackUrl));
  assert.equal(elsewhere.statusCode, 400);
  assert.equal(refusalCode(elsewhere), 'SIGN_IN_EXPIRED');
});

test('a replayed authorization code is refused by the provider (invalid_grant) with 400', async () => {
  const browser = client();
  const first = await runToCallback(browser, 'demo-citizen-nguyen-van-an');
  assert.equal((await browser.get(local(first.callbackUrl))).statusCode, 303);
  // A new sign-in in the same browser, answered with the old (already used) code and the new state.
  const other = client();
  const second = await runToCallback(other, 'demo-citizen-nguyen-van-an');
  second.callbackUrl.searchParams.set('code', first.callbackUrl.searchParams.get('code') ?? '');
  const response = await other.get(local(second.callbackUrl));
  assert.equal(response.statusCode, 400);
  assert.equal(refusalCode(response), 'CODE_REJECTED');
  assert.equal(other.cookies.has('xaso_citizen'), false);
});

test('an ID token with another nonce than this sign-in’s is refused with 400', async () => {
  const browser = client();
  const flow = await runToCallback(browser, 'demo-citizen-nguyen-van-an', {
    authorizationUrl: (url) => url.searchParams.set('nonce', 'nonce-of-another-sign-in-0123456789abcdef'),
  });
  const response = await browser.get(local(flow.callbackUrl));
  assert.equal(response.statusCode, 400);
  assert.equal(refusalCode(response), 'ID_TOKEN_INVALID');
  assert.match(response.body, /không xác thực được/);
});

test('an expired sign-in (older than 10 minutes) is refused with 400', async () => {
  const browser = client();
  const flow = await runToCallback(browser, 'demo-citizen-nguyen-van-an');
  await db
    .updateTable('citizen_sign_ins')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('id_hash', '=', hashSecretToken(flow.signInCookie))
    .execute();
  const response = await browser.get(local(flow.callbackUrl));
  assert.equal(response.statusCode, 400);
  assert.equal(refusalCode(response), 'SIGN_IN_EXPIRED');
});

test('cancelling at the provider comes back as access_denied: 400 with a clear message', async () => {
  const browser = client();
  const start = await browser.get('/cong-dan/dang-nhap');
  const authorize = await browser.get(local(start.headers.location));
  const loginPath = local(authorize.headers.location);
  const loginPage = await browser.get(loginPath);
  const cancelled = await browser.post(loginPath, {
    _csrf: PageClient.csrfFrom(loginPage.body),
    action: 'cancel',
  });
  const resumed = await browser.get(local(cancelled.headers.location));
  const callback = new URL(String(resumed.headers.location));
  assert.equal(callback.searchParams.get('error'), 'access_denied');
  const response = await browser.get(local(callback));
  assert.equal(response.statusCode, 400);
  assert.equal(refusalCode(response), 'PROVIDER_DENIED');
});

test('a citizen session idle for 30 minutes has ended: /cong-dan says so and offers sign-in again', async () => {
  const browser = client();
  await signIn(browser, 'demo-citizen-ka-thi-nhung');
  const token = browser.cookies.get('xaso_citizen') ?? '';
  await db
    .updateTable('citizen_sessions')
    .set({ idle_expires_at: new Date(Date.now() - 1000) })
    .where('id_hash', '=', hashSecretToken(token))
    .execute();
  const page = await browser.get('/cong-dan');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /hết hạn sau 30 phút/);
  assert.doesNotMatch(page.body, /K’ Thị Nhung/);
});

test('starting sign-ins and hitting the callback are rate limited per address (429)', async () => {
  const flooder = client();
  const statuses: number[] = [];
  for (let i = 0; i < 31; i++) {
    statuses.push(
      (await flooder.get(i % 2 ? '/cong-dan/callback?code=x&state=y' : '/cong-dan/dang-nhap')).statusCode,
    );
  }
  assert.deepEqual(
    statuses.slice(0, 30).filter((s) => s === 429),
    [],
  );
  assert.equal(statuses[30], 429);
});

test('the citizen page with its stylesheet weighs under 50 KB (issue 6)', async () => {
  const browser = client();
  await signIn(browser, 'demo-citizen-nguyen-van-an');
  const page = await browser.get('/cong-dan');
  const css = await browser.get('/assets/xaso.css');
  const bytes = page.rawPayload.length + css.rawPayload.length;
  assert.ok(bytes < 50 * 1024, `${bytes} bytes`);
});

test('an unreachable external provider gives 502 with a clear message, never a 500', async () => {
  const external = await createTestApp({
    db,
    config: testConfig({
      OIDC_ISSUER: 'http://127.0.0.1:9/unreachable',
      OIDC_CLIENT_ID: 'xaso',
      OIDC_CLIENT_SECRET: 'secret',
    }),
  });
  const response = await new PageClient(external.app, '10.2.0.1').get('/cong-dan/dang-nhap');
  assert.equal(response.statusCode, 502);
  assert.equal(refusalCode(response), 'PROVIDER_UNAVAILABLE');
  assert.match(response.body, /không kết nối được/);
  const provider = await external.app.inject({
    method: 'GET',
    url: '/dev-oidc/.well-known/openid-configuration',
  });
  assert.equal(provider.statusCode, 404, 'no bundled provider when an issuer is configured');
});
