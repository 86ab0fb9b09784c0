import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { hasOpenssl, openssl, opensslMissing, tempDirectory } from '../../../test/fixtures/pki/openssl.ts';
import { answerOcspGood } from '../../../test/fixtures/pki/responders.ts';
import { getTestPki, loadTestKeys, toPem } from '../../../test/fixtures/pki/test-pki.ts';
import { createCrl } from './create-crl.ts';
import { createDevelopmentPki } from './create-development-pki.ts';
import { createOcspResponse } from './create-ocsp-response.ts';
import { createTimestampAuthority } from './create-timestamp-authority.ts';
import { createTimestampRequest } from './create-timestamp-request.ts';
import { PkiError } from './errors.ts';
import { signatureAlgorithmIdentifier } from './internal/algorithms.ts';
import { parseCertificate, sha256 } from './internal/certificate.ts';
import { attribute, encodeSignedData, encodeSignerInfo, parseSignedData } from './internal/cms.ts';
import { objectIdentifier, octetString, setOf } from './internal/der.ts';
import { oid } from './internal/oids.ts';
import { parseTimestampResponse } from './parse-timestamp-response.ts';
import { signCades } from './sign-cades.ts';
import type { Signer } from './signer.ts';
import { verifyCadesSignature } from './verify-cades-signature.ts';

const content = new TextEncoder().encode('Giấy chứng nhận đăng ký khai sinh');
const contentDigest = sha256(content);
const signedAt = new Date(Date.now() - 24 * 3600 * 1000);

async function timestamper() {
  const pki = await getTestPki();
  const tsa = createTimestampAuthority({
    certificate: pki.tsa.certificate,
    privateKey: pki.tsa.privateKey,
    chain: pki.tsa.chain,
    clock: () => signedAt,
  });
  return async (digest: Uint8Array) => {
    const request = createTimestampRequest(digest);
    return parseTimestampResponse(await tsa.respond(request), { request }).token;
  };
}

test('B-B by the leader (RSA) and the seal (ECDSA): passed, signer fields reported', async () => {
  const pki = await getTestPki();
  for (const credential of [pki.leader, pki.seal]) {
    const cms = await signCades(contentDigest, credential.signer);
    const result = await verifyCadesSignature(cms, contentDigest, { trustAnchors: pki.trustAnchors });
    assert.equal(result.verdict, 'passed', JSON.stringify(result.problems));
    assert.equal(result.level, 'B-B');
    assert.deepEqual(result.warnings, ['NO_REVOCATION_DATA']);
    assert.equal(result.chain.certificates.length, 3);
    assert.equal(result.signer?.subject.C, 'VN');
  }
  const leaderResult = await verifyCadesSignature(
    await signCades(contentDigest, pki.leader.signer),
    contentDigest,
    {
      trustAnchors: pki.trustAnchors,
    },
  );
  assert.equal(leaderResult.signer?.subject.CN, 'Nguyễn Văn An');
  assert.equal(leaderResult.signer?.subject.T, 'Chủ tịch');
  assert.equal(leaderResult.signature.algorithm, 'rsa-pkcs1-sha256');
});

test('B-T: the timestamp is verified and gives the validation time; an expired certificate still passes then', async () => {
  const pki = await getTestPki();
  const cms = await signCades(contentDigest, pki.leader.signer, { timestamp: await timestamper() });
  const now = await verifyCadesSignature(cms, contentDigest, { trustAnchors: pki.trustAnchors });
  assert.equal(now.verdict, 'passed', now.problems.join());
  assert.equal(now.level, 'B-T');
  assert.equal(now.timestamp?.isValid, true);
  assert.equal(now.timeSource, 'signature-timestamp');
  assert.equal(now.validationTime.toISOString(), signedAt.toISOString());
  const inTenYears = new Date(Date.now() + 10 * 365 * 24 * 3600 * 1000);
  const later = await verifyCadesSignature(cms, contentDigest, {
    trustAnchors: pki.trustAnchors,
    at: inTenYears,
  });
  assert.equal(later.verdict, 'passed');
  // Without a timestamp, the leader certificate (2 years) has expired by then.
  const plain = await signCades(contentDigest, pki.leader.signer);
  const expired = await verifyCadesSignature(plain, contentDigest, {
    trustAnchors: pki.trustAnchors,
    at: inTenYears,
  });
  assert.equal(expired.verdict, 'indeterminate');
  assert.ok(expired.problems.includes('CERTIFICATE_EXPIRED'));
});

