// BM.01 / BM.03 PDFs checked by independent tools: qpdf --check (structure), pdftotext (the Vietnamese
// text round-trips exactly), pdfinfo (A4), pdffonts (subset embedded with ToUnicode), pdftoppm (the QR
// code drawn on the page is the lookup URL's QR matrix, module by module; zbarimg decodes it when installed),
// byte-identical re-rendering, and signPdf + verifyPdf from src/lib/pdf on the receipt.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type TestContext, test } from 'node:test';
import QRCode from 'qrcode';
import { getTestPki } from '../../../test/fixtures/pki/test-pki.ts';
import { sampleReceipt, sampleRefusal } from '../../../test/fixtures/receipt-fixtures.ts';
import { requireTool } from '../../../test/helpers/tools.ts';
import { signPdf } from '../../lib/pdf/sign-pdf.ts';
import { verifyPdf } from '../../lib/pdf/verify-pdf.ts';
import { renderReceiptPdf, renderReceiptPdfWithLayout } from './render-receipt-pdf.ts';
import { renderRefusalPdf, renderRefusalPdfWithLayout } from './render-refusal-pdf.ts';

function writeTemp(bytes: Uint8Array, name: string): { dir: string; path: string } {
  const dir = mkdtempSync(join(tmpdir(), 'xaso-receipt-'));
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return { dir, path };
}

