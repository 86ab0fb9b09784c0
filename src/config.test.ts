import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const secret = Buffer.alloc(32, 1).toString('base64');

test('defaults: port 3000, all interfaces, ./data, embedded database, demo on', () => {
  const config = loadConfig({ XASO_SESSION_SECRET: secret, XASO_KEY_ENCRYPTION_KEY: secret }, '/srv/xaso');
  assert.equal(config.port, 3000);
  assert.equal(config.host, '0.0.0.0');
  assert.equal(config.dataDir, '/srv/xaso/data');
  assert.equal(config.databaseUrl, undefined);
  assert.equal(config.demo, true);
  assert.equal(config.publicUrl, 'http://localhost:3000');
  assert.deepEqual(config.generatedSecrets, []);
  assert.ok(Object.isFrozen(config));
});

test('every problem is reported at once', () => {
  const error = (() => {
    try {
      loadConfig({
        PORT: 'abc',
        DATABASE_URL: 'mysql://x',
        XASO_DEMO: 'maybe',
        LOG_LEVEL: 'loud',
        XASO_SESSION_SECRET: 'c2hvcnQ=',
      });
    } catch (e) {
      return e;
    }
    return undefined;
  })();
  assert.ok(error instanceof ConfigError);
  assert.equal(error.problems.length, 5, error.message);
  for (const name of ['PORT', 'DATABASE_URL', 'XASO_DEMO', 'LOG_LEVEL', 'XASO_SESSION_SECRET']) {
    assert.match(error.message, new RegExp(name));
  }
});

test('missing secrets are generated once into DATA_DIR and reused', () => {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-config-'));
  const first = loadConfig({ DATA_DIR: dir });
  assert.deepEqual([...first.generatedSecrets].sort(), ['XASO_KEY_ENCRYPTION_KEY', 'XASO_SESSION_SECRET']);
  assert.ok(existsSync(join(dir, 'secrets.json')));
  assert.equal(first.secrets.session.length, 32);
  const second = loadConfig({ DATA_DIR: dir });
  assert.deepEqual(second.secrets.session, first.secrets.session);
  assert.deepEqual(second.secrets.keyEncryption, first.secrets.keyEncryption);
  assert.notDeepEqual(first.secrets.session, first.secrets.keyEncryption);
  assert.match(readFileSync(join(dir, 'secrets.json'), 'utf8'), /"session"/);
});

test('DATABASE_URL switches to PostgreSQL; XASO_DEMO=false turns the demo off', () => {
  const config = loadConfig({
    DATABASE_URL: 'postgres://u@127.0.0.1/x',
    XASO_DEMO: 'false',
    XASO_SESSION_SECRET: secret,
    XASO_KEY_ENCRYPTION_KEY: secret,
  });
  assert.equal(config.databaseUrl, 'postgres://u@127.0.0.1/x');
  assert.equal(config.demo, false);
});

test('notifications: channels off by default except the SMS log driver; SMTP settings checked together', () => {
  const base = { XASO_SESSION_SECRET: secret, XASO_KEY_ENCRYPTION_KEY: secret };
  const config = loadConfig(base, '/srv/xaso');
  assert.deepEqual(config.notifications, { smtpUrl: undefined, smtpFrom: undefined, smsDriver: 'log' });
  const mail = loadConfig(
    { ...base, SMTP_URL: 'smtp://relay.example.vn:587', SMTP_FROM: '"Xã Bình Ca" <motcua@binhca.gov.vn>' },
    '/srv/xaso',
  );
  assert.equal(mail.notifications.smtpUrl, 'smtp://relay.example.vn:587');
  assert.throws(
    () => loadConfig({ ...base, SMTP_URL: 'http://x', SMS_DRIVER: 'twilio' }, '/srv/xaso'),
    (error: unknown) =>
      error instanceof ConfigError &&
      error.problems.length === 3 &&
      /SMTP_URL/.test(error.message) &&
      /SMTP_FROM/.test(error.message) &&
      /SMS_DRIVER/.test(error.message),
  );
  assert.throws(() => loadConfig({ ...base, SMTP_FROM: 'not an address' }, '/srv/xaso'), /SMTP_FROM/);
});

test('XASO_CLOCK_START: an instant with its offset starts the business clock; refused in production', () => {
  const base = { XASO_SESSION_SECRET: secret, XASO_KEY_ENCRYPTION_KEY: secret };
  assert.equal(loadConfig(base, '/srv/xaso').clockStart, undefined);
  const config = loadConfig({ ...base, XASO_CLOCK_START: '2026-12-08T09:00:00+07:00' }, '/srv/xaso');
  assert.deepEqual(config.clockStart, new Date('2026-12-08T02:00:00Z'));
  for (const bad of ['2026-12-08 09:00', '2026-12-08T09:00:00', 'tomorrow', '2026-13-40T09:00Z']) {
    assert.throws(() => loadConfig({ ...base, XASO_CLOCK_START: bad }, '/srv/xaso'), /XASO_CLOCK_START/, bad);
  }
  assert.throws(
    () =>
      loadConfig(
        {
          ...base,
          NODE_ENV: 'production',
          OIDC_ISSUER: 'https://id.example.vn',
          OIDC_CLIENT_ID: 'x',
          OIDC_CLIENT_SECRET: 'y',
          XASO_CLOCK_START: '2026-12-08T09:00:00+07:00',
        },
        '/srv/xaso',
      ),
    /XASO_CLOCK_START is for tests/,
  );
});

test('XASO_METRICS_TOKEN: unset by default; 32+ visible characters, else refused', () => {
  const base = { XASO_SESSION_SECRET: secret, XASO_KEY_ENCRYPTION_KEY: secret };
  assert.equal(loadConfig(base, '/srv/xaso').metricsToken, undefined);
  const token = `${'a'.repeat(31)}Z`;
  assert.equal(loadConfig({ ...base, XASO_METRICS_TOKEN: ` ${token} ` }, '/srv/xaso').metricsToken, token);
  for (const bad of ['short', `${'a'.repeat(20)} ${'b'.repeat(20)}`, `${'a'.repeat(40)}é`]) {
    assert.throws(
      () => loadConfig({ ...base, XASO_METRICS_TOKEN: bad }, '/srv/xaso'),
      /XASO_METRICS_TOKEN/,
      bad,
    );
  }
});