test('negative: wrong content, altered signed attribute, untrusted root, timestamp of another signature', async () => {
  const pki = await getTestPki();
  const cms = await signCades(contentDigest, pki.seal.signer);
  const wrong = await verifyCadesSignature(cms, sha256(new TextEncoder().encode('x')), {
    trustAnchors: pki.trustAnchors,
  });
  assert.equal(wrong.verdict, 'failed');
  assert.deepEqual(wrong.problems, ['DIGEST_MISMATCH']);
  assert.equal(wrong.signature.isValid, true);
  // Flip one byte of the message-digest value inside the signed attributes.
  const altered = new Uint8Array(cms);
  const at = Buffer.from(altered).indexOf(Buffer.from(contentDigest));
  altered[at]! ^= 1;
  const alteredResult = await verifyCadesSignature(altered, contentDigest, {
    trustAnchors: pki.trustAnchors,
  });
  assert.equal(alteredResult.verdict, 'failed');
  assert.ok(alteredResult.problems.includes('SIGNATURE_INVALID'));
  // A PKI with another root.
  const otherRoot = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const other = await createDevelopmentPki({ keys: { ...loadTestKeys(), root: otherRoot } });
  const untrusted = await verifyCadesSignature(cms, contentDigest, { trustAnchors: other.trustAnchors });
  assert.equal(untrusted.verdict, 'indeterminate');
  assert.deepEqual(untrusted.problems, ['NO_PATH_TO_TRUST_ANCHOR']);
  // A timestamp over something else, attached as if it were this signature's.
  const stamp = await timestamper();
  const foreignToken = await stamp(sha256(new Uint8Array([1, 2, 3])));
  const { addSignatureTimestamp } = await import('./add-signature-timestamp.ts');
  assert.throws(
    () => addSignatureTimestamp(cms, foreignToken),
    (error: unknown) => error instanceof PkiError && error.code === 'INVALID_ARGUMENT',
  );
  const stamped = addSignatureTimestamp(cms, await stamp(sha256(parseSignatureValue(cms))));
  const stampedResult = await verifyCadesSignature(stamped, contentDigest, {
    trustAnchors: pki.trustAnchors,
  });
  assert.equal(stampedResult.verdict, 'passed', JSON.stringify(stampedResult.problems));
  assert.equal(stampedResult.level, 'B-T');
});

function parseSignatureValue(cms: Uint8Array): Uint8Array {
  return parseSignedData(cms).signerInfos[0]!.signature;
}

async function signWithAttributes(signer: Signer, attributes: Uint8Array[]): Promise<Uint8Array> {
  const signedAttributes = setOf(attributes);
  const certificate = parseCertificate(signer.certificate);
  return encodeSignedData({
    certificates: [signer.certificate, ...signer.chain],
    signerInfos: [
      encodeSignerInfo({
        issuer: certificate.issuer,
        serialNumber: certificate.serialNumber,
        signedAttributes,
        signatureAlgorithm: signatureAlgorithmIdentifier(signer.algorithm),
        signature: await signer.signDigest(sha256(signedAttributes)),
      }),
    ],
  });
}

test('negative: missing or duplicated signing-certificate-v2, signing-time present', async () => {
  const pki = await getTestPki();
  const base = [
    attribute(oid.contentType, objectIdentifier(oid.data)),
    attribute(oid.messageDigest, octetString(contentDigest)),
  ];
  const missing = await verifyCadesSignature(
    await signWithAttributes(pki.leader.signer, base),
    contentDigest,
    {
      trustAnchors: pki.trustAnchors,
    },
  );
  assert.equal(missing.verdict, 'indeterminate');
  assert.deepEqual(missing.problems, ['SIGNING_CERTIFICATE_V2_MISSING']);
  assert.equal(missing.signature.isValid, true);
  // Another certificate's ESSCertIDv2: the substitution RFC 5035 protects against.
  const { signingCertificateV2 } = await import('./internal/ess.ts');
  const substituted = await signWithAttributes(pki.leader.signer, [
    ...base,
    attribute(oid.signingCertificateV2, signingCertificateV2(pki.seal.certificate)),
  ]);
  const substitutedResult = await verifyCadesSignature(substituted, contentDigest, {
    trustAnchors: pki.trustAnchors,
  });
  assert.equal(substitutedResult.verdict, 'failed');
  assert.deepEqual(substitutedResult.problems, ['SIGNING_CERTIFICATE_V2_MISMATCH']);
});