function run(command: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(command, args, { encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function pdftotext(path: string): string {
  const result = run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

test('the receipt passes qpdf --check, is A4, one page, and embeds a DejaVu Sans subset with ToUnicode', async (t) => {
  if (!requireTool(t, 'qpdf', 'qpdf') || !requireTool(t, 'pdfinfo', 'poppler-utils')) {
    return;
  }
  const bytes = await renderReceiptPdf(sampleReceipt());
  const { path } = writeTemp(bytes, 'receipt.pdf');
  const check = run('qpdf', ['--check', path]);
  assert.equal(check.status, 0, check.stdout + check.stderr);
  assert.match(check.stdout, /No syntax or stream encoding errors/);
  const info = run('pdfinfo', [path]).stdout;
  assert.match(info, /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  assert.match(info, /Pages:\s+1\n/);
  assert.match(info, /Title:\s+Giấy tiếp nhận hồ sơ và hẹn trả kết quả 000\.00\.21\.H49-260213-0007/);
  const fonts = run('pdffonts', [path]).stdout.split('\n');
  const dejaVu = fonts.filter((line) => line.startsWith('XASOFM+DejaVuSans'));
  assert.equal(dejaVu.length, 1, fonts.join('\n'));
  // columns: name type encoding emb sub uni
  assert.match(dejaVu[0] ?? '', /CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  assert.ok(bytes.length < 60_000, `receipt is ${bytes.length} bytes; a subset font keeps it to tens of KB`);
});

test('pdftotext extracts the Vietnamese text of the receipt exactly (diacritics round-trip)', async (t) => {
  if (!requireTool(t, 'pdftotext', 'poppler-utils')) {
    return;
  }
  const data = sampleReceipt();
  const text = pdftotext(writeTemp(await renderReceiptPdf(data), 'receipt.pdf').path);
  // no normalisation of the extracted text: the code points must come back as written (NFC)
  for (const expected of [
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    'TRUNG TÂM PHỤC VỤ HÀNH CHÍNH',
    'Số: 125/TTPVHCC',
    'Bình Ca, ngày 13 tháng 02 năm 2026',
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'Mã hồ sơ: 000.00.21.H49-260213-0007',
    'Ông/Bà: Nguyễn Thị Hường',
    'Số định danh cá nhân: 008190001234',
    'Địa chỉ: Thôn Đồng Mán, xã Bình Ca, tỉnh Tuyên Quang',
    'Nội dung yêu cầu giải quyết: Đăng ký khai sinh',
    'Giấy chứng nhận kết hôn của cha, mẹ',
    '3. Thời gian giải quyết hồ sơ theo quy định: 05 ngày làm việc',
    '4. Thời gian nhận hồ sơ: 16:40 13/02/2026',
    '5. Thời gian trả kết quả giải quyết hồ sơ (hẹn trả): 08:00 26/02/2026',
    'Cách tính: nhận 16:40 thứ Sáu → tính từ ngày làm việc tiếp theo',
    'Vào Sổ theo dõi hồ sơ, Quyển số: 01/2026, Số thứ tự: 125',
    'NGƯỜI NỘP HỒ SƠ',
    'NGƯỜI TIẾP NHẬN HỒ SƠ',
    'Trần Văn Bình',
    data.lookupUrl,
  ]) {
    assert.ok(text.includes(expected), `missing ${JSON.stringify(expected)} in:\n${text}`);
  }
  assert.equal(text, text.normalize('NFC'));
});

test('a proxy and an organisation are printed; long document lists flow onto a second page', async (t) => {
  if (!requireTool(t, 'pdftotext', 'poppler-utils') || !requireTool(t, 'qpdf', 'qpdf')) {
    return;
  }
  const data = sampleReceipt({
    applicant: {
      name: 'Hộ kinh doanh Hường Phát',
      isOrganisation: true,
      identifier: '0108123456',
      proxy: {
        name: 'Lê Văn Đức',
        identifier: '001090005678',
        authorisation: 'Giấy ủy quyền số 12/GUQ ngày 02/02/2026',
      },
    },
    documents: Array.from({ length: 40 }, (_, i) => ({
      name: `Giấy tờ kèm theo số ${i + 1}`,
      form: 'copy' as const,
      count: 2,
    })),
  });
  const { path } = writeTemp(await renderReceiptPdf(data), 'long.pdf');
  assert.equal(run('qpdf', ['--check', path]).status, 0);
  const text = pdftotext(path);
  assert.ok(text.includes('Tổ chức: Hộ kinh doanh Hường Phát'), text);
  assert.ok(text.includes('Mã số tổ chức/doanh nghiệp: 0108123456'), text);
  const flat = text.replace(/\s+/g, ' ');
  assert.ok(
    flat.includes(
      'Người được ủy quyền: Lê Văn Đức, số định danh cá nhân 001090005678; theo Giấy ủy quyền số 12/GUQ',
    ),
    text,
  );
  assert.ok(text.includes('Giấy tờ kèm theo số 40'), text);
  const pages = Number(/Pages:\s+(\d+)/.exec(run('pdfinfo', [path]).stdout)?.[1]);
  assert.ok(pages >= 2, `${pages} pages`);
  // the table's header row is repeated at the top of the next page
  const page2 = run('pdftotext', ['-f', '2', '-l', '2', path, '-']).stdout;
  // page numbers from page 2 on, in the top margin (Decree 30/2020 App. I)
  assert.match(page2, /^2\s+TT\s+Tên giấy tờ\s+Hình thức\s+Số lượng/);
  assert.doesNotMatch(run('pdftotext', ['-f', '1', '-l', '1', path, '-']).stdout, /^1\s/);
  // the proxy, who hands the dossier in, signs as the applicant
  assert.match(text, /NGƯỜI NỘP HỒ SƠ[\s\S]*Lê Văn Đức/);
});

test('the same data renders to the same bytes, here and in another process; changed data changes the /ID', async () => {
  const a = await renderReceiptPdf(sampleReceipt());
  // same values, keys in another order
  const { lookupUrl, dossierCode, ...rest } = sampleReceipt();
  const b = await renderReceiptPdf({ lookupUrl, ...rest, dossierCode });
  assert.deepEqual(Buffer.from(a), Buffer.from(b));
  const id = (bytes: Uint8Array) =>
    /\/ID \[ <([0-9A-F]{32})> <\1> \]/.exec(Buffer.from(bytes).toString('latin1'));
  assert.ok(id(a), 'trailer /ID with two equal 16-byte halves');
  const other = await renderReceiptPdf(sampleReceipt({ receiptNumber: '126' }));
  assert.notEqual(id(other)?.[1], id(a)?.[1]);
  // and in another process: nothing depends on per-process state (clock, random numbers, caches)
  const script = `const { renderReceiptPdf } = await import(${JSON.stringify(new URL('./render-receipt-pdf.ts', import.meta.url).href)});
const { sampleReceipt } = await import(${JSON.stringify(new URL('../../../test/fixtures/receipt-fixtures.ts', import.meta.url).href)});
process.stdout.write(Buffer.from(await renderReceiptPdf(sampleReceipt())).toString('base64'));`;
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  assert.equal(child.stdout, Buffer.from(a).toString('base64'));
  // the creation date is the receipt time, not the rendering time
  assert.match(Buffer.from(a).toString('latin1'), /\/CreationDate \(D:20260213094000Z\)/);
});

/** Reads a binary PGM (P5) as written by `pdftoppm -gray`. */
function readPgm(path: string): { width: number; height: number; pixel: (x: number, y: number) => number } {
  const bytes = readFileSync(path);
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(bytes.subarray(0, 40).toString('latin1'));
  assert.ok(header, 'PGM header');
  const width = Number(header[1]);
  const height = Number(header[2]);
  const offset = header[0].length;
  return { width, height, pixel: (x, y) => bytes[offset + y * width + Math.floor(x)] ?? 255 };
}

test('the QR code on the rendered page is the lookup URL, module by module (and decodes, with zbarimg)', async (t) => {
  if (!requireTool(t, 'pdftoppm', 'poppler-utils')) {
    return;
  }
  const data = sampleReceipt();
  const { dir, path } = writeTemp(await renderReceiptPdf(data), 'receipt.pdf');
  const prefix = join(dir, 'page');
  const raster = run('pdftoppm', ['-gray', '-r', '288', '-f', '1', '-l', '1', path, prefix]);
  assert.equal(raster.status, 0, raster.stderr);
  const image = readPgm(`${prefix}-1.pgm`);
  const dark = (x: number, y: number) => image.pixel(x, y) < 128;
  // the QR code is the lowest content on the page; its bottom row starts with the bottom-left finder pattern
  let bottom = image.height - 1;
  while (bottom > 0 && !Array.from({ length: image.width }, (_, x) => dark(x, bottom)).some(Boolean)) {
    bottom--;
  }
  let left = 0;
  while (left < image.width && !dark(left, bottom)) {
    left++;
  }
  let run7 = 0;
  while (dark(left + run7, bottom)) {
    run7++;
  }
  const moduleSize = run7 / 7; // the finder pattern's outer ring is 7 modules wide (ISO/IEC 18004 §6.3.3)
  const { modules } = QRCode.create(data.lookupUrl, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const top = bottom + 1 - n * moduleSize;
  let mismatches = 0;
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const x = left + (col + 0.5) * moduleSize;
      const y = Math.floor(top + (row + 0.5) * moduleSize);
      if (dark(x, y) !== Boolean(modules.get(row, col))) {
        mismatches++;
      }
    }
  }
  assert.ok(moduleSize >= 4, `module of ${moduleSize}px at 288 dpi`);
  assert.equal(mismatches, 0, `${mismatches} of ${n * n} modules differ from the QR of ${data.lookupUrl}`);
  const zbar = spawnSync('sh', ['-c', 'command -v zbarimg'], { stdio: 'ignore' });
  if (zbar.status === 0) {
    const png = run('pdftoppm', ['-png', '-r', '150', '-f', '1', '-l', '1', path, prefix]);
    assert.equal(png.status, 0);
    const decoded = run('zbarimg', ['--quiet', '--raw', `${prefix}-1.png`]);
    assert.equal(decoded.stdout.trim(), data.lookupUrl);
  }
});

/** Text inside a rectangle given in PDF points (origin bottom left), via pdftotext's crop box. */
function textIn(
  path: string,
  page: number,
  r: { x: number; y: number; width: number; height: number },
): string {
  const top = 841.89 - (r.y + r.height);
  const args = ['-f', String(page), '-l', String(page), '-r', '72', '-x', String(Math.round(r.x))];
  args.push(
    '-y',
    String(Math.round(top)),
    '-W',
    String(Math.round(r.width)),
    '-H',
    String(Math.round(r.height)),
  );
  return run('pdftotext', [...args, path, '-'])
    .stdout.replace(/\s+/g, ' ')
    .trim();
}

test('the receiving officer signs in the blank of their block (visible signPdf), and verifyPdf passes', async (t) => {
  if (!requireTool(t, 'pdftotext', 'poppler-utils')) {
    return;
  }
  const pki = await getTestPki();
  const { pdf, officerSignature: area } = await renderReceiptPdfWithLayout(sampleReceipt());
  const { path } = writeTemp(pdf, 'receipt.pdf');
  // the area is blank, under "(Ký và ghi rõ họ tên)" and above the officer's name, in the right half
  assert.equal(textIn(path, area.page, area), '');
  assert.match(
    textIn(path, area.page, { ...area, y: area.y + area.height, height: 20 }),
    /\(Ký và ghi rõ họ tên\)/,
  );
  assert.match(textIn(path, area.page, { ...area, y: area.y - 20, height: 20 }), /Trần Văn Bình/);
  assert.ok(area.x > 595.28 / 2 - 1, `x ${area.x}`);
  const signed = await signPdf(pdf, pki.leader.signer, {
    reason: 'Tiếp nhận hồ sơ 000.00.21.H49-260213-0007',
    location: 'Xã Bình Ca',
    visible: { ...area, appearance: { signerName: 'Trần Văn Bình', unit: 'TTPVHCC xã Bình Ca' } },
  });
  const report = await verifyPdf(signed, { trustAnchors: pki.trustAnchors });
  assert.equal(report.verdict, 'TOTAL_PASSED', JSON.stringify(report.reasons));
  assert.equal(report.signatures.length, 1);
  assert.equal(report.signatures[0]?.coversWholeDocument, true);
  assert.equal(report.signatures[0]?.reason, 'Tiếp nhận hồ sơ 000.00.21.H49-260213-0007');
});

test('the refusal (BM.03) passes qpdf, is A4 and prints its numbered reasons', async (t: TestContext) => {
  if (!requireTool(t, 'qpdf', 'qpdf') || !requireTool(t, 'pdftotext', 'poppler-utils')) {
    return;
  }
  const data = sampleRefusal();
  const bytes = await renderRefusalPdf(data);
  const { path } = writeTemp(bytes, 'refusal.pdf');
  assert.equal(run('qpdf', ['--check', path]).status, 0);
  assert.match(run('pdfinfo', [path]).stdout, /Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
  const text = pdftotext(path).replace(/\n(?=\S)/g, ' ');
  for (const expected of [
    'PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ',
    'Số: 07/TTPVHCC',
    'Bình Ca, ngày 05 tháng 3 năm 2026',
    'Ông/Bà: Nguyễn Thị Hường',
    'Đề nghị giải quyết: Đăng ký khai sinh',
    'từ chối tiếp nhận giải quyết hồ sơ này với lý do cụ thể như sau:',
    '1. Người yêu cầu không cư trú tại xã Bình Ca',
    '2. Thiếu Giấy chứng sinh (bản chính).',
    'Xin thông báo để Ông/Bà được biết và thực hiện./.',
    'Trần Văn Bình',
  ]) {
    assert.ok(text.includes(expected), `missing ${JSON.stringify(expected)} in:\n${text}`);
  }
  assert.deepEqual(Buffer.from(bytes), Buffer.from(await renderRefusalPdf(sampleRefusal())));
  const pki = await getTestPki();
  const { officerSignature } = await renderRefusalPdfWithLayout(data);
  assert.match(
    textIn(path, 1, { ...officerSignature, y: officerSignature.y - 20, height: 20 }),
    /Trần Văn Bình/,
  );
  const signed = await signPdf(bytes, pki.leader.signer, {
    reason: 'Từ chối tiếp nhận hồ sơ',
    visible: { ...officerSignature, appearance: { signerName: 'Trần Văn Bình' } },
  });
  assert.equal((await verifyPdf(signed, { trustAnchors: pki.trustAnchors })).verdict, 'TOTAL_PASSED');
});
