// verifyPdf: signatures that pass, tampered bytes, post-signature edits (page content, annotations, a
// replaced catalog, a shadow change) caught, an untrusted root indeterminate, fuzzed files. Certification
// and field locks (DocMDP, FieldMDP) are in verify-pdf.mdp.test.ts, timestamps and validation data (B-T to
// B-LTA) in verify-pdf.ltv.test.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basePdf } from '../../../test/fixtures/pdf/corpus.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { PdfError } from './errors.ts';
import { formatPdfVerification } from './format-verification.ts';
import { PdfDocument } from './internal/document.ts';
import { DocumentEdit } from './internal/edit.ts';
import { dict, name, PdfRef, PdfStream, PdfString } from './internal/objects.ts';
import { findPage } from './internal/pages.ts';
import { signPdf } from './sign-pdf.ts';
import { verifyPdf } from './verify-pdf.ts';

async function signedTwice() {
  const pki = await getTestPki();
  const leader = await signPdf(await basePdf(2), pki.leader.signer, { reason: 'Phê duyệt' });
  const sealed = await signPdf(leader, pki.seal.signer, { fieldName: 'Seal' });
  return { pki, leader, sealed };
}

test('leader + seal signatures pass, with B-B, signer names and a bilingual summary', async () => {
  const { pki, sealed } = await signedTwice();
  const report = await verifyPdf(sealed, { trustAnchors: pki.trustAnchors });
  assert.equal(report.verdict, 'TOTAL_PASSED', JSON.stringify(report, null, 2));
  assert.equal(report.signatures.length, 2);
  assert.deepEqual(
    report.signatures.map((s) => [s.fieldName, s.verdict, s.level, s.coversWholeDocument]),
    [
      ['Signature1', 'TOTAL_PASSED', 'B-B', false],
      ['Seal', 'TOTAL_PASSED', 'B-B', true],
    ],
  );
  assert.ok(report.signatures[0]!.modifications.allowed.some((m) => m.includes('signature field Seal')));
  const summary = formatPdfVerification(report);
  assert.match(summary, /Kết quả: HỢP LỆ/);
  assert.match(summary, /Result: VALID/);
});

test('a flipped byte in the signed range fails', async () => {
  const { pki, sealed } = await signedTwice();
  const tampered = Uint8Array.from(sealed);
  const page = findPage(PdfDocument.open(sealed), 0);
  void page;
  // change a byte of the page text "trang 1" inside the first revision (in a compressed stream or not)
  const at = Buffer.from(tampered).indexOf('/MediaBox');
  tampered[at + 1] = 'm'.charCodeAt(0);
  const report = await verifyPdf(tampered, { trustAnchors: pki.trustAnchors });
  assert.equal(report.verdict, 'TOTAL_FAILED');
  assert.ok(report.signatures.every((s) => s.verdict === 'TOTAL_FAILED'));
  assert.ok(report.signatures[0]!.cms?.problems.includes('DIGEST_MISMATCH'));
});