test('openssl-made CMS: parsed and verified by us (signing-time reported, -cades gives signing-certificate-v2)', async (t) => {
  if (!hasOpenssl) {
    t.skip(opensslMissing);
    return;
  }
  const pki = await getTestPki();
  using dir = tempDirectory();
  writeFileSync(dir.file('content.bin'), content);
  writeFileSync(dir.file('leader.pem'), toPem(pki.leader.certificate));
  writeFileSync(dir.file('leader.key'), pki.leader.privateKey.export({ format: 'pem', type: 'pkcs8' }));
  writeFileSync(dir.file('ca.pem'), toPem(pki.issuingCa.certificate));
  // -stream makes BER with indefinite lengths, as NSS (pdfsig -add-signature) writes.
  // -keyopt rsa_padding_mode:pss: RSASSA-PSS with its parameters in the SignerInfo (RFC 4056).
  for (const [cades, stream, pss] of [
    [false, false, false],
    [true, false, false],
    [true, true, false],
    [true, false, true],
  ]) {
    const made = openssl([
      'cms',
      '-sign',
      '-binary',
      '-in',
      dir.file('content.bin'),
      '-signer',
      dir.file('leader.pem'),
      '-inkey',
      dir.file('leader.key'),
      '-certfile',
      dir.file('ca.pem'),
      '-outform',
      'DER',
      '-md',
      'sha256',
      '-out',
      dir.file('sig.der'),
      ...(cades ? ['-cades'] : []),
      ...(stream ? ['-stream'] : []),
      ...(pss ? ['-keyopt', 'rsa_padding_mode:pss'] : []),
    ]);
    assert.equal(made.status, 0, made.stderr);
    const cms = new Uint8Array(readFileSync(dir.file('sig.der')));
    assert.equal(cms[1] === 0x80, stream, 'indefinite length exactly when streamed');
    const result = await verifyCadesSignature(cms, contentDigest, { trustAnchors: pki.trustAnchors });
    assert.equal(result.signature.isValid, true);
    assert.equal(result.signature.algorithm, pss ? 'rsa-pss-sha256' : 'rsa-pkcs1-sha256');
    assert.equal(result.integrity.isValid, true);
    assert.ok(result.warnings.includes('SIGNING_TIME_PRESENT'));
    if (cades) {
      assert.equal(result.verdict, 'passed', JSON.stringify(result.problems));
    } else {
      assert.deepEqual(result.problems, ['SIGNING_CERTIFICATE_V2_MISSING']);
    }
  }
});

