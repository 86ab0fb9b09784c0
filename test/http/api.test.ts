// The JSON API and the platform endpoints: bearer tokens, error format, OpenAPI 3.1, health, metrics and
// security headers (issue 2 §5–6).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { APP_ERROR_STATUS } from '../../src/platform/errors.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
let address = 0;
const from = () => `10.1.0.${++address}`;

async function tokenFor(username: string, password: string): Promise<string> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: from(),
    payload: { username, password },
  });
  assert.equal(response.statusCode, 200, response.body);
  return response.json().access_token;
}

test('POST /api/v1/auth/token issues a bearer token that GET /api/v1/me accepts', async () => {
  const province = await makeUnit(db);
  const commune = await makeUnit(db, { parent: province });
  const clerk = await makeStaff(db, { unit: commune, role: 'clerk', fullName: 'Lê Văn Văn Thư' });
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: from(),
    payload: { username: clerk.username, password: clerk.password },
  });
  assert.equal(response.statusCode, 200);
  const body = response.json();
  assert.equal(body.token_type, 'Bearer');
  assert.equal(body.expires_in, 3600);
  assert.ok(body.access_token.length >= 32);

  const me = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { authorization: `Bearer ${body.access_token}` },
  });
  assert.equal(me.statusCode, 200);
  assert.deepEqual(me.json(), {
    id: clerk.id,
    username: clerk.username,
    fullName: 'Lê Văn Văn Thư',
    title: 'Chuyên viên',
    roles: [{ role: 'clerk', unitId: commune.id, unitName: commune.name }],
  });
  // The token is stored hashed: the raw value appears nowhere in the database.
  const stored = await db
    .selectFrom('api_tokens')
    .select('id_hash')
    .where('staff_id', '=', clerk.id)
    .execute();
  assert.equal(stored.length, 1);
  assert.notEqual(stored[0]?.id_hash, body.access_token);
});

test('a wrong password, a missing token and a forged token get precise JSON errors', async () => {
  const staff = await makeStaff(db);
  const wrong = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: from(),
    payload: { username: staff.username, password: 'not-the-password' },
  });
  assert.equal(wrong.statusCode, 401);
  assert.equal(wrong.json().error.code, 'INVALID_CREDENTIALS');
  assert.equal(wrong.json().error.requestId, wrong.headers['x-request-id']);

  const missing = await app.inject({ method: 'GET', url: '/api/v1/me' });
  assert.equal(missing.statusCode, 401);
  assert.equal(missing.json().error.code, 'UNAUTHENTICATED');

  const forged = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { authorization: 'Bearer aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa' },
  });
  assert.equal(forged.statusCode, 401);
  assert.equal(forged.json().error.code, 'UNAUTHENTICATED');
});

test('an expired bearer token is refused', async () => {
  const staff = await makeStaff(db);
  const token = await tokenFor(staff.username, staff.password);
  await db
    .updateTable('api_tokens')
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where('staff_id', '=', staff.id)
    .execute();
  const me = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(me.statusCode, 401);
});

test('a disabled account cannot get a token, and its existing token stops working', async () => {
  const staff = await makeStaff(db);
  const token = await tokenFor(staff.username, staff.password);
  await db.updateTable('staff').set({ is_disabled: true }).where('id', '=', staff.id).execute();
  const me = await app.inject({
    method: 'GET',
    url: '/api/v1/me',
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(me.statusCode, 401);
  const again = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: from(),
    payload: { username: staff.username, password: staff.password },
  });
  assert.equal(again.statusCode, 403);
  assert.equal(again.json().error.code, 'ACCOUNT_DISABLED');
});

test('a malformed body gets 400 VALIDATION_FAILED naming the field; a non-JSON body gets 415', async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: from(),
    payload: { username: 'someone', extra: true },
  });
  assert.equal(response.statusCode, 400);
  const error = response.json().error;
  assert.equal(error.code, 'VALIDATION_FAILED');
  assert.ok(error.fields && Object.keys(error.fields).length > 0, JSON.stringify(error));

  const broken = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: from(),
    headers: { 'content-type': 'application/json' },
    payload: '{"username": ',
  });
  assert.equal(broken.statusCode, 400);
  assert.equal(broken.json().error.code, 'VALIDATION_FAILED');

  const xml = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: from(),
    headers: { 'content-type': 'application/xml' },
    payload: '<a/>',
  });
  assert.equal(xml.statusCode, 415);
  assert.equal(xml.json().error.code, 'UNSUPPORTED_MEDIA_TYPE');
});

