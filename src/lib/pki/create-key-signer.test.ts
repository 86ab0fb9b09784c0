import assert from 'node:assert/strict';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
} from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { hasOpenssl, openssl, opensslMissing, tempDirectory } from '../../../test/fixtures/pki/openssl.ts';
import { getTestPki, toPem } from '../../../test/fixtures/pki/test-pki.ts';
import { createKeySigner } from './create-key-signer.ts';
import { PkiError } from './errors.ts';
import { children, content, readRoot } from './internal/der.ts';
import { issueCertificate, keyUsageBit } from './internal/issue-certificate.ts';
import { signDigestWithKey } from './internal/sign-digest.ts';
import type { SignatureAlgorithm } from './signer.ts';

const message = new TextEncoder().encode('Quyết định số 15/QĐ-UBND');
const digest = new Uint8Array(createHash('sha256').update(message).digest());

function selfSigned(key: ReturnType<typeof createPrivateKey>): Uint8Array {
  const now = new Date();
  return issueCertificate({
    subject: [['CN', 'test']],
    subjectKey: key,
    issuerKey: key,
    notBefore: now,
    notAfter: new Date(now.getTime() + 3600_000),
    keyUsage: [keyUsageBit.digitalSignature],
  });
}

test('PKCS#1 v1.5 over a prehashed digest equals OpenSSL signing the whole message (deterministic)', async () => {
  const pki = await getTestPki();
  const signature = await pki.leader.signer.signDigest(digest);
  assert.equal(pki.leader.privateKey.asymmetricKeyType, 'rsa');
  assert.deepEqual(Buffer.from(signature), sign('sha256', message, pki.leader.privateKey));
});

test('RSA-PSS over a digest verifies with salt length 32 in node:crypto and in openssl', async (t) => {
  const pki = await getTestPki();
  const signer = createKeySigner({
    privateKey: pki.leader.privateKey,
    certificate: pki.leader.certificate,
    algorithm: 'rsa-pss-sha256',
  });
  const signature = await signer.signDigest(digest);
  const options = { key: createPublicKey(pki.leader.privateKey), padding: 6, saltLength: 32 };
  assert.equal(verify('sha256', message, options, signature), true);
  assert.equal(verify('sha256', message, { ...options, saltLength: 20 }, signature), false);
  // Randomised salt: two signatures of one digest differ.
  assert.notDeepEqual(signature, await signer.signDigest(digest));
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  using dir = tempDirectory();
  writeFileSync(
    dir.file('pub.pem'),
    createPublicKey(pki.leader.privateKey).export({ format: 'pem', type: 'spki' }),
  );
  writeFileSync(dir.file('digest.bin'), digest);
  writeFileSync(dir.file('sig.bin'), signature);
  const result = openssl([
    'pkeyutl',
    '-verify',
    '-pubin',
    '-inkey',
    dir.file('pub.pem'),
    '-in',
    dir.file('digest.bin'),
    '-sigfile',
    dir.file('sig.bin'),
    '-pkeyopt',
    'digest:sha256',
    '-pkeyopt',
    'rsa_padding_mode:pss',
    '-pkeyopt',
    'rsa_pss_saltlen:32',
  ]);
  assert.match(result.stdout, /Signature Verified Successfully/, result.stderr);
});

test('RSA-PSS when the modulus bit length is 1 mod 8 (EM one byte shorter than the modulus)', () => {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2049 });
  const signature = signDigestWithKey(privateKey, 'rsa-pss-sha256', digest);
  assert.equal(
    verify('sha256', message, { key: createPublicKey(privateKey), padding: 6, saltLength: 32 }, signature),
    true,
  );
});

test('RSA-PSS with an rsa-pss key object', () => {
  const { privateKey } = generateKeyPairSync('rsa-pss', { modulusLength: 2048 });
  const signer = createKeySigner({ privateKey, certificate: selfSigned(privateKey) });
  assert.equal(signer.algorithm, 'rsa-pss-sha256');
  const signature = signDigestWithKey(privateKey, 'rsa-pss-sha256', digest);
  assert.equal(
    verify('sha256', message, { key: createPublicKey(privateKey), saltLength: 32 }, signature),
    true,
  );
});

