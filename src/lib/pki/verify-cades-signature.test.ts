// verifyCadesSignature (RFC 5652 CMS, ETSI EN 319 122-1 CAdES): levels B-B and B-T, the checks that make
// a signature fail or stay indeterminate, and robustness against mangled input. Revocation, online fetching
// and OpenSSL interoperability are in verify-cades-signature.{revocation,online,openssl}.test.ts.
import assert from 'node:assert/strict';
import { generateKeyPairSync } from 'node:crypto';
import { test } from 'node:test';
import { contentDigest, signedAt, timestamper, timestampWith } from '../../../test/fixtures/pki/cades.ts';
import { getTestPki, loadTestKeys } from '../../../test/fixtures/pki/test-pki.ts';
import { createDevelopmentPki } from './create-development-pki.ts';
import { PkiError } from './errors.ts';
import { signatureAlgorithmIdentifier } from './internal/algorithms.ts';
import { parseCertificate, sha256 } from './internal/certificate.ts';
import { attribute, encodeSignedData, encodeSignerInfo, parseSignedData } from './internal/cms.ts';
import { objectIdentifier, octetString, setOf } from './internal/der.ts';
import { oid } from './internal/oids.ts';
import { signCades } from './sign-cades.ts';
import type { Signer } from './signer.ts';
import { verifyCadesSignature } from './verify-cades-signature.ts';

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
  const foreignStamp = timestampWith(other.tsa);
  const foreign = await signCades(contentDigest, pki.seal.signer, { timestamp: foreignStamp });
  const untrusted = await verifyCadesSignature(foreign, contentDigest, { trustAnchors: pki.trustAnchors });
  assert.equal(untrusted.verdict, 'indeterminate');
  assert.deepEqual(untrusted.problems, ['TIMESTAMP_UNTRUSTED']);
});
