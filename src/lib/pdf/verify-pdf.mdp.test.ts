// verifyPdf on what a later revision may change (ISO 32000-2 §12.8.2): a certification signature's DocMDP
// permissions (P=1, P=2) and a signature's FieldMDP lock on form fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formPdf } from '../../../test/fixtures/pdf/corpus.ts';
import { localTimestamp } from '../../../test/fixtures/pki/responders.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { addPdfDocumentTimestamp } from './add-document-timestamp.ts';
import { addPdfValidationData } from './add-validation-data.ts';
import { PdfError } from './errors.ts';
import { PdfDocument } from './internal/document.ts';
import { DocumentEdit } from './internal/edit.ts';
import { fullFieldName } from './internal/field-lock.ts';
import { isName, name, PdfDict, PdfRef, PdfString } from './internal/objects.ts';
import { listSignatures } from './internal/signatures.ts';
import { signPdf } from './sign-pdf.ts';
import { verifyPdf } from './verify-pdf.ts';

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
