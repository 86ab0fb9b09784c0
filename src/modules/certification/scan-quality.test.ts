import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  concatTransformationMatrix,
  drawObject,
  PDFDocument,
  popGraphicsState,
  pushGraphicsState,
} from 'pdf-lib';
import { colourScan } from '../../../test/fixtures/certification.ts';
import { JPEG, minimalPdf, minimalPng } from '../../../test/http/dossier-setup.ts';
import { readPdfPageImages } from '../../lib/pdf/index.ts';
import { AppError } from '../../platform/errors.ts';
import { checkImageScan, checkPdfScan } from './scan-quality.ts';

const refused = (field: string) => (error: unknown) =>
  error instanceof AppError && error.code === 'VALIDATION_FAILED' && error.fields?.original === field;

test('image scans: colour and at least 200 dpi when the file declares its density', () => {
  assert.doesNotThrow(() => checkImageScan(colourScan(), 'jpeg'));
  assert.throws(() => checkImageScan(JPEG, 'jpeg'), refused('scanResolution'), 'declares 10 dpi');
  assert.throws(() => checkImageScan(minimalPng(), 'png'), refused('scanGrey'), 'a grey PNG');
  // Dots per centimetre: 80 /cm = 203 dpi is enough; 70 /cm = 178 dpi is not.
  const perCm = (density: number) => {
    const scan = colourScan();
    scan[13] = 2;
    scan.writeUInt16BE(density, 14);
    scan.writeUInt16BE(density, 16);
    return scan;
  };
  assert.doesNotThrow(() => checkImageScan(perCm(80), 'jpeg'));
  assert.throws(() => checkImageScan(perCm(70), 'jpeg'), refused('scanResolution'));
  // No declared density: not guessed.
  const unknown = colourScan();
  unknown[13] = 0;
  assert.doesNotThrow(() => checkImageScan(unknown, 'jpeg'));
});

/** A PDF 1.7 whose pages each draw one image at the given size in points (pdf-lib: `q w 0 0 h x y cm /Im Do Q`). */
async function pdfScan(pages: { image: 'jpeg'; size: number }[]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (const { size } of pages) {
    const embedded = await doc.embedJpg(new Uint8Array(colourScan()));
    const page = doc.addPage([200, 200]);
    page.drawText('Ban sao (copy)', { x: 10, y: 180, size: 8 });
    page.drawImage(embedded, { x: 20, y: 20, width: size, height: size });
  }
  return doc.save();
}

/** A page drawing a 10×10 DeviceGray image at 2.4 pt (300 dpi, but grey). */
async function greyPdfScan(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const page = doc.addPage([200, 200]);
  const image = doc.context.flateStream(new Uint8Array(100).fill(128), {
    Type: 'XObject',
    Subtype: 'Image',
    Width: 10,
    Height: 10,
    ColorSpace: 'DeviceGray',
    BitsPerComponent: 8,
  });
  const name = page.node.newXObject('Scan', doc.context.register(image));
  page.pushOperators(
    pushGraphicsState(),
    concatTransformationMatrix(2.4, 0, 0, 2.4, 20, 20),
    drawObject(name),
    popGraphicsState(),
  );
  return doc.save();
}

test('PDF scans: the image of each page in colour and at least 200 dpi over the size it is drawn at', async () => {
  // The 10×10 colour JPEG drawn at 2.4 pt is 300 dpi; at 3.6 pt exactly 200; at 72 pt only 10.
  assert.doesNotThrow(() => checkPdfScan(minimalPdf()), 'no image: a document made on a computer');
  await assert.doesNotReject(async () => checkPdfScan(await pdfScan([{ image: 'jpeg', size: 2.4 }])));
  await assert.doesNotReject(async () => checkPdfScan(await pdfScan([{ image: 'jpeg', size: 3.6 }])));
  const low = await pdfScan([
    { image: 'jpeg', size: 2.4 },
    { image: 'jpeg', size: 72 },
  ]);
  assert.throws(
    () => checkPdfScan(low),
    (error: unknown) => refused('scanPdfResolution')(error) && /Page 2: .* 10 dpi/.test(String(error)),
  );
  const grey = await greyPdfScan();
  assert.throws(() => checkPdfScan(grey), refused('scanPdfGrey'));
  // What the library reads: pixels, components and the drawn size from the CTM.
  const [page] = readPdfPageImages(await pdfScan([{ image: 'jpeg', size: 2.4 }]));
  assert.equal(page?.images.length, 1);
  const image = page?.images[0];
  assert.deepEqual([image?.pixelWidth, image?.pixelHeight, image?.components], [10, 10, 3]);
  assert.ok(Math.abs((image?.drawnWidth ?? 0) - 2.4) < 1e-9);
});
