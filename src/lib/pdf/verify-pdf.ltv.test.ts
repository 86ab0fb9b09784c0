// verifyPdf on long-term signatures: B-T, B-LT and B-LTA with the in-process TSA, CRLs in the DSS and a
// document timestamp, checked by openssl ts -verify, pdfsig and qpdf as well.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { basePdf } from '../../../test/fixtures/pdf/corpus.ts';
import { makeNssDb, missing, pdfsig, qpdfCheck, toPem } from '../../../test/fixtures/pdf/tools.ts';
import { localTimestamp } from '../../../test/fixtures/pki/responders.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { createCrl } from '../pki/index.ts';
import { addPdfDocumentTimestamp } from './add-document-timestamp.ts';
import { PdfDocument } from './internal/document.ts';
import { listSignatures } from './internal/signatures.ts';
import { signPdf } from './sign-pdf.ts';
import { verifyPdf } from './verify-pdf.ts';

test('B-T, B-LT and B-LTA with the in-process TSA, CRLs in the DSS and a document timestamp', async () => {
  const pki = await getTestPki();
  const timestamp = localTimestamp(pki);
  const now = new Date();
  const crls = [
    createCrl({
      issuer: pki.root.certificate,
      issuerKey: pki.root.privateKey,
      revoked: [],
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + 86_400_000),
    }),
    createCrl({
      issuer: pki.issuingCa.certificate,
      issuerKey: pki.issuingCa.privateKey,
      revoked: [],
      thisUpdate: now,
      nextUpdate: new Date(now.getTime() + 86_400_000),
    }),
  ];
  const validationData = {
    certificates: [pki.issuingCa.certificate, pki.root.certificate, pki.tsa.certificate],
    crls,
  };
  const input = await basePdf(1);
  for (const level of ['B-T', 'B-LT', 'B-LTA'] as const) {
    const signed = await signPdf(input, pki.leader.signer, { level, timestamp, validationData });
    const report = await verifyPdf(signed, { trustAnchors: pki.trustAnchors });
    assert.equal(report.verdict, 'TOTAL_PASSED', `${level}: ${JSON.stringify(report, null, 2)}`);
    const signature = report.signatures.find((s) => s.kind === 'signature')!;
    assert.equal(signature.level, level);
    assert.ok(signature.timestampTime, `${level}: signature timestamp time`);
    if (level === 'B-LTA') {
      const docTs = report.signatures.find((s) => s.kind === 'document-timestamp');
      assert.ok(docTs && docTs.verdict === 'TOTAL_PASSED' && docTs.coversWholeDocument);
      assert.ok(signature.modifications.allowed.some((m) => m.includes('DSS')));
    }
  }
});

test('the document timestamp verifies with openssl ts -verify', async (t) => {
  const skip = missing('openssl');
  if (skip) {
    t.skip(skip);
    return;
  }
  const pki = await getTestPki();
  const timestamp = localTimestamp(pki);
  const stamped = await addPdfDocumentTimestamp(
    await signPdf(await basePdf(1), pki.leader.signer),
    timestamp,
  );
  const entry = listSignatures(PdfDocument.open(stamped)).find((s) => s.subFilter === 'ETSI.RFC3161')!;
  const [a, b, c, d] = entry.byteRange as [number, number, number, number];
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pdf-docts-'));
  writeFileSync(
    join(dir, 'content.bin'),
    Buffer.concat([stamped.subarray(a, a + b), stamped.subarray(c, c + d)]),
  );
  writeFileSync(join(dir, 'ts.der'), entry.contents);
  writeFileSync(join(dir, 'root.pem'), toPem(pki.root.certificate));
  writeFileSync(join(dir, 'chain.pem'), pki.tsa.chain.map((cert) => toPem(cert)).join(''));
  const run = spawnSync(
    'openssl',
    [
      'ts',
      '-verify',
      '-data',
      'content.bin',
      '-in',
      'ts.der',
      '-token_in',
      '-CAfile',
      'root.pem',
      '-untrusted',
      'chain.pem',
    ],
    { cwd: dir, encoding: 'utf8' },
  );
  assert.match(`${run.stdout}${run.stderr}`, /Verification: OK/);
});

test('B-LTA outputs stay valid for pdfsig and qpdf on xref-table and xref-stream files', async (t) => {
  const skip = missing('pdfsig', 'certutil', 'qpdf');
  if (skip) {
    t.skip(skip);
    return;
  }
  const pki = await getTestPki();
  const timestamp = localTimestamp(pki);
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pdf-lta-'));
  const db = makeNssDb(dir, [toPem(pki.root.certificate)]);
  for (const [name, input] of [
    ['table', await basePdf(2)],
    ['stream', await basePdf(2, true)],
  ] as const) {
    const leader = await signPdf(input, pki.leader.signer, { level: 'B-T', timestamp });
    const lta = await signPdf(leader, pki.seal.signer, {
      level: 'B-LTA',
      timestamp,
      fieldName: 'Seal',
      validationData: { certificates: [pki.issuingCa.certificate, pki.tsa.certificate] },
    });
    const file = join(dir, `${name}.pdf`);
    writeFileSync(file, lta);
    const check = qpdfCheck(file);
    assert.ok(check.ok, `${name}: qpdf --check\n${check.output}`);
    const sigs = pdfsig(db, file).filter((s) => s.subFilter === 'ETSI.CAdES.detached');
    assert.equal(sigs.length, 2, name);
    assert.ok(
      sigs.every((s) => s.signatureValid && s.certificateTrusted),
      sigs.map((s) => s.text).join('\n'),
    );
    const report = await verifyPdf(lta, { trustAnchors: pki.trustAnchors });
    assert.deepEqual(
      report.signatures.map((s) => [s.kind, s.verdict]),
      [
        ['signature', 'TOTAL_PASSED'],
        ['signature', 'TOTAL_PASSED'],
        ['document-timestamp', 'TOTAL_PASSED'],
      ],
      name,
    );
  }
});
