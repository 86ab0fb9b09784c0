// Who may read /metrics (src/platform/http/metrics.ts): with XASO_METRICS_TOKEN only a scraper sending it
// as a bearer token (401 UNAUTHENTICATED otherwise, from the loopback address too); without it, only a
// request made directly from the loopback address (403 FORBIDDEN from elsewhere or through a proxy).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { createTestDatabase } from '../helpers/test-database.ts';

const { db } = await createTestDatabase();
const TOKEN = 'metrics-token-0123456789abcdef0123456789';
const open = (await createTestApp({ db })).app;
const guarded = (await createTestApp({ db, config: testConfig({ XASO_METRICS_TOKEN: TOKEN }) })).app;

const errorCode = (body: string) => JSON.parse(body).error.code as string;

test('no token configured: the loopback address reads the metrics, any other address gets 403', async () => {
  for (const remoteAddress of ['127.0.0.1', '127.3.2.1', '::1', '::ffff:127.0.0.1']) {
    const response = await open.inject({ method: 'GET', url: '/metrics', remoteAddress });
    assert.equal(response.statusCode, 200, remoteAddress);
    assert.match(response.body, /^# TYPE xaso_http_requests_total counter$/m);
  }
  for (const remoteAddress of ['10.0.0.7', '192.168.1.2', '::ffff:10.0.0.7', '2001:db8::1', '128.0.0.1']) {
    const response = await open.inject({ method: 'GET', url: '/metrics', remoteAddress });
    assert.equal(response.statusCode, 403, remoteAddress);
    assert.equal(errorCode(response.body), 'FORBIDDEN');
    assert.doesNotMatch(response.body, /xaso_http/);
  }
});

test('no token configured: a request a proxy on the same host forwards is not a local one (403)', async () => {
  for (const headers of [
    { 'x-forwarded-for': '203.0.113.9' },
    { forwarded: 'for=203.0.113.9' },
    // nginx set-ups often pass only X-Real-IP; a proxy names itself in Via (RFC 9110 §7.6.3)
    { 'x-real-ip': '203.0.113.9' },
    { via: '1.1 proxy.example' },
  ]) {
    const response = await open.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress: '127.0.0.1',
      headers,
    });
    assert.equal(response.statusCode, 403, JSON.stringify(headers));
    assert.equal(errorCode(response.body), 'FORBIDDEN');
  }
});

test('a token configured: only its bearer reads the metrics, from anywhere; none or another is 401', async () => {
  for (const remoteAddress of ['127.0.0.1', '10.0.0.7']) {
    const ok = await guarded.inject({
      method: 'GET',
      url: '/metrics',
      remoteAddress,
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    assert.equal(ok.statusCode, 200, remoteAddress);
    assert.match(ok.body, /xaso_process_cpu_user_seconds_total/);
    for (const authorization of [
      undefined,
      `Bearer ${TOKEN}x`,
      `Bearer ${TOKEN.slice(1)}`,
      TOKEN,
      'Bearer ',
    ]) {
      const refused = await guarded.inject({
        method: 'GET',
        url: '/metrics',
        remoteAddress,
        headers: authorization === undefined ? {} : { authorization },
      });
      assert.equal(refused.statusCode, 401, `${remoteAddress} ${authorization}`);
      assert.equal(errorCode(refused.body), 'UNAUTHENTICATED');
      assert.match(String(refused.headers['www-authenticate']), /^Bearer/);
    }
  }
});

test('a scraper sending query parameters (Prometheus `params`) is answered like any other: JSON, Bearer challenge', async () => {
  const forbidden = await open.inject({
    method: 'GET',
    url: '/metrics?module=xaso',
    remoteAddress: '10.0.0.7',
  });
  assert.equal(forbidden.statusCode, 403);
  assert.equal(errorCode(forbidden.body), 'FORBIDDEN');
  const unauthenticated = await guarded.inject({ method: 'GET', url: '/metrics?module=xaso' });
  assert.equal(unauthenticated.statusCode, 401);
  assert.equal(errorCode(unauthenticated.body), 'UNAUTHENTICATED');
  assert.match(String(unauthenticated.headers['www-authenticate']), /^Bearer/);
  const ok = await guarded.inject({
    method: 'GET',
    url: '/metrics?module=xaso',
    headers: { authorization: `Bearer ${TOKEN}` },
  });
  assert.equal(ok.statusCode, 200);
});