test('post-signature edits are caught: page content, a new annotation, a replaced catalog', async () => {
  const { pki, sealed } = await signedTwice();
  const edits: Array<[string, (edit: DocumentEdit) => void]> = [
    [
      'page content',
      (edit) => {
        const page = findPage(edit.doc, 0);
        const extra = edit.add(
          new PdfStream(dict({}), Buffer.from('BT /F1 30 Tf 100 400 Td (DA SUA) Tj ET')),
        );
        const d = edit.editDict(page.ref);
        const contents = d.get('Contents');
        d.set('Contents', [...(Array.isArray(contents) ? contents : contents ? [contents] : []), extra]);
      },
    ],
    [
      'a FreeText annotation',
      (edit) => {
        const page = findPage(edit.doc, 1);
        const annot = edit.add(
          dict({
            Type: name('Annot'),
            Subtype: name('FreeText'),
            Rect: [50, 50, 300, 100],
            Contents: PdfString.text('Sửa'),
          }),
        );
        edit.appendToArray(edit.editDict(page.ref), 'Annots', annot);
      },
    ],
    [
      'a replaced catalog',
      (edit) => {
        const catalog = edit.doc.catalog().clone();
        const root = edit.add(catalog);
        // a writer pointing /Root elsewhere: simulate by overriding the trailer through a new catalog number
        (edit.doc.trailer as { set(k: string, v: unknown): void }).set('Root', root);
      },
    ],
  ];
  for (const [what, change] of edits) {
    const edit = new DocumentEdit(PdfDocument.open(sealed));
    change(edit);
    const modified = edit.write().bytes;
    const report = await verifyPdf(modified, { trustAnchors: pki.trustAnchors });
    assert.equal(
      report.verdict,
      'TOTAL_FAILED',
      `${what}: ${JSON.stringify(report.signatures.map((s) => s.modifications))}`,
    );
    for (const s of report.signatures) {
      assert.ok(s.problems.includes('MODIFIED_AFTER_SIGNING'), `${what}: ${s.fieldName}`);
      assert.equal(s.cms?.verdict, 'passed', `${what}: the CMS itself is still fine`);
    }
    assert.match(formatPdfVerification(report), /Modified after signing/);
  }
});

test('an unknown root is indeterminate; an unsigned PDF is indeterminate', async () => {
  const { sealed } = await signedTwice();
  const other = await getTestPki();
  const report = await verifyPdf(sealed, { trustAnchors: [other.leader.certificate] });
  assert.equal(report.verdict, 'INDETERMINATE');
  const unsigned = await verifyPdf(await basePdf(1), { trustAnchors: other.trustAnchors });
  assert.equal(unsigned.verdict, 'INDETERMINATE');
  assert.deepEqual(unsigned.reasons, ['NO_SIGNATURES']);
});

test('fuzzed signed files never crash the verifier: a report or a PdfError', async () => {
  const { pki, sealed } = await signedTwice();
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    return seed / 0x7fffffff;
  };
  const started = Date.now();
  let failed = 0;
  for (let i = 0; i < 150; i++) {
    const mutated = Uint8Array.from(sealed);
    for (let k = 0; k < 1 + Math.floor(random() * 8); k++) {
      // bias towards the structure at the end of the file (xref, trailer, signature dictionaries)
      const at =
        random() < 0.5
          ? mutated.length - 1 - Math.floor(random() * 3000)
          : Math.floor(random() * mutated.length);
      mutated[at] = Math.floor(random() * 256);
    }
    try {
      const report = await verifyPdf(mutated, { trustAnchors: pki.trustAnchors });
      if (report.verdict !== 'TOTAL_PASSED') {
        failed++;
      }
    } catch (error) {
      assert.ok(error instanceof PdfError, `iteration ${i}: ${(error as Error).stack}`);
      failed++;
    }
  }
  assert.ok(failed > 0, 'some mutations were detected');
  assert.ok(Date.now() - started < 60_000, 'finished in time');
});

test('a shadow change is caught: a dangling reference of a signed page filled by a later revision', async () => {
  const pki = await getTestPki();
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents [4 0 R 9 0 R] >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += 'xref\n0 10\n0000000000 65535 f\r\n';
  text += offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n\r\n`).join('');
  text += '0000000000 00000 f\r\n'.repeat(5);
  text += `trailer\n<< /Size 10 /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  const signed = await signPdf(Buffer.from(text, 'latin1'), pki.leader.signer);
  assert.equal((await verifyPdf(signed, { trustAnchors: pki.trustAnchors })).verdict, 'TOTAL_PASSED');
  const edit = new DocumentEdit(PdfDocument.open(signed));
  edit.set(
    new PdfRef(9, 0),
    new PdfStream(dict({}), Buffer.from('BT /F1 40 Tf 100 500 Td (DA DUYET) Tj ET')),
  );
  const report = await verifyPdf(edit.write().bytes, { trustAnchors: pki.trustAnchors });
  assert.equal(report.verdict, 'TOTAL_FAILED');
  assert.ok(report.signatures[0]!.modifications.disallowed.some((m) => m.includes('object 9')));
});