test('a body over the limit gets 413 PAYLOAD_TOO_LARGE, not a crash', async () => {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/token',
    remoteAddress: from(),
    headers: { 'content-type': 'application/json' },
    payload: JSON.stringify({ username: 'x'.repeat(2 * 1024 * 1024), password: 'y' }),
  });
  assert.equal(response.statusCode, 413);
  assert.equal(response.json().error.code, 'PAYLOAD_TOO_LARGE');
});

test('an unknown API path is a JSON 404; an unknown page is a Vietnamese HTML 404', async () => {
  const api = await app.inject({ method: 'GET', url: '/api/v1/nothing-here' });
  assert.equal(api.statusCode, 404);
  assert.equal(api.json().error.code, 'NOT_FOUND');
  const page = await app.inject({ method: 'GET', url: '/nothing-here' });
  assert.equal(page.statusCode, 404);
  assert.match(page.headers['content-type'] ?? '', /text\/html/);
  assert.match(page.body, /<html lang="vi"/);
});

test('/api/openapi.json is a valid OpenAPI 3.1 document whose error codes are the closed set', async () => {
  const response = await app.inject({ method: 'GET', url: '/api/openapi.json' });
  assert.equal(response.statusCode, 200);
  const document = response.json();
  assert.equal(document.openapi, '3.1.0');
  const result = await new Validator().validate(document);
  assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
  assert.ok(document.paths['/api/v1/auth/token']?.post);
  assert.ok(document.paths['/api/v1/me']?.get);
  const codes: string[] = document.components.schemas.ErrorResponse.properties.error.properties.code.enum;
  assert.deepEqual([...codes].sort(), Object.keys(APP_ERROR_STATUS).sort());
  const tokenResponses = document.paths['/api/v1/auth/token'].post.responses;
  assert.equal(
    tokenResponses['401'].content['application/json'].schema.$ref,
    '#/components/schemas/ErrorResponse',
  );
});

test('/healthz and /readyz answer; /readyz reports ready once migrations are applied', async () => {
  const health = await app.inject({ method: 'GET', url: '/healthz' });
  assert.deepEqual(health.json(), { status: 'ok' });
  const ready = await app.inject({ method: 'GET', url: '/readyz' });
  assert.equal(ready.statusCode, 200);
  assert.deepEqual(ready.json(), { status: 'ready' });
});

test('/metrics exposes Prometheus text with request counters', async () => {
  await app.inject({ method: 'GET', url: '/healthz' });
  const metrics = await app.inject({ method: 'GET', url: '/metrics' });
  assert.equal(metrics.statusCode, 200);
  assert.match(metrics.headers['content-type'] ?? '', /text\/plain/);
  assert.match(metrics.body, /^# TYPE xaso_http_requests_total counter$/m);
  assert.match(metrics.body, /xaso_process_cpu_user_seconds_total/);
});

test('every response carries the security headers and a request id; a well-formed one is echoed', async () => {
  const response = await app.inject({ method: 'GET', url: '/', headers: { 'x-request-id': 'abc-123' } });
  assert.equal(response.headers['x-request-id'], 'abc-123');
  assert.match(String(response.headers['content-security-policy']), /frame-ancestors 'none'/);
  assert.match(String(response.headers['content-security-policy']), /script-src 'self'/);
  assert.equal(response.headers['x-content-type-options'], 'nosniff');
  assert.equal(response.headers['x-frame-options'], 'DENY');
  const odd = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id <x>' } });
  assert.notEqual(odd.headers['x-request-id'], 'bad id <x>');
});

test('GET /api/v1/units lists units the caller can see, with codes and seal names', async () => {
  const province = await makeUnit(db);
  const commune = await makeUnit(db, { parent: province });
  const admin = await makeStaff(db, { unit: province, role: 'unit_admin' });
  const token = await tokenFor(admin.username, admin.password);
  const response = await app.inject({
    method: 'GET',
    url: '/api/v1/units',
    headers: { authorization: `Bearer ${token}` },
  });
  assert.equal(response.statusCode, 200, response.body);
  const body = JSON.stringify(response.json());
  assert.ok(body.includes(commune.identifier_code));
  assert.ok(body.includes(commune.seal_name));
});
