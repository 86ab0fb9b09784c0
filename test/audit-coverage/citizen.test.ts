// Audit coverage (issue 4 §1) of citizen sign-in (issue 6 §3 "Online"), driven over HTTP through the
// bundled development provider as a browser would: first sign-in (registered), a later one (signed in),
// sign-out, and a refused callback (forged state). The sign-in start keeps its pending state row on its own
// (OIDC state and nonce, no event: nothing has happened to anyone yet); the callback's transaction is the
// one refused, and the caller gets a 500, never a session. See coverage.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { LightMyRequestResponse } from 'fastify';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { localPath } from '../http/citizen-flow.ts';
import { auditCoverage, installAuditRefusal } from './coverage.ts';

const { app, db, config } = await createTestApp();
await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'citizen');
let address = 0;
const SIGN_IN_STATE = { actions: [], tables: ['citizen_sign_ins'] };

/** The status expected of a step, else an error naming the status (a refused append: `500 …`). */
function expectStatus(response: LightMyRequestResponse, status: number): LightMyRequestResponse {
  if (response.statusCode !== status) {
    throw new Error(`${response.statusCode} ${response.body.slice(0, 200)}`);
  }
  return response;
}

/** Through the provider as `sub` up to the callback URL (not followed). */
async function toCallback(browser: PageClient, sub: string): Promise<URL> {
  let response = expectStatus(await browser.get('/cong-dan/dang-nhap'), 303);
  for (let hop = 0; hop < 10; hop++) {
    const next = localPath(response.headers.location, config);
    if (next.startsWith('/cong-dan/callback')) {
      return new URL(next, config.publicUrl);
    }
    if (next.startsWith('/dev-oidc/interaction/')) {
      const page = await browser.get(next);
      response = expectStatus(await browser.post(next, { _csrf: PageClient.csrfFrom(page.body), sub }), 303);
    } else {
      response = expectStatus(await browser.get(next), 303);
    }
  }
  throw new Error('the provider did not send the browser back');
}

/** A whole sign-in in a fresh browser; the browser, signed in. */
async function signIn(sub: string): Promise<PageClient> {
  const browser = new PageClient(app, `10.61.0.${++address}`);
  const callback = await toCallback(browser, sub);
  expectStatus(await browser.get(`${callback.pathname}${callback.search}`), 303);
  assert.ok(browser.cookies.has('xaso_citizen'));
  return browser;
}

const citizenOf = async (sub: string) =>
  (await db.selectFrom('citizens').select('id').where('subject', '=', sub).executeTakeFirstOrThrow()).id;
const asCitizen = (id: string) => ({
  actor: { type: 'citizen', id },
  unit: null,
  subject: { type: 'citizen', id },
});

test('registered on the first sign-in, signed in on a later one, signed out', async () => {
  const sub = 'demo-citizen-nguyen-van-an';
  await exercise('citizen.registered', 'citizens', () => signIn(sub), {
    // The citizen's id is made by this run: the actor is checked on the next one.
    expect: { unit: null, subject: { type: 'citizen' } },
    before: SIGN_IN_STATE,
  });
  const id = await citizenOf(sub);
  const browser = await exercise('citizen.signed_in', 'citizen_sessions', () => signIn(sub), {
    expect: asCitizen(id),
    before: SIGN_IN_STATE,
  });
  assert.ok(browser);
  await exercise(
    'citizen.signed_out',
    'citizen_sessions',
    async () => {
      const page = expectStatus(await browser.get('/cong-dan'), 200);
      return expectStatus(
        await browser.post('/cong-dan/dang-xuat', { _csrf: PageClient.csrfFrom(page.body) }),
        303,
      );
    },
    { expect: asCitizen(id) },
  );
});

test('a forged state refused at the callback', async () => {
  await exercise(
    'citizen.sign_in_refused',
    // A refusal changes nothing but the log: no row of its transaction to compare.
    null,
    async () => {
      const browser = new PageClient(app, `10.61.1.${++address}`);
      const callback = await toCallback(browser, 'demo-citizen-tran-quoc-bao');
      callback.searchParams.set('state', 'forged-state-value-forged-state-value');
      return expectStatus(await browser.get(`${callback.pathname}${callback.search}`), 400);
    },
    {
      expect: { actor: { type: 'anonymous', id: null }, unit: null, subject: { type: 'citizen', id: null } },
      before: SIGN_IN_STATE,
    },
  );
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
