import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { hasOpenssl, openssl, opensslMissing, tempDirectory } from '../../../test/fixtures/pki/openssl.ts';
import { getTestPki, toPem } from '../../../test/fixtures/pki/test-pki.ts';
import { parseCertificate } from './internal/certificate.ts';
import { oid } from './internal/oids.ts';

test('development PKI: chain verifies in openssl, with the purposes each certificate is for', async (t) => {
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  const pki = await getTestPki();
  using dir = tempDirectory();
  writeFileSync(dir.file('root.pem'), toPem(pki.root.certificate));
  writeFileSync(dir.file('ca.pem'), toPem(pki.issuingCa.certificate));
  for (const role of ['leader', 'seal', 'tsa', 'ocsp'] as const) {
    writeFileSync(dir.file(`${role}.pem`), toPem(pki[role].certificate));
  }
  const verify = (purpose: string, role: string) =>
    openssl([
      'verify',
      '-CAfile',
      dir.file('root.pem'),
      '-untrusted',
      dir.file('ca.pem'),
      '-purpose',
      purpose,
      dir.file(`${role}.pem`),
    ]);
  assert.equal(verify('smimesign', 'leader').status, 0, verify('smimesign', 'leader').stderr);
  assert.equal(verify('smimesign', 'seal').status, 0);
  assert.equal(verify('timestampsign', 'tsa').status, 0, verify('timestampsign', 'tsa').stderr);
  assert.equal(verify('ocsphelper', 'ocsp').status, 0);
  // A leader certificate is not a TSA certificate.
  assert.notEqual(verify('timestampsign', 'leader').status, 0);
});

test('development PKI: subject fields, key types, key usage, not-for-production names', async () => {
  const pki = await getTestPki();
  const leader = parseCertificate(pki.leader.certificate);
  const fields = Object.fromEntries(leader.subjectFields);
  assert.equal(fields.CN, 'Nguyễn Văn An');
  assert.equal(fields.T, 'Chủ tịch');
  assert.equal(fields.C, 'VN');
  assert.match(fields.UID ?? '', /^CCCD:\d{12}$/);
  assert.deepEqual([...(leader.keyUsage ?? [])].sort(), [0, 1]);
  assert.equal(pki.leader.privateKey.asymmetricKeyDetails?.modulusLength, 2048);
  assert.equal(pki.seal.privateKey.asymmetricKeyDetails?.namedCurve, 'prime256v1');
  for (const ca of [pki.root, pki.issuingCa]) {
    assert.match(new X509Certificate(ca.certificate).subject, /NOT FOR PRODUCTION/);
    assert.equal(parseCertificate(ca.certificate).isCa, true);
  }
  const tsa = parseCertificate(pki.tsa.certificate);
  assert.deepEqual(tsa.extendedKeyUsage, [oid.kpTimeStamping]);
  assert.ok(tsa.criticalExtensions.includes(oid.extKeyUsage));
  assert.equal(parseCertificate(pki.ocsp.certificate).hasOcspNoCheck, true);
  assert.deepEqual(pki.trustAnchors, [pki.root.certificate]);
});

test('describeCertificate: the summary a certificate page shows', async () => {
  const { describeCertificate } = await import('./describe-certificate.ts');
  const pki = await getTestPki();
  const leader = describeCertificate(pki.leader.certificate);
  assert.equal(leader.subject.CN, 'Nguyễn Văn An');
  assert.equal(leader.issuer.CN, 'Demo Government Specialized CA - NOT FOR PRODUCTION');
  assert.equal(leader.publicKey, 'rsa-2048');
  assert.deepEqual(leader.keyUsage, ['digitalSignature', 'nonRepudiation']);
  assert.equal(leader.isCa, false);
  assert.equal(leader.serialNumber, new X509Certificate(pki.leader.certificate).serialNumber.toLowerCase());
  assert.equal(describeCertificate(pki.seal.certificate).publicKey, 'ec-prime256v1');
  assert.deepEqual(describeCertificate(pki.tsa.certificate).extendedKeyUsage, [oid.kpTimeStamping]);
});

test('issueCertificate: a new official from the issuing CA, signs and chains; a non-CA issuer is refused', async () => {
  const { generateKeyPairSync } = await import('node:crypto');
  const { issueCertificate } = await import('./issue-certificate.ts');
  const { describeCertificate } = await import('./describe-certificate.ts');
  const { createKeySigner } = await import('./create-key-signer.ts');
  const { signCades } = await import('./sign-cades.ts');
  const { verifyCadesSignature } = await import('./verify-cades-signature.ts');
  const { PkiError } = await import('./errors.ts');
  const pki = await getTestPki();
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const now = new Date();
  const certificate = issueCertificate({
    profile: 'personal',
    subject: [
      ['C', 'VN'],
      ['O', 'Ủy ban nhân dân Xã Bình Ca'],
      ['T', 'Phó Chủ tịch'],
      ['CN', 'Trần Thị Bình'],
      ['UID', 'CCCD:008190004321'],
    ],
    publicKey,
    issuer: { certificate: pki.issuingCa.certificate, privateKey: pki.issuingCa.privateKey },
    notBefore: new Date(now.getTime() - 60_000),
    notAfter: new Date(now.getTime() + 365 * 24 * 3600 * 1000),
    serialNumber: '0a1b2c',
    crlUrl: 'http://127.0.0.1:9/pki/crl/issuing.crl',
  });
  const summary = describeCertificate(certificate);
  assert.equal(summary.subject.CN, 'Trần Thị Bình');
  assert.equal(summary.serialNumber, '0a1b2c');
  assert.deepEqual(summary.crlUrls, ['http://127.0.0.1:9/pki/crl/issuing.crl']);
  const signer = createKeySigner({ privateKey, certificate, chain: pki.seal.chain });
  const digest = new Uint8Array(32).fill(7);
  const result = await verifyCadesSignature(await signCades(digest, signer), digest, {
    trustAnchors: pki.trustAnchors,
  });
  assert.equal(result.verdict, 'passed', result.problems.join());
  assert.throws(
    () =>
      issueCertificate({
        profile: 'personal',
        subject: [['CN', 'x']],
        publicKey,
        issuer: { certificate: pki.leader.certificate, privateKey: pki.leader.privateKey },
        notBefore: now,
        notAfter: new Date(now.getTime() + 1000),
      }),
    (error: unknown) => error instanceof PkiError && error.code === 'INVALID_ARGUMENT',
  );
});