test('ECDSA P-256 over a digest: RFC 6979 A.2.5 known answers (deterministic mode)', () => {
  const vectors = JSON.parse(readFileSync(new URL('vectors/rfc6979-p256.json', import.meta.url), 'utf8'));
  const b64 = (hex: string) => Buffer.from(hex, 'hex').toString('base64url');
  const key = createPrivateKey({
    format: 'jwk',
    key: {
      kty: 'EC',
      crv: 'P-256',
      d: b64(vectors.privateKey),
      x: b64(vectors.publicKeyX),
      y: b64(vectors.publicKeyY),
    },
  });
  for (const vector of vectors.cases) {
    const hash = createHash('sha256').update(vector.message).digest();
    const der = signDigestWithKey(key, 'ecdsa-p256-sha256', hash, { deterministic: true });
    const [r, s] = children(readRoot(der)).map((e) =>
      Buffer.from(content(e)).toString('hex').replace(/^00/, ''),
    );
    assert.equal(r?.toUpperCase(), vector.r, `r for "${vector.message}"`);
    assert.equal(s?.toUpperCase(), vector.s, `s for "${vector.message}"`);
  }
});

test('ECDSA P-256 signer output is DER and verifies in node:crypto and openssl', async (t) => {
  const pki = await getTestPki();
  assert.equal(pki.seal.signer.algorithm, 'ecdsa-p256-sha256');
  const signature = await pki.seal.signer.signDigest(digest);
  assert.equal(signature[0], 0x30);
  assert.equal(
    verify('sha256', message, { key: createPublicKey(pki.seal.privateKey), dsaEncoding: 'der' }, signature),
    true,
  );
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  using dir = tempDirectory();
  writeFileSync(dir.file('cert.pem'), toPem(pki.seal.certificate));
  writeFileSync(dir.file('digest.bin'), digest);
  writeFileSync(dir.file('sig.bin'), signature);
  const result = openssl([
    'pkeyutl',
    '-verify',
    '-certin',
    '-inkey',
    dir.file('cert.pem'),
    '-in',
    dir.file('digest.bin'),
    '-sigfile',
    dir.file('sig.bin'),
  ]);
  assert.match(result.stdout, /Signature Verified Successfully/, result.stderr);
});

test('createKeySigner refuses a key that is not the certificate key, weak RSA, and wrong digests', async () => {
  const pki = await getTestPki();
  assert.throws(
    () => createKeySigner({ privateKey: pki.seal.privateKey, certificate: pki.leader.certificate }),
    (error: unknown) => error instanceof PkiError && error.code === 'KEY_CERTIFICATE_MISMATCH',
  );
  const weak = generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey;
  assert.throws(
    () => createKeySigner({ privateKey: weak, certificate: pki.leader.certificate }),
    (error: unknown) => error instanceof PkiError && error.code === 'UNSUPPORTED_ALGORITHM',
  );
  await assert.rejects(
    pki.leader.signer.signDigest(new Uint8Array(20)),
    (error: unknown) => error instanceof PkiError && error.code === 'INVALID_ARGUMENT',
  );
  assert.throws(
    () =>
      createKeySigner({
        privateKey: pki.seal.privateKey,
        certificate: pki.seal.certificate,
        algorithm: 'rsa-pss-sha256' as SignatureAlgorithm,
      }),
    (error: unknown) => error instanceof PkiError && error.code === 'UNSUPPORTED_ALGORITHM',
  );
});

test('EMSA-PSS encoding equals OpenSSL’s byte for byte when given the salt OpenSSL chose', async () => {
  const pki = await getTestPki();
  const { constants, publicDecrypt } = await import('node:crypto');
  const { emsaPssEncode, mgf1 } = await import('./internal/emsa-pss.ts');
  const publicKey = createPublicKey(pki.leader.privateKey);
  for (let round = 0; round < 5; round++) {
    const openSslSignature = sign('sha256', message, {
      key: pki.leader.privateKey,
      padding: constants.RSA_PKCS1_PSS_PADDING,
      saltLength: 32,
    });
    // RSAVP1 recovers OpenSSL's EM; unmasking DB (RFC 8017 §9.1.2 steps 7–10) reveals its salt.
    const em = new Uint8Array(
      publicDecrypt({ key: publicKey, padding: constants.RSA_NO_PADDING }, openSslSignature),
    );
    const emLength = em.length;
    const h = em.subarray(emLength - 33, emLength - 1);
    const db = em.slice(0, emLength - 33);
    const mask = mgf1(h, db.length);
    for (let i = 0; i < db.length; i++) {
      db[i]! ^= mask[i]!;
    }
    const salt = db.subarray(db.length - 32);
    assert.deepEqual(emsaPssEncode(digest, 2047, salt), em);
    // And our signature with that salt is OpenSSL's signature.
    assert.deepEqual(
      signDigestWithKey(pki.leader.privateKey, 'rsa-pss-sha256', digest, { pssSalt: salt }),
      new Uint8Array(openSslSignature),
    );
  }
});