test('revocation: CRL and OCSP revoked before signing → failed; after a timestamped signing → passed with warning', async () => {
  const pki = await getTestPki();
  const leader = parseCertificate(pki.leader.certificate);
  const stamp = await timestamper();
  const cms = await signCades(contentDigest, pki.leader.signer, { timestamp: stamp });
  const thisUpdate = new Date();
  const crl = (at: Date) =>
    createCrl({
      issuer: pki.issuingCa.certificate,
      issuerKey: pki.issuingCa.privateKey,
      revoked: [{ serial: leader.serialHex, at, reason: 'keyCompromise' }],
      thisUpdate,
      nextUpdate: new Date(thisUpdate.getTime() + 7 * 24 * 3600 * 1000),
    });
  const before = new Date(signedAt.getTime() - 3600 * 1000);
  const after = new Date(signedAt.getTime() + 3600 * 1000);
  const revoked = await verifyCadesSignature(cms, contentDigest, {
    trustAnchors: pki.trustAnchors,
    crls: [crl(before)],
  });
  assert.equal(revoked.verdict, 'failed');
  assert.ok(revoked.problems.includes('CERTIFICATE_REVOKED'));
  assert.equal(revoked.revocation.status, 'revoked');
  const later = await verifyCadesSignature(cms, contentDigest, {
    trustAnchors: pki.trustAnchors,
    crls: [crl(after)],
  });
  assert.equal(later.verdict, 'passed', JSON.stringify(later.problems));
  assert.ok(later.warnings.includes('REVOKED_AFTER_SIGNING_TIME'));
  const ocsp = (status: 'good' | 'revoked') =>
    createOcspResponse({
      issuer: pki.issuingCa.certificate,
      responderCertificate: pki.ocsp.certificate,
      responderKey: pki.ocsp.privateKey,
      entries: [{ serial: leader.serialHex, status, revokedAt: before, thisUpdate }],
      producedAt: thisUpdate,
    });
  const good = await verifyCadesSignature(cms, contentDigest, {
    trustAnchors: pki.trustAnchors,
    ocspResponses: [ocsp('good')],
    requireRevocation: false,
  });
  assert.equal(good.revocation.certificates[0]?.status, 'good');
  assert.equal(good.revocation.certificates[0]?.source, 'ocsp');
  const ocspRevoked = await verifyCadesSignature(cms, contentDigest, {
    trustAnchors: pki.trustAnchors,
    ocspResponses: [ocsp('revoked')],
  });
  assert.equal(ocspRevoked.verdict, 'failed');
  // An OCSP response signed by a key the CA never authorised is ignored.
  const forged = createOcspResponse({
    issuer: pki.issuingCa.certificate,
    responderCertificate: pki.seal.certificate,
    responderKey: pki.seal.privateKey,
    entries: [{ serial: leader.serialHex, status: 'revoked', revokedAt: before, thisUpdate }],
    producedAt: thisUpdate,
  });
  const ignored = await verifyCadesSignature(cms, contentDigest, {
    trustAnchors: pki.trustAnchors,
    ocspResponses: [forged],
    requireRevocation: true,
  });
  assert.equal(ignored.verdict, 'indeterminate');
  assert.ok(ignored.problems.includes('REVOCATION_UNKNOWN'));
  // A response produced when the delegated responder's certificate was not yet valid is ignored too.
  const tooEarly = createOcspResponse({
    issuer: pki.issuingCa.certificate,
    responderCertificate: pki.ocsp.certificate,
    responderKey: pki.ocsp.privateKey,
    entries: [{ serial: leader.serialHex, status: 'revoked', revokedAt: before, thisUpdate }],
    producedAt: new Date('2001-01-01T00:00:00Z'),
  });
  const early = await verifyCadesSignature(cms, contentDigest, {
    trustAnchors: pki.trustAnchors,
    ocspResponses: [tooEarly],
  });
  assert.equal(early.revocation.certificates[0]?.status, 'unknown');
});

