// OIDC settings of src/config.ts (issue 6): the bundled development provider by default, never in
// production, and an external issuer only with its client credentials, over https.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';

const secret = Buffer.alloc(32, 1).toString('base64');
const base = {
  XASO_SESSION_SECRET: secret,
  XASO_KEY_ENCRYPTION_KEY: secret,
  PUBLIC_URL: 'https://xa.example.vn',
};

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig({ ...base, ...env });
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return [...error.problems];
  }
  return [];
}

test('no issuer: the bundled development provider under /dev-oidc, with a derived client secret', () => {
  const { oidc } = loadConfig(base);
  assert.equal(oidc.isBundled, true);
  assert.equal(oidc.issuer, 'https://xa.example.vn/dev-oidc');
  assert.equal(oidc.clientId, 'xaso-dev');
  assert.equal(oidc.redirectUri, 'https://xa.example.vn/cong-dan/callback');
  assert.equal(oidc.idTokenAlg, 'ES256');
  assert.ok(oidc.clientSecret.length >= 43);
  const other = loadConfig({ ...base, XASO_SESSION_SECRET: Buffer.alloc(32, 2).toString('base64') });
  assert.notEqual(other.oidc.clientSecret, oidc.clientSecret, 'the secret follows the session secret');
});

test('production refuses the bundled provider: OIDC_ISSUER must name the real one', () => {
  const found = problems({ NODE_ENV: 'production' });
  assert.equal(found.length, 1);
  assert.match(found[0] ?? '', /OIDC_ISSUER must be set in production/);
});

test('an external issuer needs its client id and secret, and https (http only on loopback outside production)', () => {
  const missing = problems({ OIDC_ISSUER: 'https://dichvucong.example.vn' });
  assert.equal(missing.length, 2);
  assert.match(missing.join('\n'), /OIDC_CLIENT_ID/);
  assert.match(missing.join('\n'), /OIDC_CLIENT_SECRET/);
  const plain = problems({
    OIDC_ISSUER: 'http://sso.example.vn',
    OIDC_CLIENT_ID: 'x',
    OIDC_CLIENT_SECRET: 'y',
  });
  assert.match(plain.join('\n'), /https/);
  assert.deepEqual(
    problems({ OIDC_ISSUER: 'http://127.0.0.1:9000', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }),
    [],
  );
  assert.match(
    problems({
      NODE_ENV: 'production',
      OIDC_ISSUER: 'http://127.0.0.1:9000',
      OIDC_CLIENT_ID: 'x',
      OIDC_CLIENT_SECRET: 'y',
    }).join('\n'),
    /https/,
  );
  const config = loadConfig({
    ...base,
    NODE_ENV: 'production',
    OIDC_ISSUER: 'https://sso.dichvucong.example.vn',
    OIDC_CLIENT_ID: 'xaso-binh-ca',
    OIDC_CLIENT_SECRET: 's3cret',
    OIDC_REDIRECT_URI: 'https://xa.example.vn/cong-dan/callback',
  });
  assert.deepEqual(
    { ...config.oidc },
    {
      isBundled: false,
      issuer: 'https://sso.dichvucong.example.vn',
      clientId: 'xaso-binh-ca',
      clientSecret: 's3cret',
      redirectUri: 'https://xa.example.vn/cong-dan/callback',
      idTokenAlg: 'RS256',
    },
  );
  assert.match(
    problems({
      OIDC_ISSUER: 'https://sso.example.vn',
      OIDC_CLIENT_ID: 'x',
      OIDC_CLIENT_SECRET: 'y',
      OIDC_ID_TOKEN_ALG: 'none',
    }).join('\n'),
    /OIDC_ID_TOKEN_ALG/,
  );
});

test('client credentials without an issuer, and a malformed issuer, are reported with the rest', () => {
  const found = problems({ OIDC_CLIENT_ID: 'x', PORT: 'abc' });
  assert.equal(found.length, 2);
  assert.match(found.join('\n'), /OIDC_CLIENT_ID is set but OIDC_ISSUER is not/);
  assert.match(
    problems({ OIDC_ISSUER: 'not a url', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }).join('\n'),
    /not a valid URL/,
  );
});
