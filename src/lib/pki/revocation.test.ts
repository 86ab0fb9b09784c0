import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { test } from 'node:test';
import { hasOpenssl, openssl, opensslMissing, tempDirectory } from '../../../test/fixtures/pki/openssl.ts';
import { getTestPki, toPem } from '../../../test/fixtures/pki/test-pki.ts';
import { createCrl } from './create-crl.ts';
import { createOcspRequest } from './create-ocsp-request.ts';
import { createOcspResponse } from './create-ocsp-response.ts';
import { PkiError } from './errors.ts';
import { parseCertificate } from './internal/certificate.ts';
import { parseCrl } from './parse-crl.ts';
import { parseOcspRequest } from './parse-ocsp-request.ts';
import { parseOcspResponse } from './parse-ocsp-response.ts';

const thisUpdate = new Date('2026-05-01T00:00:00Z');
const nextUpdate = new Date('2026-05-08T00:00:00Z');
const revokedAt = new Date('2026-04-30T10:00:00Z');

test('CRL: created, parsed back, and verified by openssl crl', async (t) => {
  const pki = await getTestPki();
  const leader = parseCertificate(pki.leader.certificate);
  const crl = createCrl({
    issuer: pki.issuingCa.certificate,
    issuerKey: pki.issuingCa.privateKey,
    revoked: [{ serial: leader.serialHex, at: revokedAt, reason: 'keyCompromise' }],
    thisUpdate,
    nextUpdate,
    crlNumber: 7n,
  });
  const parsed = parseCrl(crl);
  assert.deepEqual(parsed.revoked, [{ serial: leader.serialHex, at: revokedAt, reason: 'keyCompromise' }]);
  assert.equal(parsed.crlNumber, 7n);
  assert.equal(parsed.thisUpdate.toISOString(), thisUpdate.toISOString());
  assert.deepEqual(parsed.issuer, parseCertificate(pki.issuingCa.certificate).subject);
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  using dir = tempDirectory();
  writeFileSync(dir.file('crl.der'), crl);
  writeFileSync(dir.file('chain.pem'), toPem(pki.issuingCa.certificate) + toPem(pki.root.certificate));
  const result = openssl([
    'crl',
    '-inform',
    'DER',
    '-in',
    dir.file('crl.der'),
    '-CAfile',
    dir.file('chain.pem'),
    '-noout',
    '-text',
  ]);
  assert.match(result.stderr, /verify OK/, result.stderr);
  assert.match(result.stdout, /Key Compromise/);
  assert.match(result.stdout, new RegExp(leader.serialHex.toUpperCase()));
});

test('OCSP: request and response (delegated responder) round-trip; openssl ocsp verifies the response', async (t) => {
  const pki = await getTestPki();
  const leader = parseCertificate(pki.leader.certificate);
  const seal = parseCertificate(pki.seal.certificate);
  const request = createOcspRequest(pki.leader.certificate, pki.issuingCa.certificate);
  const parsedRequest = parseOcspRequest(request);
  assert.equal(parsedRequest.requests[0]?.serial, leader.serialHex);
  assert.equal(parsedRequest.nonce?.length, 16);
  const response = createOcspResponse({
    issuer: pki.issuingCa.certificate,
    responderCertificate: pki.ocsp.certificate,
    responderKey: pki.ocsp.privateKey,
    entries: [
      {
        serial: leader.serialHex,
        status: 'revoked',
        revokedAt,
        reason: 'superseded',
        thisUpdate,
        nextUpdate,
      },
      { serial: seal.serialHex, status: 'good', thisUpdate, nextUpdate },
      { serial: '01', status: 'unknown', thisUpdate },
    ],
    producedAt: thisUpdate,
    ...(parsedRequest.nonce ? { nonce: parsedRequest.nonce } : {}),
  });
  const parsed = parseOcspResponse(response);
  assert.equal(parsed.status, 'successful');
  assert.deepEqual(
    parsed.basic?.responses.map((r) => [r.serial, r.status, r.reason]),
    [
      [leader.serialHex, 'revoked', 'superseded'],
      [seal.serialHex, 'good', undefined],
      ['01', 'unknown', undefined],
    ],
  );
  assert.deepEqual(parsed.basic?.nonce, parsedRequest.nonce);
  assert.equal(parsed.basic?.certificates.length, 1);
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  using dir = tempDirectory();
  writeFileSync(dir.file('resp.der'), response);
  writeFileSync(dir.file('req.der'), request);
  writeFileSync(dir.file('root.pem'), toPem(pki.root.certificate));
  writeFileSync(dir.file('ca.pem'), toPem(pki.issuingCa.certificate));
  const result = openssl([
    'ocsp',
    '-respin',
    dir.file('resp.der'),
    '-reqin',
    dir.file('req.der'),
    '-issuer',
    dir.file('ca.pem'),
    '-CAfile',
    dir.file('root.pem'),
    '-verify_other',
    dir.file('ca.pem'),
    '-resp_text',
  ]);
  assert.match(result.stderr, /Response verify OK/, result.stderr + result.stdout);
  assert.match(result.stdout, /Cert Status: revoked/);
  assert.match(result.stdout, /Cert Status: good/);
  // The openssl command line makes requests our responder side can read.
  writeFileSync(dir.file('leader.pem'), toPem(pki.leader.certificate));
  const made = openssl([
    'ocsp',
    '-issuer',
    dir.file('ca.pem'),
    '-cert',
    dir.file('leader.pem'),
    '-reqout',
    dir.file('req2.der'),
  ]);
  assert.equal(made.status, 0, made.stderr);
  const { readFileSync } = await import('node:fs');
  assert.equal(
    parseOcspRequest(new Uint8Array(readFileSync(dir.file('req2.der')))).requests[0]?.serial,
    leader.serialHex,
  );
});