test('allowOnline: OCSP fetched from the certificate AIA URL (local responder on 127.0.0.1)', async () => {
  const base = await getTestPki();
  let asked = 0;
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      asked++;
      response.setHeader('content-type', 'application/ocsp-response');
      response.end(answerOcspGood(pki, new Uint8Array(Buffer.concat(chunks))).response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const keys = {
    root: base.root.privateKey,
    issuingCa: base.issuingCa.privateKey,
    leader: base.leader.privateKey,
    seal: base.seal.privateKey,
    tsa: base.tsa.privateKey,
    ocsp: base.ocsp.privateKey,
  };
  const pki = await createDevelopmentPki({ keys, ocspUrl: `http://127.0.0.1:${port}/ocsp` });
  try {
    const cms = await signCades(contentDigest, pki.seal.signer);
    const offline = await verifyCadesSignature(cms, contentDigest, { trustAnchors: pki.trustAnchors });
    assert.equal(asked, 0);
    assert.equal(offline.revocation.status, 'unknown');
    const online = await verifyCadesSignature(cms, contentDigest, {
      trustAnchors: pki.trustAnchors,
      allowOnline: true,
      requireRevocation: true,
    });
    assert.ok(asked >= 1);
    assert.equal(online.revocation.certificates[0]?.status, 'good');
    // The same data, fetched for embedding (PAdES B-LT DSS).
    const { fetchRevocationData } = await import('./fetch-revocation-data.ts');
    const fetched = await fetchRevocationData(pki.seal.certificate, pki.issuingCa.certificate);
    assert.equal(fetched.ocspResponses.length, 1);
    const embedded = await verifyCadesSignature(cms, contentDigest, {
      trustAnchors: pki.trustAnchors,
      ocspResponses: fetched.ocspResponses,
      requireRevocation: true,
    });
    assert.equal(embedded.revocation.certificates[0]?.status, 'good');
  } finally {
    server.close();
  }
});

test('truncated or mangled CMS → PkiError MALFORMED_INPUT or a failed verdict, never another exception', async () => {
  const pki = await getTestPki();
  const cms = await signCades(contentDigest, pki.leader.signer, { timestamp: await timestamper() });
  for (const cut of [0, 1, 2, 10, 100, cms.length >> 1, cms.length - 1]) {
    await assert.rejects(
      verifyCadesSignature(cms.subarray(0, cut), contentDigest, { trustAnchors: pki.trustAnchors }),
      (error: unknown) => error instanceof PkiError && error.code === 'MALFORMED_INPUT',
    );
  }
  // Deterministic pseudo-random byte flips: either MALFORMED_INPUT or a non-passing verdict.
  let seed = 12345;
  const next = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed;
  };
  for (let i = 0; i < 120; i++) {
    const mangled = new Uint8Array(cms);
    mangled[next() % mangled.length]! ^= 1 + (next() % 255);
    try {
      const result = await verifyCadesSignature(mangled, contentDigest, { trustAnchors: pki.trustAnchors });
      // Flipping a byte in an unsigned, unchecked spot (e.g. an unused certificate field) may still pass.
      assert.ok(['passed', 'failed', 'indeterminate'].includes(result.verdict));
    } catch (error) {
      assert.ok(error instanceof PkiError, String(error));
    }
  }
});

test('a B-T signature whose TSA is not trusted is indeterminate, not failed', async () => {
  const pki = await getTestPki();
  const cms = await signCades(contentDigest, pki.seal.signer, { timestamp: await timestamper() });
  // An intermediate as trust anchor is enough: the seal and the TSA both chain through it.
  const result = await verifyCadesSignature(cms, contentDigest, {
    trustAnchors: [pki.issuingCa.certificate],
  });
  assert.equal(result.verdict, 'passed', result.problems.join());
  const foreignRoot = generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).privateKey;
  const other = await createDevelopmentPki({ keys: { ...loadTestKeys(), root: foreignRoot } });
  const tsa = createTimestampAuthority({
    certificate: other.tsa.certificate,
    privateKey: other.tsa.privateKey,
    chain: other.tsa.chain,
  });
  const foreignStamp = async (digest: Uint8Array) => {
    const request = createTimestampRequest(digest);
    return parseTimestampResponse(await tsa.respond(request), { request }).token;
  };
  const foreign = await signCades(contentDigest, pki.seal.signer, { timestamp: foreignStamp });
  const untrusted = await verifyCadesSignature(foreign, contentDigest, { trustAnchors: pki.trustAnchors });
  assert.equal(untrusted.verdict, 'indeterminate');
  assert.deepEqual(untrusted.problems, ['TIMESTAMP_UNTRUSTED']);
});

