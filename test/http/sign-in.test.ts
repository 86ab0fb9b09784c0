// Sign-in, sessions and CSRF through the pages, as a browser would use them (issue 2, "done when": a wrong
// password, a forged CSRF token, an expired session each get a precise error and a test).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeStaff } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
let address = 0;
/** Each test signs in from its own address, so the per-address rate limit of one does not touch another. */
const client = () => new PageClient(app, `10.0.0.${++address}`);

test('a leader signs in, lands on the workspace, and signs out', async () => {
  const leader = await makeStaff(db, { role: 'leader', fullName: 'Trần Thị Lãnh Đạo' });
  const browser = client();
  const response = await browser.signIn(leader.username, leader.password);
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/workspace');
  const cookie = response.cookies.find((c) => c.name === 'xaso_session');
  assert.ok(cookie?.httpOnly, 'the session cookie is httpOnly');
  assert.equal(cookie?.sameSite, 'Lax');

  const workspace = await browser.get('/workspace');
  assert.equal(workspace.statusCode, 200);
  assert.match(workspace.body, /Trần Thị Lãnh Đạo/);
  assert.equal(workspace.headers['cache-control'], 'no-store');

  const signOut = await browser.post('/sign-out', { _csrf: PageClient.csrfFrom(workspace.body) });
  assert.equal(signOut.statusCode, 303);
  assert.equal(signOut.headers.location, '/sign-in?notice=signedOut');
  const after = await browser.get('/workspace');
  assert.equal(after.statusCode, 303, 'the ended session no longer opens the workspace');
});

test('a wrong password is refused with 401 and the form kept; the password is never echoed', async () => {
  const staff = await makeStaff(db);
  const browser = client();
  const response = await browser.signIn(staff.username, 'not-the-password');
  assert.equal(response.statusCode, 401);
  assert.match(response.body, /<html lang="vi"/);
  assert.match(response.body, new RegExp(`value="${staff.username.replace('.', '\\.')}"`));
  assert.doesNotMatch(response.body, /not-the-password/);
  assert.equal(browser.cookies.has('xaso_session'), false);
});

test('an unknown account gets the same 401 as a wrong password (no account enumeration)', async () => {
  const staff = await makeStaff(db);
  const wrongPassword = await client().signIn(staff.username, 'not-the-password');
  const unknown = await client().signIn('no.such.user', 'not-the-password');
  assert.equal(unknown.statusCode, 401);
  const message = (body: string) => /class="error-summary__list">([\s\S]*?)<\/ul>/.exec(body)?.[1];
  assert.ok(message(unknown.body), 'the page shows an error summary');
  assert.equal(message(unknown.body), message(wrongPassword.body));
});

test('five wrong passwords lock the account (423), even for the right password, and it is audited', async () => {
  const staff = await makeStaff(db);
  const browser = client();
  for (let i = 0; i < 5; i++) {
    const response = await browser.signIn(staff.username, `wrong-${i}-password`);
    assert.equal(response.statusCode, i < 4 ? 401 : 423, `attempt ${i + 1}`);
  }
  const right = await client().signIn(staff.username, staff.password);
  assert.equal(right.statusCode, 423);
  assert.ok(Number(right.headers['retry-after']) > 0);
  const events = await db
    .selectFrom('audit_events')
    .select('action')
    .where('subject_id', '=', staff.id)
    .where('action', '=', 'identity.account_locked')
    .execute();
  assert.equal(events.length, 1);
});

test('more than ten sign-in attempts a minute from one address get 429 with Retry-After', async () => {
  const browser = client();
  const statuses: number[] = [];
  for (let i = 0; i < 11; i++) {
    statuses.push((await browser.signIn(`nobody.${i}`, 'whatever-password')).statusCode);
  }
  assert.deepEqual(statuses.slice(0, 10), Array(10).fill(401));
  assert.equal(statuses[10], 429);
  const other = await client().signIn('nobody.else', 'whatever-password');
  assert.equal(other.statusCode, 401, 'another address is not limited');
});

test('a sign-in form posted without, or with a forged, CSRF token is refused with 403', async () => {
  const staff = await makeStaff(db);
  const browser = client();
  const page = await browser.get('/sign-in');
  const token = PageClient.csrfFrom(page.body);
  const missing = await browser.post('/sign-in', { username: staff.username, password: staff.password });
  assert.equal(missing.statusCode, 403);
  const forged = await browser.post('/sign-in', {
    _csrf: `${token.slice(0, -2)}AA`,
    username: staff.username,
    password: staff.password,
  });
  assert.equal(forged.statusCode, 403);
  assert.match(forged.body, /<html lang="vi"/);
  // Another browser's token is not valid here either: tokens are bound to the pre-session cookie.
  const stranger = client();
  const strangerToken = PageClient.csrfFrom((await stranger.get('/sign-in')).body);
  const crossed = await browser.post('/sign-in', {
    _csrf: strangerToken,
    username: staff.username,
    password: staff.password,
  });
  assert.equal(crossed.statusCode, 403);
  assert.equal(browser.cookies.has('xaso_session'), false);
});

test('a form from a foreign Origin is refused with 403 even with a valid token', async () => {
  const staff = await makeStaff(db);
  const browser = client();
  const token = PageClient.csrfFrom((await browser.get('/sign-in')).body);
  const response = await browser.post(
    '/sign-in',
    { _csrf: token, username: staff.username, password: staff.password },
    { origin: 'https://evil.example' },
  );
  assert.equal(response.statusCode, 403);
});

test('an expired session sends the browser to sign in with a notice, and the API answers SESSION_EXPIRED', async () => {
  const staff = await makeStaff(db);
  const browser = client();
  await browser.signIn(staff.username, staff.password);
  await db
    .updateTable('sessions')
    .set({ idle_expires_at: new Date(Date.now() - 1000) })
    .where('staff_id', '=', staff.id)
    .execute();
  const page = await browser.get('/workspace');
  assert.equal(page.statusCode, 303);
  assert.equal(page.headers.location, '/sign-in?next=%2Fworkspace&notice=expired');
  const api = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    cookies: { xaso_session: browser.cookies.get('xaso_session') ?? '' },
  });
  assert.equal(api.statusCode, 401);
  assert.equal(api.json().error.code, 'SESSION_EXPIRED');
});

test('a signed-in specialist without the unit-admin role gets 403 on the staff admin page', async () => {
  const staff = await makeStaff(db, { role: 'specialist' });
  const browser = client();
  await browser.signIn(staff.username, staff.password);
  const response = await browser.get('/admin/staff');
  assert.equal(response.statusCode, 403);
  assert.match(response.body, /<html lang="vi"/);
});

test('the next parameter only ever redirects within the site', async () => {
  const staff = await makeStaff(db);
  const browser = client();
  const page = await browser.get('/sign-in');
  const response = await browser.post('/sign-in', {
    _csrf: PageClient.csrfFrom(page.body),
    username: staff.username,
    password: staff.password,
    next: '//evil.example/phish',
  });
  assert.equal(response.statusCode, 303);
  assert.equal(response.headers.location, '/workspace');
});
