// Every corpus file signed twice (an RSA leader, then an ECDSA P-256 seal) by signPdf, checked by the
// independent validators: pdfsig (signature valid, certificate trusted), qpdf --check, openssl cms -verify.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { generateCorpus } from '../../../test/fixtures/pdf/corpus.ts';
import {
  makeNssDb,
  missing,
  opensslCmsVerify,
  pdfsig,
  qpdfCheck,
  toPem,
} from '../../../test/fixtures/pdf/tools.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { PdfDocument } from './internal/document.ts';
import { listSignatures } from './internal/signatures.ts';
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
    const sealed = await signPdf(leader, pki.seal.signer, { reason: 'Đóng dấu', fieldName: 'Seal' });
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