test('allowOnline: a CRL fetched from the certificate distribution point (no OCSP URL) revokes', async () => {
  const base = await getTestPki();
  const revokedAt = new Date(Date.now() - 60_000);
  let crl: Uint8Array = new Uint8Array();
  const server = createServer((_request, response) => {
    response.setHeader('content-type', 'application/pkix-crl');
    response.end(crl);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const pki = await createDevelopmentPki({
      keys: loadTestKeys(),
      crlUrl: `http://127.0.0.1:${port}/pki/crl/issuing.crl`,
    });
    const seal = parseCertificate(pki.seal.certificate);
    crl = createCrl({
      issuer: pki.issuingCa.certificate,
      issuerKey: base.issuingCa.privateKey,
      revoked: [{ serial: seal.serialHex, at: revokedAt, reason: 'cessationOfOperation' }],
      thisUpdate: new Date(),
      nextUpdate: new Date(Date.now() + 86_400_000),
    });
    const cms = await signCades(contentDigest, pki.seal.signer);
    const result = await verifyCadesSignature(cms, contentDigest, {
      trustAnchors: pki.trustAnchors,
      allowOnline: true,
    });
    assert.equal(result.verdict, 'failed');
    assert.equal(result.revocation.certificates[0]?.source, 'crl');
    assert.equal(result.revocation.certificates[0]?.reason, 'cessationOfOperation');
  } finally {
    server.close();
  }
});

test('revocation freshness: a CRL past its nextUpdate or an OCSP response outside the tolerance warns, or is indeterminate with requireRevocation', async () => {
  const pki = await getTestPki();
  const cms = await signCades(contentDigest, pki.seal.signer);
  const at = new Date();
  const day = 24 * 3600 * 1000;
  const shift = (ms: number) => new Date(at.getTime() + ms);
  // The issuing CA's status, fresh in every case: only the seal certificate's data varies.
  const caCrl = createCrl({
    issuer: pki.root.certificate,
    issuerKey: pki.root.privateKey,
    revoked: [],
    thisUpdate: shift(-day),
    nextUpdate: shift(day),
  });
  const sealCrl = (thisUpdate: Date, nextUpdate: Date) =>
    createCrl({
      issuer: pki.issuingCa.certificate,
      issuerKey: pki.issuingCa.privateKey,
      revoked: [],
      thisUpdate,
      nextUpdate,
    });
  const sealOcsp = (producedAt: Date, nextUpdate?: Date) =>
    createOcspResponse({
      issuer: pki.issuingCa.certificate,
      responderCertificate: pki.ocsp.certificate,
      responderKey: pki.ocsp.privateKey,
      entries: [
        {
          serial: parseCertificate(pki.seal.certificate).serialHex,
          status: 'good',
          thisUpdate: producedAt,
          ...(nextUpdate ? { nextUpdate } : {}),
        },
      ],
      producedAt,
    });
  const check = async (
    what: string,
    data: { crls?: Uint8Array[]; ocspResponses?: Uint8Array[] },
    isStale: boolean,
    extra: { ocspToleranceMs?: number } = {},
  ) => {
    const base = {
      trustAnchors: pki.trustAnchors,
      at,
      crls: [caCrl, ...(data.crls ?? [])],
      ocspResponses: data.ocspResponses ?? [],
      ...extra,
    };
    const lenient = await verifyCadesSignature(cms, contentDigest, base);
    assert.equal(lenient.verdict, 'passed', `${what}: ${lenient.problems.join()}`);
    assert.equal(lenient.revocation.certificates[0]?.status, 'good', what);
    assert.deepEqual(lenient.warnings, isStale ? ['REVOCATION_DATA_STALE'] : [], what);
    const strict = await verifyCadesSignature(cms, contentDigest, { ...base, requireRevocation: true });
    assert.equal(strict.verdict, isStale ? 'indeterminate' : 'passed', what);
    assert.deepEqual(strict.problems, isStale ? ['REVOCATION_STALE'] : [], what);
  };
  await check('CRL current at the validation time', { crls: [sealCrl(shift(-day), shift(day))] }, false);
  await check('CRL whose nextUpdate has passed', { crls: [sealCrl(shift(-3 * day), shift(-day))] }, true);
  await check('OCSP produced an hour before', { ocspResponses: [sealOcsp(shift(-3600_000))] }, false);
  await check('OCSP produced three days before', { ocspResponses: [sealOcsp(shift(-3 * day))] }, true);
  await check('OCSP produced three days after', { ocspResponses: [sealOcsp(shift(3 * day))] }, true);
  await check(
    'OCSP three days before, tolerance a week',
    { ocspResponses: [sealOcsp(shift(-3 * day))] },
    false,
    {
      ocspToleranceMs: 7 * day,
    },
  );
  await check(
    'OCSP within the tolerance but past its nextUpdate',
    { ocspResponses: [sealOcsp(shift(-2 * 3600_000), shift(-3600_000))] },
    true,
  );
  await check(
    'stale and fresh data together: the fresh answer counts',
    { crls: [sealCrl(shift(-3 * day), shift(-day))], ocspResponses: [sealOcsp(shift(-3600_000))] },
    false,
  );
});