test('CRL, OCSP request and response parsers: truncated or garbage input → MALFORMED_INPUT', async () => {
  const pki = await getTestPki();
  const crl = createCrl({
    issuer: pki.issuingCa.certificate,
    issuerKey: pki.issuingCa.privateKey,
    revoked: [],
    thisUpdate,
    nextUpdate,
  });
  for (const [parse, bytes] of [
    [parseCrl, crl],
    [parseOcspRequest, createOcspRequest(pki.seal.certificate, pki.issuingCa.certificate)],
  ] as const) {
    for (const cut of [0, 1, 5, bytes.length - 1]) {
      assert.throws(
        () => parse(bytes.subarray(0, cut)),
        (error: unknown) => error instanceof PkiError && error.code === 'MALFORMED_INPUT',
      );
    }
  }
  assert.throws(
    () => parseOcspResponse(new Uint8Array([0x30, 0x03, 0x0a, 0x01])),
    (error: unknown) => error instanceof PkiError && error.code === 'MALFORMED_INPUT',
  );
});

test('OCSP responder side: an openssl SHA-256 CertID request is matched to its CA and answered in kind', async (t) => {
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  const { matchesOcspRequest } = await import('./match-ocsp-request.ts');
  const { readFileSync } = await import('node:fs');
  const pki = await getTestPki();
  using dir = tempDirectory();
  writeFileSync(dir.file('ca.pem'), toPem(pki.issuingCa.certificate));
  writeFileSync(dir.file('root.pem'), toPem(pki.root.certificate));
  writeFileSync(dir.file('leader.pem'), toPem(pki.leader.certificate));
  const made = openssl([
    'ocsp',
    '-issuer',
    dir.file('ca.pem'),
    '-sha256',
    '-cert',
    dir.file('leader.pem'),
    '-reqout',
    dir.file('req.der'),
  ]);
  assert.equal(made.status, 0, made.stderr);
  const request = parseOcspRequest(new Uint8Array(readFileSync(dir.file('req.der'))));
  const entry = request.requests[0]!;
  assert.equal(matchesOcspRequest(entry, pki.issuingCa.certificate), true);
  assert.equal(matchesOcspRequest(entry, pki.root.certificate), false);
  const response = createOcspResponse({
    issuer: pki.issuingCa.certificate,
    responderCertificate: pki.ocsp.certificate,
    responderKey: pki.ocsp.privateKey,
    entries: [{ serial: entry.serial, status: 'good', thisUpdate: new Date() }],
    producedAt: new Date(),
    certIdHash: 'sha256',
    ...(request.nonce ? { nonce: request.nonce } : {}),
  });
  writeFileSync(dir.file('resp.der'), response);
  const checked = openssl([
    'ocsp',
    '-respin',
    dir.file('resp.der'),
    '-reqin',
    dir.file('req.der'),
    '-issuer',
    dir.file('ca.pem'),
    '-resp_text',
    '-CAfile',
    dir.file('root.pem'),
    '-verify_other',
    dir.file('ca.pem'),
  ]);
  assert.match(checked.stderr, /Response verify OK/, checked.stderr);
  assert.match(checked.stdout, /Hash Algorithm: sha256[\s\S]*Cert Status: good/);
});

test('verifyCertificate: trusted, revoked by CRL, untrusted', async () => {
  const { verifyCertificate } = await import('./verify-certificate.ts');
  const pki = await getTestPki();
  const leader = parseCertificate(pki.leader.certificate);
  const intermediates = [pki.issuingCa.certificate];
  const ok = verifyCertificate(pki.leader.certificate, { trustAnchors: pki.trustAnchors, intermediates });
  assert.equal(ok.isValid, true, ok.problems.join());
  assert.equal(ok.path.length, 3);
  assert.deepEqual(
    ok.revocation.map((r) => r.status),
    ['unknown', 'unknown'],
  );
  const now = new Date();
  const crl = createCrl({
    issuer: pki.issuingCa.certificate,
    issuerKey: pki.issuingCa.privateKey,
    revoked: [{ serial: leader.serialHex, at: new Date(now.getTime() - 1000), reason: 'affiliationChanged' }],
    thisUpdate: now,
    nextUpdate: new Date(now.getTime() + 86_400_000),
  });
  const revoked = verifyCertificate(pki.leader.certificate, {
    trustAnchors: pki.trustAnchors,
    intermediates,
    crls: [crl],
  });
  assert.deepEqual(revoked.problems, ['CERTIFICATE_REVOKED']);
  assert.equal(revoked.revocation[0]?.reason, 'affiliationChanged');
  const untrusted = verifyCertificate(pki.leader.certificate, { trustAnchors: [pki.seal.certificate] });
  assert.deepEqual(untrusted.problems, ['NO_PATH_TO_TRUST_ANCHOR']);
});
