// A PDF signed through the CSC flow by an outside client (issue 5 §3–4): preparePdfSignature →
// credentials/authorize + signatures/signHash for the CAdES signed attributes → CMS with the signature
// timestamp from POST /pki/tsa (PAdES B-T) → embedPdfSignature; the leader signs, then the clerk seals.
// pdfsig, with only the demo root trusted, accepts both signatures.
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { signPdf } from '../../src/lib/pdf/index.ts';
import { createTimestampRequest, parseTimestampResponse, type Signer } from '../../src/lib/pki/index.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import { makeNssDb, pdfsig, toPem } from '../fixtures/pdf/tools.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { requireTool } from '../helpers/tools.ts';
import { csc, ECDSA_SHA256, makeSigner, PIN, RSA_SHA256, SHA256, type TestSigner } from './csc-helpers.ts';

const config = testConfig();
const kek = config.secrets.keyEncryption;
const { app, db } = await createTestApp({ config });

/** A Signer whose signDigest is one CSC authorisation (PIN + OTP) and one signHash, like a remote client. */
async function cscSigner(server: FastifyInstance, signer: TestSigner): Promise<Signer> {
  const info = await csc(server, signer.token, 'credentials/info', {
    credentialID: signer.credentialId,
    certificates: 'chain',
  });
  const [certificate, ...chain] = (info.json.cert as { certificates: string[] }).certificates.map(
    (b64) => new Uint8Array(Buffer.from(b64, 'base64')),
  );
  const isRsa = (info.json.key as { algo: string[] }).algo[0] === '1.2.840.113549.1.1.1';
  let step = 0;
  return {
    certificate: certificate ?? new Uint8Array(),
    chain,
    algorithm: isRsa ? 'rsa-pkcs1-sha256' : 'ecdsa-p256-sha256',
    async signDigest(digest) {
      const hashes = [Buffer.from(digest).toString('base64')];
      const auth = await csc(server, signer.token, 'credentials/authorize', {
        credentialID: signer.credentialId,
        numSignatures: 1,
        hashes,
        hashAlgorithmOID: SHA256,
        authData: [
          { id: 'PIN', value: PIN },
          { id: 'OTP', value: await signer.otp(step++) },
        ],
      });
      assert.equal(auth.status, 200, JSON.stringify(auth.json));
      const signed = await csc(server, signer.token, 'signatures/signHash', {
        credentialID: signer.credentialId,
        SAD: auth.json.SAD,
        hashes,
        hashAlgorithmOID: SHA256,
        signAlgo: isRsa ? RSA_SHA256 : ECDSA_SHA256,
      });
      assert.equal(signed.status, 200, JSON.stringify(signed.json));
      return new Uint8Array(Buffer.from((signed.json.signatures as string[])[0] ?? '', 'base64'));
    },
  };
}

async function timestamp(digest: Uint8Array): Promise<Uint8Array> {
  const request = createTimestampRequest(digest);
  const reply = await app.inject({
    method: 'POST',
    url: '/pki/tsa',
    headers: { 'content-type': 'application/timestamp-query' },
    payload: Buffer.from(request),
  });
  assert.equal(reply.statusCode, 200);
  return parseTimestampResponse(new Uint8Array(reply.rawPayload), { request }).token;
}

test('leader (RSA) signs B-T through CSC, then the clerk seals (P-256): pdfsig accepts both', async (t) => {
  if (!requireTool(t, 'pdfsig', 'poppler-utils') || !requireTool(t, 'certutil', 'libnss3-tools')) {
    return;
  }
  const leader = await makeSigner(app, db, kek, { keyAlgorithm: 'rsa-2048' });
  const clerk = await makeSigner(app, db, kek, { kind: 'seal' });
  const leaderSigner = await cscSigner(app, leader);
  const sealSigner = await cscSigner(app, clerk);
  // The leader's certification must be P=2 so the later seal keeps it valid (SIGNATURES.md).
  const byLeader = await signPdf(await basePdf(1), leaderSigner, {
    level: 'B-T',
    timestamp,
    fieldName: 'Leader',
    certify: 2,
  });
  const sealed = await signPdf(byLeader, sealSigner, { level: 'B-T', timestamp, fieldName: 'Seal' });

  const dir = mkdtempSync(join(tmpdir(), 'xaso-csc-pdf-'));
  writeFileSync(join(dir, 'signed.pdf'), sealed);
  const root = leaderSigner.chain[leaderSigner.chain.length - 1] ?? new Uint8Array();
  const nss = makeNssDb(dir, [toPem(root)]);
  const signatures = pdfsig(nss, join(dir, 'signed.pdf'));
  assert.equal(signatures.length, 2);
  for (const signature of signatures) {
    assert.ok(signature.signatureValid, signature.text);
    assert.ok(signature.certificateTrusted, signature.text);
    assert.equal(signature.subFilter, 'ETSI.CAdES.detached');
  }
  // Without the demo root trusted, the same file is not trusted: the check above can fail.
  const untrusted = pdfsig(makeNssDb(join(dir, 'empty'), []), join(dir, 'signed.pdf'));
  assert.ok(untrusted.every((s) => !s.certificateTrusted));
});
