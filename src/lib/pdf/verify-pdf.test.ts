// verifyPdf: signatures that pass, tampered bytes, post-signature edits (page content, annotations, a
// replaced catalog) caught, an untrusted root indeterminate, and a B-LTA document through DSS and a
// document timestamp from the in-process TSA.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { basePdf, formPdf } from '../../../test/fixtures/pdf/corpus.ts';
import { makeNssDb, missing, pdfsig, qpdfCheck, toPem } from '../../../test/fixtures/pdf/tools.ts';
import { localTimestamp } from '../../../test/fixtures/pki/responders.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { createCrl } from '../pki/index.ts';
import { addPdfDocumentTimestamp } from './add-document-timestamp.ts';
import { addPdfValidationData } from './add-validation-data.ts';
import { PdfError } from './errors.ts';
import { formatPdfVerification } from './format-verification.ts';
import { PdfDocument } from './internal/document.ts';
import { DocumentEdit } from './internal/edit.ts';
import { fullFieldName } from './internal/field-lock.ts';
import { dict, isName, name, PdfDict, PdfRef, PdfStream, PdfString } from './internal/objects.ts';
import { findPage } from './internal/pages.ts';
import { listSignatures } from './internal/signatures.ts';
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

test('DocMDP: P=2 allows the seal and form fills, P=1 allows only DSS and document timestamps', async () => {
  const pki = await getTestPki();
  const timestamp = localTimestamp(pki);
  const form = await formPdf();
  const fill = (pdf: Uint8Array) => {
    const edit = new DocumentEdit(PdfDocument.open(pdf));
    const num = [...edit.doc.xref.keys()].find((n) => {
      const value = edit.doc.getObject(n);
      return value instanceof PdfDict && isName(value.get('FT'), 'Tx');
    });
    assert.ok(num !== undefined, 'the form has a text field');
    const text = new PdfRef(num, 0);
    edit.editDict(text).set('V', PdfString.text('Lê Thị C'));
    return edit.write().bytes;
  };
  const verdictOf = async (pdf: Uint8Array) => {
    const report = await verifyPdf(pdf, { trustAnchors: pki.trustAnchors });
    return report.signatures.map((s) => [s.fieldName, s.verdict, s.modifications.disallowed.length > 0]);
  };

  const certified2 = await signPdf(form, pki.leader.signer, { certify: 2 });
  assert.deepEqual(await verdictOf(await signPdf(certified2, pki.seal.signer, { fieldName: 'Seal' })), [
    ['Signature1', 'TOTAL_PASSED', false],
    ['Seal', 'TOTAL_PASSED', false],
  ]);
  assert.deepEqual(await verdictOf(fill(certified2)), [['Signature1', 'TOTAL_PASSED', false]]);

  const approval = await signPdf(form, pki.leader.signer);
  assert.deepEqual(
    await verdictOf(fill(approval)),
    [['Signature1', 'TOTAL_FAILED', true]],
    'no permission to fill',
  );

  const certified1 = await signPdf(form, pki.leader.signer, { certify: 1 });
  assert.deepEqual(await verdictOf(await signPdf(certified1, pki.seal.signer, { fieldName: 'Seal' })), [
    ['Signature1', 'TOTAL_FAILED', true],
    ['Seal', 'TOTAL_PASSED', false],
  ]);
  const ltv = await addPdfDocumentTimestamp(
    addPdfValidationData(certified1, { certificates: [pki.issuingCa.certificate] }),
    timestamp,
  );
  const ltvVerdicts = await verdictOf(ltv);
  assert.deepEqual(
    ltvVerdicts[0],
    ['Signature1', 'TOTAL_PASSED', false],
    'DSS and document timestamp after P=1',
  );
  await assert.rejects(
    () => signPdf(certified2, pki.seal.signer, { certify: 2 }),
    (e: unknown) => e instanceof PdfError && e.code === 'INVALID_ARGUMENT',
  );
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

test('FieldMDP: a later revision may fill only the fields the signature’s lock leaves open', async () => {
  const pki = await getTestPki();
  const form = await formPdf(); // fields applicant.name (text) and agree (check box)
  const fill = (pdf: Uint8Array, fieldName: string) => {
    const edit = new DocumentEdit(PdfDocument.open(pdf));
    const num = [...edit.doc.xref.keys()].find((n) => {
      const value = edit.doc.getObject(n);
      return value instanceof PdfDict && value.has('FT') && fullFieldName(edit.doc, value) === fieldName;
    });
    assert.ok(num !== undefined, `the form has a field ${fieldName}`);
    const field = edit.doc.getDict(new PdfRef(num, 0))!;
    const value = isName(field.get('FT'), 'Btn') ? name('Off') : PdfString.text('Lê Thị C');
    edit.editDict(new PdfRef(num, 0)).set('V', value);
    return edit.write().bytes;
  };
  const outcome = async (pdf: Uint8Array) => {
    const report = await verifyPdf(pdf, { trustAnchors: pki.trustAnchors });
    const signature = report.signatures[0]!;
    return { verdict: signature.verdict, disallowed: signature.modifications.disallowed.join('; ') };
  };
  const cases: Array<{
    what: string;
    options: Parameters<typeof signPdf>[2];
    open: string[];
    locked: string[];
  }> = [
    {
      what: 'approval, Include applicant',
      options: { lock: { action: 'Include', fields: ['applicant'] } },
      open: ['agree'],
      locked: ['applicant.name'],
    },
    {
      what: 'approval, Exclude agree',
      options: { lock: { action: 'Exclude', fields: ['agree'] } },
      open: ['agree'],
      locked: ['applicant.name'],
    },
    {
      what: 'approval, All',
      options: { lock: { action: 'All' } },
      open: [],
      locked: ['agree', 'applicant.name'],
    },
    {
      what: 'certified P=2, Include applicant.name',
      options: { certify: 2, lock: { action: 'Include', fields: ['applicant.name'] } },
      open: ['agree'],
      locked: ['applicant.name'],
    },
  ];
  for (const c of cases) {
    const signed = await signPdf(form, pki.leader.signer, c.options);
    for (const field of c.open) {
      assert.deepEqual(
        await outcome(fill(signed, field)),
        { verdict: 'TOTAL_PASSED', disallowed: '' },
        `${c.what}: fill ${field}`,
      );
    }
    for (const field of c.locked) {
      const result = await outcome(fill(signed, field));
      assert.equal(result.verdict, 'TOTAL_FAILED', `${c.what}: fill ${field}`);
      assert.match(
        result.disallowed,
        new RegExp(`form field ${field.replace('.', '\\.')} filled, but the signature locks it`),
      );
    }
  }
  // The lock is recorded where other validators look: /Reference FieldMDP and the field's /Lock.
  const locked = await signPdf(form, pki.leader.signer, { lock: { action: 'Include', fields: ['agree'] } });
  const doc = PdfDocument.open(locked);
  const entry = listSignatures(doc)[0]!;
  const reference = doc.getDict((doc.resolve(entry.dict.get('Reference')) as PdfRef[])[0]);
  assert.ok(isName(reference?.get('TransformMethod'), 'FieldMDP'));
  const lockDict = doc.getDict(doc.getDict(entry.widgets[0])?.get('Lock'));
  assert.ok(isName(lockDict?.get('Type'), 'SigFieldLock') && isName(lockDict.get('Action'), 'Include'));
  await assert.rejects(
    () => signPdf(form, pki.leader.signer, { lock: { action: 'Some' } as never }),
    (e: unknown) => e instanceof PdfError && e.code === 'INVALID_ARGUMENT',
  );
  // Without a lock an approval signature still allows no fill (xaso's rule), and the lock holds with P=1.
  assert.equal(
    (await outcome(fill(await signPdf(form, pki.leader.signer), 'agree'))).verdict,
    'TOTAL_FAILED',
  );
  const p1 = await signPdf(form, pki.leader.signer, {
    certify: 1,
    lock: { action: 'Include', fields: ['applicant'] },
  });
  assert.equal((await outcome(fill(p1, 'agree'))).verdict, 'TOTAL_FAILED');
});
