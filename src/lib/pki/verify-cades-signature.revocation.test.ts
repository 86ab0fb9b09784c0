// verifyCadesSignature with revocation data given offline: CRLs and OCSP responses revoking before or after
// the signing time, forged or premature responses, and how fresh the data must be.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentDigest, signedAt, timestamper } from '../../../test/fixtures/pki/cades.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { createCrl } from './create-crl.ts';
import { createOcspResponse } from './create-ocsp-response.ts';
import { parseCertificate } from './internal/certificate.ts';
import { signCades } from './sign-cades.ts';
import { verifyCadesSignature } from './verify-cades-signature.ts';

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
