// Every corpus file signed twice (an RSA leader, then an ECDSA P-256 seal) by signPdf, checked by the
// independent validators: pdfsig (signature valid, certificate trusted), qpdf --check, openssl cms -verify.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { basePdf, generateCorpus, sealPng } from '../../../test/fixtures/pdf/corpus.ts';
import { readDss } from '../../../test/fixtures/pdf/dss.ts';
import {
  makeNssDb,
  missing,
  opensslCmsVerify,
  pdfsig,
  qpdfCheck,
  toPem,
} from '../../../test/fixtures/pdf/tools.ts';
import { localTimestamp } from '../../../test/fixtures/pki/responders.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import {
  assembleCadesSignature,
  createCrl,
  createOcspResponse,
  describeCertificate,
  parseOcspResponse,
  prepareCadesSignature,
} from '../pki/index.ts';
import { addPdfSignatureFields } from './add-signature-fields.ts';
import { embedPdfSignature } from './embed-signature.ts';
import { PdfError } from './errors.ts';
import { estimateCmsSize } from './estimate-cms-size.ts';
import { PdfDocument } from './internal/document.ts';
import { sameBytes } from './internal/objects.ts';
import { listSignatures } from './internal/signatures.ts';
import { preparePdfSignature } from './prepare-signature.ts';
import { signPdf } from './sign-pdf.ts';
import { verifyPdf } from './verify-pdf.ts';

test('corpus signed by the leader (RSA) then the seal (ECDSA P-256): pdfsig, qpdf and openssl accept both', async (t) => {
  const skip = missing('openssl', 'pdfsig', 'certutil', 'qpdf', 'pk12util');
  if (skip) {
    t.skip(skip);
    return;
  }
  const pki = await getTestPki();
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pdf-sign-'));
  const rootPem = toPem(pki.root.certificate);
  const db = makeNssDb(dir, [rootPem]);
  const corpus = await generateCorpus(dir);
  for (const file of corpus.files) {
    const input = readFileSync(file.path);
    const leader = await signPdf(input, pki.leader.signer, { reason: 'Phê duyệt', location: 'Xã Bình Ca' });
    const sealed = await signPdf(leader, pki.seal.signer, {
      reason: 'Đóng dấu',
      fieldName: 'Seal',
      visible: {
        page: 1,
        x: 300,
        y: 60,
        width: 200,
        height: 90,
        appearance: { unit: 'UBND xã Bình Ca', sealImage: sealPng() },
      },
    });
    const out = join(dir, `${file.name}-signed.pdf`);
    writeFileSync(out, sealed);
    const check = qpdfCheck(out);
    assert.ok(check.ok, `${file.name}: qpdf --check\n${check.output}`);
    const sigs = pdfsig(db, out);
    const ours = file.name === 'presigned-pdfsig' ? sigs.slice(1) : sigs;
    assert.equal(ours.length, 2, `${file.name}: two signatures`);
    for (const [i, sig] of sigs.entries()) {
      assert.ok(sig.signatureValid, `${file.name}: signature ${i + 1} valid\n${sig.text}`);
    }
    for (const sig of ours) {
      assert.equal(sig.subFilter, 'ETSI.CAdES.detached');
      assert.ok(sig.certificateTrusted, `${file.name}: certificate trusted\n${sig.text}`);
    }
    const report = await verifyPdf(sealed, { trustAnchors: pki.trustAnchors });
    const mine = report.signatures.filter((s) => s.subFilter === 'ETSI.CAdES.detached');
    assert.deepEqual(
      mine.map((s) => [s.verdict, s.level]),
      [
        ['TOTAL_PASSED', 'B-B'],
        ['TOTAL_PASSED', 'B-B'],
      ],
      `${file.name}: our verifier`,
    );
    for (const s of report.signatures) {
      assert.ok(
        !s.cms?.problems.some((p) => p === 'DIGEST_MISMATCH' || p === 'SIGNATURE_INVALID'),
        `${file.name}: ${s.fieldName} intact (${s.cms?.problems})`,
      );
      assert.deepEqual(s.modifications.disallowed, [], `${file.name}: ${s.fieldName} not modified`);
      assert.notEqual(s.verdict, 'TOTAL_FAILED', `${file.name}: ${s.fieldName}`);
    }
    const doc = PdfDocument.open(sealed);
    for (const entry of listSignatures(doc).filter((s) => s.subFilter === 'ETSI.CAdES.detached')) {
      const [a, b, c, d] = entry.byteRange as [number, number, number, number];
      const content = Buffer.concat([sealed.subarray(a, a + b), sealed.subarray(c, c + d)]);
      const verified = opensslCmsVerify(dir, entry.contents, content, rootPem);
      assert.ok(verified.ok, `${file.name} ${entry.fieldName}: openssl cms -verify\n${verified.output}`);
    }
  }
});

