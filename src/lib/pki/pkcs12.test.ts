import assert from 'node:assert/strict';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { hasOpenssl, openssl, opensslMissing, tempDirectory } from '../../../test/fixtures/pki/openssl.ts';
import { getTestPki, toPem } from '../../../test/fixtures/pki/test-pki.ts';
import { PkiError } from './errors.ts';
import { rc2DecryptBlockForTest } from './internal/rc2.ts';
import { readPkcs12 } from './read-pkcs12.ts';
import { writePkcs12 } from './write-pkcs12.ts';

const digest = new Uint8Array(createHash('sha256').update('hồ sơ').digest());

test('RC2 decryption: RFC 2268 §5 test vectors', () => {
  const vectors = JSON.parse(readFileSync(new URL('vectors/rfc2268-rc2.json', import.meta.url), 'utf8'));
  for (const v of vectors.cases) {
    const plain = rc2DecryptBlockForTest(
      Buffer.from(v.key, 'hex'),
      v.effectiveBits,
      Buffer.from(v.ciphertext, 'hex'),
    );
    assert.equal(Buffer.from(plain).toString('hex'), v.plaintext, `key ${v.key}`);
  }
});

for (const legacy of [false, true]) {
  test(`readPkcs12: openssl pkcs12 -export${legacy ? ' -legacy (SHA-1 MAC, 3DES key, RC2-40 certificates)' : ' (PBES2 AES-256, SHA-256 MAC)'}`, async (t) => {
    if (!hasOpenssl) {
      t.skip(opensslMissing);
      return;
    }
    const pki = await getTestPki();
    using dir = tempDirectory();
    writeFileSync(dir.file('key.pem'), pki.seal.privateKey.export({ format: 'pem', type: 'pkcs8' }));
    writeFileSync(dir.file('cert.pem'), toPem(pki.seal.certificate));
    // Root first on purpose: the reader must order the chain issuer-first.
    writeFileSync(dir.file('chain.pem'), toPem(pki.root.certificate) + toPem(pki.issuingCa.certificate));
    const made = openssl([
      'pkcs12',
      '-export',
      ...(legacy ? ['-legacy'] : []),
      '-inkey',
      dir.file('key.pem'),
      '-in',
      dir.file('cert.pem'),
      '-certfile',
      dir.file('chain.pem'),
      '-passout',
      'pass:Mật-khẩu 1',
      '-out',
      dir.file('seal.p12'),
    ]);
    assert.equal(made.status, 0, made.stderr);
    const bytes = new Uint8Array(readFileSync(dir.file('seal.p12')));
    const signer = await readPkcs12(bytes, 'Mật-khẩu 1');
    assert.deepEqual(signer.certificate, pki.seal.certificate);
    assert.deepEqual(signer.chain, [pki.issuingCa.certificate, pki.root.certificate]);
    assert.equal(signer.algorithm, 'ecdsa-p256-sha256');
    const signature = await signer.signDigest(digest);
    const ok = verify(
      'sha256',
      Buffer.from('hồ sơ'),
      { key: createPublicKey(pki.seal.privateKey), dsaEncoding: 'der' },
      signature,
    );
    assert.equal(ok, true);
    await assert.rejects(
      readPkcs12(bytes, 'wrong'),
      (error: unknown) => error instanceof PkiError && error.code === 'PKCS12_BAD_PASSWORD',
    );
  });
}

test('writePkcs12: openssl reads it with the password and refuses another; we read it back', async (t) => {
  const pki = await getTestPki();
  const p12 = writePkcs12({
    privateKey: pki.leader.privateKey,
    certificate: pki.leader.certificate,
    chain: pki.leader.chain,
    password: 'bí mật',
    friendlyName: 'Nguyễn Văn An',
  });
  const back = await readPkcs12(p12, 'bí mật');
  assert.deepEqual(back.certificate, pki.leader.certificate);
  assert.deepEqual(back.chain, pki.leader.chain);
  assert.equal(back.algorithm, 'rsa-pkcs1-sha256');
  await assert.rejects(
    readPkcs12(p12, 'bi mat'),
    (error: unknown) => error instanceof PkiError && error.code === 'PKCS12_BAD_PASSWORD',
  );
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  using dir = tempDirectory();
  writeFileSync(dir.file('out.p12'), p12);
  const info = openssl(['pkcs12', '-in', dir.file('out.p12'), '-passin', 'pass:bí mật', '-nodes']);
  assert.equal(info.status, 0, info.stderr);
  assert.match(info.stdout, /BEGIN PRIVATE KEY/);
  assert.equal(info.stdout.match(/BEGIN CERTIFICATE/g)?.length, 3);
  assert.notEqual(openssl(['pkcs12', '-in', dir.file('out.p12'), '-passin', 'pass:x', '-nodes']).status, 0);
});

test('readPkcs12: truncated input → MALFORMED_INPUT, never a crash', async () => {
  const pki = await getTestPki();
  const p12 = writePkcs12({
    privateKey: pki.seal.privateKey,
    certificate: pki.seal.certificate,
    password: 'p',
  });
  for (const cut of [0, 3, 50, p12.length - 1]) {
    await assert.rejects(
      readPkcs12(p12.subarray(0, cut), 'p'),
      (error: unknown) => error instanceof PkiError,
    );
  }
});

test('readPkcs12: an absurd iteration count is refused at once, not run', async () => {
  const { children, encoded, integer, readRoot, sequence } = await import('./internal/der.ts');
  const pki = await getTestPki();
  const p12 = writePkcs12({
    privateKey: pki.seal.privateKey,
    certificate: pki.seal.certificate,
    password: 'p',
  });
  // Rebuild MacData { mac, macSalt, iterations } with iterations = 2^31 - 1.
  const [version, authSafe, macData] = children(readRoot(p12));
  const [mac, salt] = children(macData!);
  const hostile = sequence(
    encoded(version!),
    encoded(authSafe!),
    sequence(encoded(mac!), encoded(salt!), integer(2 ** 31 - 1)),
  );
  const started = Date.now();
  await assert.rejects(
    readPkcs12(hostile, 'p'),
    (error: unknown) => error instanceof PkiError && error.code === 'PKCS12_UNSUPPORTED',
  );
  assert.ok(Date.now() - started < 2000, 'refused quickly');
});
