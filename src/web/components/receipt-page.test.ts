// The printable HTML receipt and refusal: same wording as the PDFs, every value escaped, the inline SVG QR
// drawing exactly the lookup URL's QR matrix.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import QRCode from 'qrcode';
import { sampleReceipt, sampleRefusal } from '../../../test/fixtures/receipt-fixtures.ts';
import { qrSvg, receiptPage, refusalPage } from './receipt-page.ts';

test('the receipt page prints the BM.01 fields with times in Vietnam time', () => {
  const page = receiptPage(sampleReceipt()).toString();
  for (const expected of [
    '<h1 class="heading-l">GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ</h1>',
    'Số: 125/TTPVHCC',
    '<em>Bình Ca, ngày 13 tháng 02 năm 2026</em>',
    '<strong>000.00.21.H49-260213-0007</strong>',
    '<dt>Ông/Bà</dt><dd>Nguyễn Thị Hường</dd>',
    '<strong>Đăng ký khai sinh</strong>',
    '<td>Giấy chứng nhận kết hôn của cha, mẹ</td><td>Bản sao có chứng thực</td><td>01</td>',
    '<time datetime="2026-02-13T09:40:00.000Z">16:40 13/02/2026</time>',
    '<strong><time datetime="2026-02-26T01:00:00.000Z">08:00 26/02/2026</time></strong>',
    'Cách tính: nhận 16:40 thứ Sáu → tính từ ngày làm việc tiếp theo; 05 ngày làm việc',
    'Quyển số: 01/2026, Số thứ tự: 125',
    '<a href="https://binhca.xaso.vn/tra-cuu/000.00.21.H49-260213-0007">',
  ]) {
    assert.ok(page.includes(expected), `missing ${expected}`);
  }
});

test('applicant-supplied values are escaped', () => {
  const hostile = '<script>alert("x")</script>';
  const page = receiptPage(
    sampleReceipt({
      applicant: { name: hostile, address: `"><img src=x onerror=alert(1)>` },
      lookupUrl: 'https://binhca.xaso.vn/tra-cuu/A?x="onmouseover=alert(1)',
    }),
  ).toString();
  assert.ok(!page.includes('<script>'));
  assert.ok(!page.includes('<img'));
  assert.ok(!page.includes('"onmouseover'));
  assert.ok(page.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'));
  const refusal = refusalPage(sampleRefusal({ reasons: [hostile] })).toString();
  assert.ok(refusal.includes('<li>&lt;script&gt;'));
});

test("the inline SVG QR code draws exactly the dark modules of the URL's QR matrix", () => {
  const url = sampleReceipt().lookupUrl;
  const svg = qrSvg(url, 'Mã QR').toString();
  const drawn = new Set<string>();
  for (const m of svg.matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
    for (let i = 0; i < Number(m[3]); i++) {
      drawn.add(`${Number(m[2]) - 4},${Number(m[1]) - 4 + i}`);
    }
  }
  const { modules } = QRCode.create(url, { errorCorrectionLevel: 'M' });
  const expected = new Set<string>();
  for (let row = 0; row < modules.size; row++) {
    for (let col = 0; col < modules.size; col++) {
      if (modules.get(row, col)) {
        expected.add(`${row},${col}`);
      }
    }
  }
  assert.deepEqual(drawn, expected);
  assert.match(svg, new RegExp(`viewBox="0 0 ${modules.size + 8} ${modules.size + 8}"`));
  assert.match(svg, /role="img" aria-label="Mã QR"/);
});

test('the refusal page lists the reasons in order', () => {
  const page = refusalPage(sampleRefusal()).toString();
  assert.match(page, /<h1 class="heading-l">PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ<\/h1>/);
  assert.match(
    page,
    /<ol><li>Người yêu cầu không cư trú[^<]*<\/li><li>Thiếu Giấy chứng sinh \(bản chính\).<\/li><\/ol>/,
  );
  assert.ok(page.includes('Bình Ca, ngày 05 tháng 3 năm 2026'));
});
