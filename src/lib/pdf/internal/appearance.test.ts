// Visible signatures: rendered by poppler (pdftoppm) where the widget is, seal in red, leader text in
// Vietnamese through an embedded DejaVu Sans subset with ToUnicode (pdffonts), page content untouched.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { basePdf, encodePng, sealPng } from '../../../../test/fixtures/pdf/corpus.ts';
import { hasTool } from '../../../../test/fixtures/pdf/tools.ts';
import { getTestPki } from '../../../../test/fixtures/pki/test-pki.ts';
import { PdfError } from '../errors.ts';
import { signPdf } from '../sign-pdf.ts';
import { PdfDocument } from './document.ts';
import { PdfStream } from './objects.ts';
import { findPage } from './pages.ts';
import { decodePng } from './png.ts';

/** Reads a binary PPM (P6) written by pdftoppm. */
function readPpm(bytes: Buffer): { width: number; height: number; at: (x: number, y: number) => number[] } {
  const header = bytes.toString('latin1', 0, 50).split(/\s+/);
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = bytes.indexOf('255', 0, 'latin1') + 4;
  return {
    width,
    height,
    at: (x, y) => [...bytes.subarray(offset + (y * width + x) * 3, offset + (y * width + x) * 3 + 3)],
  };
}

test('a visible leader signature and a seal signature render where asked, with Vietnamese text', async (t) => {
  const pki = await getTestPki();
  const input = await basePdf(2);
  const page1Before = findPage(PdfDocument.open(input), 0).dict;
  const stroke = new Uint8Array(100 * 40 * 4);
  for (let x = 5; x < 95; x++) {
    stroke.set([20, 40, 200, 255], ((20 + Math.round(10 * Math.sin(x / 8))) * 100 + x) * 4);
  }
  const leader = await signPdf(input, pki.leader.signer, {
    visible: {
      page: 1,
      x: 300,
      y: 80,
      width: 240,
      height: 80,
      appearance: {
        signerName: 'Nguyễn Văn Ánh',
        title: 'Chủ tịch',
        unit: 'UBND xã Bình Ca',
        signatureImage: encodePng(100, 40, stroke, 4),
      },
    },
  });
  const sealed = await signPdf(leader, pki.seal.signer, {
    fieldName: 'Seal',
    visible: {
      page: 1,
      x: 60,
      y: 80,
      width: 200,
      height: 100,
      appearance: { unit: 'UBND xã Bình Ca', sealImage: sealPng() },
    },
  });
  const doc = PdfDocument.open(sealed);
  const page1After = findPage(doc, 0).dict;
  assert.ok(page1After.get('Contents') !== undefined);
  assert.deepEqual(
    page1After.get('Contents'),
    page1Before.get('Contents'),
    'page content stream reference unchanged',
  );
  const contents = doc.resolve(page1After.get('Contents'));
  assert.ok(contents instanceof PdfStream || Array.isArray(contents));
  if (!hasTool('pdftoppm') || !hasTool('pdffonts')) {
    t.skip('pdftoppm not installed: apt-get install poppler-utils');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'xaso-pdf-appearance-'));
  const file = join(dir, 'visible.pdf');
  writeFileSync(file, sealed);
  const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
  assert.match(fonts, /\+DejaVuSans\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  execFileSync('pdftoppm', ['-r', '72', '-f', '1', '-l', '1', file, join(dir, 'page')]);
  const ppm = readPpm(readFileSync(join(dir, 'page-1.ppm')));
  const toImage = (x: number, y: number) => [x, ppm.height - y] as const;
  const count = (x0: number, y0: number, x1: number, y1: number, test: (rgb: number[]) => boolean) => {
    let n = 0;
    for (let x = x0; x < x1; x++) {
      for (let y = y0; y < y1; y++) {
        const [ix, iy] = toImage(x, y);
        if (test(ppm.at(ix, iy))) {
          n++;
        }
      }
    }
    return n;
  };
  const red = (p: number[]) => p[0]! > 180 && p[1]! < 90 && p[2]! < 90;
  const inked = (p: number[]) => p[0]! + p[1]! + p[2]! < 600;
  assert.ok(count(60, 80, 160, 180, red) > 200, 'the seal is drawn in red inside its rectangle');
  assert.ok(count(382, 80, 540, 160, inked) > 100, 'the leader text is drawn in its rectangle');
  assert.equal(
    count(300, 300, 540, 500, (p) => !(p[0]! > 240 && p[1]! > 240 && p[2]! > 240)),
    0,
    'nothing drawn elsewhere',
  );
});

test('PNG decoding: RGBA keeps its alpha; bad images are refused', () => {
  const px = new Uint8Array([255, 0, 0, 128, 0, 255, 0, 255]);
  const image = decodePng(encodePng(2, 1, px, 4));
  assert.deepEqual([...image.pixels], [255, 0, 0, 0, 255, 0]);
  assert.deepEqual([...(image.alpha ?? [])], [128, 255]);
  assert.throws(
    () => decodePng(new Uint8Array(40)),
    (e: unknown) => e instanceof PdfError && e.code === 'INVALID_ARGUMENT',
  );
});
