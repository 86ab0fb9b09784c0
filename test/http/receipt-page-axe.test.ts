// The printable receipt (BM.01) and refusal (BM.03) fragments inside a minimal page with the app's own
// stylesheet, in Debian's chromium through playwright-core with JavaScript off for the page itself: no
// axe-core violations (WCAG 2.2 AA), and Chromium's print to A4 keeps the receipt's text.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { receiptPage, refusalPage } from '../../src/web/components/receipt-page.ts';
import type { SafeHtml } from '../../src/web/html.ts';
import { sampleReceipt, sampleRefusal } from '../fixtures/receipt-fixtures.ts';
import { axeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { requireTool } from '../helpers/tools.ts';

const css = readFileSync(new URL('../../src/web/assets/xaso.css', import.meta.url), 'utf8');

let launched: Promise<Browser> | undefined;
after(async () => (await launched)?.close());

function launchBrowser(): Promise<Browser> {
  launched ??= launchChromium();
  return launched;
}

function document(title: string, fragment: SafeHtml): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${title}</title><style>${css}</style></head><body><main class="main container" id="main">${fragment}</main></body></html>`;
}

test('the receipt and refusal pages have no axe-core violations (WCAG 2.2 AA)', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  const browser = await launchBrowser();
  const context = await browser.newContext();
  for (const [label, body] of [
    ['receipt', document('Giấy tiếp nhận hồ sơ', receiptPage(sampleReceipt()))],
    ['refusal', document('Phiếu từ chối', refusalPage(sampleRefusal()))],
  ] as const) {
    const page = await context.newPage();
    await page.setContent(body);
    const violations = await axeViolations(page);
    assert.deepEqual(violations, [], label);
    await page.close();
  }
});

test('printed by the browser, the receipt page keeps its text and the QR code', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium') || !requireTool(t, 'pdftotext', 'poppler-utils')) {
    return;
  }
  const browser = await launchBrowser();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.setContent(document('Giấy tiếp nhận hồ sơ', receiptPage(sampleReceipt())));
  assert.equal(await page.locator('svg[role="img"] path').count(), 1);
  // Chromium's own print to PDF (print media: the app's print styles apply), read back by pdftotext
  const dir = mkdtempSync(join(tmpdir(), 'xaso-receipt-print-'));
  const path = join(dir, 'printed.pdf');
  writeFileSync(path, await page.pdf({ format: 'A4' }));
  const printed = spawnSync('pdftotext', ['-enc', 'UTF-8', path, '-'], { encoding: 'utf8' });
  assert.equal(printed.status, 0, printed.stderr);
  const text = printed.stdout.replace(/\s+/g, ' ');
  for (const expected of [
    'GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ',
    'Nguyễn Thị Hường',
    'Đăng ký khai sinh',
    '08:00 26/02/2026',
  ]) {
    assert.ok(text.includes(expected), `missing ${expected} in ${text}`);
  }
});
