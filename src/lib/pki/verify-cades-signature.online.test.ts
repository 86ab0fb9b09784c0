// verifyCadesSignature with allowOnline: OCSP from the certificate's AIA URL and a CRL from its distribution
// point, both served by a local responder on 127.0.0.1.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { test } from 'node:test';
import { contentDigest } from '../../../test/fixtures/pki/cades.ts';
import { answerOcspGood } from '../../../test/fixtures/pki/responders.ts';
import { getTestPki, loadTestKeys } from '../../../test/fixtures/pki/test-pki.ts';
import { createCrl } from './create-crl.ts';
import { createDevelopmentPki } from './create-development-pki.ts';
import { parseCertificate } from './internal/certificate.ts';
import { signCades } from './sign-cades.ts';
import { verifyCadesSignature } from './verify-cades-signature.ts';

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
