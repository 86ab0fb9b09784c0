// readPdfLayout: pages, their size, and the signature fields a document already holds (where a signing
// page puts its signatures); the QR code of a seal appearance is drawn as dark module runs.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { basePdf } from '../../../test/fixtures/pdf/corpus.ts';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { addPdfSignatureFields } from './add-signature-fields.ts';
import { PdfDocument } from './internal/document.ts';
import { PdfStream } from './internal/objects.ts';
import { readPdfLayout } from './read-pdf-layout.ts';
import { signPdf } from './sign-pdf.ts';

test('pages, their size and the empty then signed fields with their page and rectangle', async () => {
  const pdf = await basePdf(3);
  const plain = readPdfLayout(pdf);
  assert.equal(plain.pageCount, 3);
  assert.deepEqual(plain.pageSize(2), { width: 595, height: 842 });
  assert.deepEqual(plain.signatureFields, []);
  const withFields = addPdfSignatureFields(pdf, [
    { name: 'Leader', page: 3, x: 350, y: 40, width: 200, height: 60 },
    { name: 'Seal', page: 2, x: 100, y: 50, width: 150, height: 50 },
  ]);
  assert.deepEqual(readPdfLayout(withFields).signatureFields, [
    { name: 'Leader', page: 3, rect: [350, 40, 550, 100], isSigned: false },
    { name: 'Seal', page: 2, rect: [100, 50, 250, 100], isSigned: false },
  ]);
  const pki = await getTestPki();
  const signed = await signPdf(withFields, pki.leader.signer, { fieldName: 'Leader' });
  const fields = readPdfLayout(signed).signatureFields;
  assert.deepEqual(
    fields.map((f) => [f.name, f.isSigned]),
    [
      ['Leader', true],
      ['Seal', false],
    ],
  );
  assert.throws(() => readPdfLayout(new TextEncoder().encode('%PDF-1.7\nnot really')));
});

test('a QR code in the appearance is drawn as one rectangle per run of dark modules', async () => {
  const pki = await getTestPki();
  const runs = [
    { row: 0, col: 0, length: 3 },
    { row: 2, col: 1, length: 1 },
  ];
  const signed = await signPdf(await basePdf(1), pki.seal.signer, {
    fieldName: 'Seal',
    visible: {
      page: 1,
      x: 300,
      y: 40,
      width: 200,
      height: 60,
      appearance: { signerName: 'UBND', qr: { size: 3, runs } },
    },
  });
  const doc = PdfDocument.open(signed);
  const streams: string[] = [];
  for (let num = 1; num < 200; num++) {
    const object = doc.getObject(num);
    if (object instanceof PdfStream && object.dict.get('Subtype') !== undefined) {
      streams.push(Buffer.from(object.data).toString('latin1'));
    }
  }
  const appearance = streams.find((s) => s.includes('/F1') && s.includes(' re'));
  assert.ok(appearance, 'an appearance stream with rectangles');
  // The white background square plus one rectangle per run.
  assert.equal(appearance.match(/ re\b/g)?.length, 1 + runs.length);
});