test('fields prepared first (Leader, Seal) are filled by each signer; pdfsig and our verifier accept', async (t) => {
  const pki = await getTestPki();
  const prepared = addPdfSignatureFields(await basePdf(1), [
    { name: 'Leader', page: 1, x: 330, y: 120, width: 220, height: 70 },
    { name: 'Seal', page: 1, x: 300, y: 100, width: 110, height: 110 },
  ]);
  const leader = await signPdf(prepared, pki.leader.signer, {
    fieldName: 'Leader',
    visible: {
      page: 1,
      x: 0,
      y: 0,
      width: 1,
      height: 1,
      appearance: { signerName: 'Nguyễn Văn An', title: 'Chủ tịch' },
    },
  });
  const sealed = await signPdf(leader, pki.seal.signer, {
    fieldName: 'Seal',
    visible: { page: 1, x: 0, y: 0, width: 1, height: 1, appearance: { sealImage: sealPng() } },
  });
  const report = await verifyPdf(sealed, { trustAnchors: pki.trustAnchors });
  assert.equal(report.verdict, 'TOTAL_PASSED', JSON.stringify(report.signatures, null, 2));
  assert.deepEqual(
    report.signatures.map((s) => s.fieldName),
    ['Leader', 'Seal'],
  );
  assert.ok(report.signatures[0]!.modifications.allowed.some((m) => m.includes('empty signature field')));
  const doc = PdfDocument.open(sealed);
  assert.equal(listSignatures(doc).length, 2);
  await assert.rejects(
    () => signPdf(sealed, pki.seal.signer, { fieldName: 'Seal' }),
    (e: unknown) => e instanceof PdfError && e.code === 'INVALID_ARGUMENT',
  );
  const skip = missing('pdfsig', 'certutil');
  if (skip) {
    t.skip(skip);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pdf-fields-'));
  const db = makeNssDb(dir, [toPem(pki.root.certificate)]);
  writeFileSync(join(dir, 'out.pdf'), sealed);
  const sigs = pdfsig(db, join(dir, 'out.pdf'));
  assert.equal(sigs.length, 2);
  assert.ok(
    sigs.every((s) => s.signatureValid && s.certificateTrusted),
    sigs.map((s) => s.text).join('\n'),
  );
});

test('two passes with the state stored in between (remote signing): prepare, sign the hash elsewhere, embed', async () => {
  const pki = await getTestPki();
  const signer = pki.seal.signer;
  const prepared = await preparePdfSignature(await basePdf(1), {
    contentsSize: estimateCmsSize(signer),
    signingTime: new Date('2026-01-05T02:30:00Z'),
    fieldName: 'Seal',
  });
  const cades = prepareCadesSignature({
    contentDigest: prepared.digest,
    certificate: signer.certificate,
    chain: signer.chain,
    algorithm: signer.algorithm,
  });
  // what a server would keep between the passes, as JSON
  const stored = JSON.stringify({
    pdf: Buffer.from(prepared.bytes).toString('base64'),
    byteRange: prepared.byteRange,
    contentsSize: prepared.contentsSize,
    fieldName: prepared.fieldName,
    signingTime: prepared.signingTime.toISOString(),
    digest: Buffer.from(prepared.digest).toString('hex'),
    signedAttributes: Buffer.from(cades.signedAttributes).toString('base64'),
  });
  const signature = await signer.signDigest(cades.digestToSign); // e.g. CSC signatures/signHash
  const state = JSON.parse(stored);
  const restored = {
    bytes: Buffer.from(state.pdf, 'base64'),
    byteRange: state.byteRange,
    contentsSize: state.contentsSize,
    fieldName: state.fieldName,
    signingTime: new Date(state.signingTime),
    digest: Buffer.from(state.digest, 'hex'),
  };
  const cms = assembleCadesSignature({
    prepared: { ...cades, signedAttributes: Buffer.from(state.signedAttributes, 'base64') },
    signature,
  });
  const margin = estimateCmsSize(signer) - cms.length;
  assert.ok(margin >= 0 && margin < 300, `placeholder sized from the real CMS (margin ${margin} bytes)`);
  const signed = embedPdfSignature(restored, cms);
  const report = await verifyPdf(signed, { trustAnchors: pki.trustAnchors });
  assert.equal(report.verdict, 'TOTAL_PASSED');
  assert.equal(report.signatures[0]!.claimedSigningTime, '2026-01-05T02:30:00.000Z');
});

test('B-LT with revocationData: the DSS holds the signer and TSA chains and the TSA certificate’s OCSP answer', async () => {
  const pki = await getTestPki();
  const timestamp = localTimestamp(pki);
  const asked: string[] = [];
  // Local answers instead of the network: OCSP from the delegated responder for end entities, a CRL of
  // the root for the issuing CA.
  const revocationData = async (certificate: Uint8Array, issuer: Uint8Array) => {
    const serial = describeCertificate(certificate).serialNumber;
    asked.push(describeCertificate(certificate).subject.CN ?? serial);
    const now = new Date();
    if (sameBytes(issuer, pki.root.certificate)) {
      return {
        crls: [
          createCrl({
            issuer,
            issuerKey: pki.root.privateKey,
            revoked: [],
            thisUpdate: now,
            nextUpdate: new Date(now.getTime() + 86_400_000),
          }),
        ],
        ocspResponses: [],
      };
    }
    assert.ok(sameBytes(issuer, pki.issuingCa.certificate), 'end entities are asked about with their issuer');
    return {
      crls: [],
      ocspResponses: [
        createOcspResponse({
          issuer,
          responderCertificate: pki.ocsp.certificate,
          responderKey: pki.ocsp.privateKey,
          entries: [
            { serial, status: 'good', thisUpdate: now, nextUpdate: new Date(now.getTime() + 86_400_000) },
          ],
          producedAt: now,
        }),
      ],
    };
  };
  for (const level of ['B-LT', 'B-LTA'] as const) {
    asked.length = 0;
    const signed = await signPdf(await basePdf(1), pki.leader.signer, { level, timestamp, revocationData });
    const tsaName = describeCertificate(pki.tsa.certificate).subject.CN!;
    const leaderName = describeCertificate(pki.leader.certificate).subject.CN!;
    const caName = describeCertificate(pki.issuingCa.certificate).subject.CN!;
    assert.deepEqual(
      asked.sort(),
      [caName, leaderName, tsaName].sort(),
      `${level}: one question per certificate`,
    );

    const dss = readDss(signed);
    for (const [label, der] of [
      ['TSA', pki.tsa.certificate],
      ['signer', pki.leader.certificate],
      ['issuing CA', pki.issuingCa.certificate],
      ['root', pki.root.certificate],
    ] as const) {
      assert.ok(
        dss.certificates.some((c) => sameBytes(c, der)),
        `${level}: the DSS holds the ${label} certificate`,
      );
    }
    const ocspSerials = dss.ocspResponses.flatMap(
      (r) => parseOcspResponse(r).basic?.responses.map((s) => s.serial) ?? [],
    );
    assert.ok(
      ocspSerials.includes(describeCertificate(pki.tsa.certificate).serialNumber),
      `${level}: TSA OCSP answer`,
    );
    assert.ok(
      ocspSerials.includes(describeCertificate(pki.leader.certificate).serialNumber),
      `${level}: signer OCSP`,
    );
    assert.equal(dss.crls.length, 1, `${level}: the root's CRL on the issuing CA, once`);

    const report = await verifyPdf(signed, { trustAnchors: pki.trustAnchors, requireRevocation: true });
    assert.equal(report.verdict, 'TOTAL_PASSED', `${level}: ${JSON.stringify(report.reasons)}`);
    assert.equal(report.signatures.find((s) => s.kind === 'signature')?.level, level);
  }
});

test('B-LT without revocationData nor validationData is refused; a failing source fails the signing', async () => {
  const pki = await getTestPki();
  const timestamp = localTimestamp(pki);
  await assert.rejects(
    signPdf(await basePdf(1), pki.leader.signer, { level: 'B-LT', timestamp }),
    (error: unknown) => error instanceof PdfError && error.code === 'INVALID_ARGUMENT',
  );
  await assert.rejects(
    signPdf(await basePdf(1), pki.leader.signer, {
      level: 'B-LT',
      timestamp,
      revocationData: () => Promise.reject(new Error('responder down')),
    }),
    (error: unknown) => error instanceof PdfError && error.code === 'SIGNING_FAILED',
  );
});
