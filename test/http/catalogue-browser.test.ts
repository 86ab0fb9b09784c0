// The catalogue pages in a real browser (chromium through playwright-core) against the real server with
// the demo data: a citizen searches without diacritics and opens a procedure; public and admin pages have
// no axe-core violations (WCAG 2.2 AA). Lives beside the catalogue's HTTP tests; skips without chromium,
// and on the PostgreSQL pass of `npm test` (the server it starts is on the embedded engine either way).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { axeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { testEngine } from '../helpers/test-database.ts';
import { requireTool } from '../helpers/tools.ts';

let server: ServerProcess | undefined;
let browser: Browser | undefined;

const isPostgresPass = testEngine === 'postgres';

before(async () => {
  if (!isPostgresPass) {
    server = await startServerProcess({ env: { XASO_DEMO: 'true' } });
  }
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function newContext(): Promise<BrowserContext> {
  browser ??= await launchChromium();
  return browser.newContext({ bypassCSP: true });
}

async function unitIdByName(name: string): Promise<string> {
  assert.ok(server);
  const units = (await (await fetch(`${server.baseUrl}/api/v1/units`)).json()) as {
    id: string;
    name: string;
  }[];
  const unit = units.find((u) => u.name === name);
  assert.ok(unit, name);
  return unit.id;
}

test('a citizen finds “Đăng ký khai sinh” by typing without diacritics and reads it; the pages pass axe', async (t) => {
  if (isPostgresPass) {
    t.skip('browser tests run once, on the embedded engine');
    return;
  }
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  assert.ok(server);
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/`);
  await page.getByRole('link', { name: 'Thủ tục hành chính' }).click();
  await page.waitForURL(/\/thu-tuc$/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByLabel('Tìm thủ tục').fill('dang ky khai sinh');
  await page.getByLabel('Nơi thực hiện').selectOption({ label: 'Xã Bình Ca' });
  await page.getByRole('button', { name: 'Tìm kiếm' }).click();
  await page.waitForURL(/q=dang\+ky\+khai\+sinh/);
  assert.match((await page.getByRole('status').textContent()) ?? '', /Tìm thấy 1 thủ tục/);
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('link', { name: 'Đăng ký khai sinh' }).click();
  await page.waitForURL(/\/thu-tuc\/1\.001193\?unit=/);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  const main = (await page.locator('main').textContent()) ?? '';
  assert.match(main, /Giấy chứng sinh/);
  assert.match(main, /Xã Bình Ca/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});

test('the admin pages (list, new procedure, new version, adoption, an error summary) pass axe', async (t) => {
  if (isPostgresPass) {
    t.skip('browser tests run once, on the embedded engine');
    return;
  }
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  assert.ok(server);
  const base = server.baseUrl;
  const binhCa = await unitIdByName('Xã Bình Ca');
  const province = await unitIdByName('Tỉnh Tuyên Quang');
  const context = await newContext();
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.getByLabel(/Tên đăng nhập/).fill('tinh.quantri');
  await page.getByLabel(/Mật khẩu/).fill('demo-xaso-2026');
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);
  await page.getByRole('link', { name: 'Quản lý thủ tục hành chính' }).click();
  await page.waitForURL(/\/admin\/procedures$/);
  assert.deepEqual(await axeViolations(page), [], 'list');
  await page.getByRole('link', { name: /Thêm phiên bản 1\.001193/ }).click();
  await page.waitForURL(/\/versions\/new$/);
  assert.deepEqual(await axeViolations(page), [], 'new version');
  await page.goto(`${base}/admin/procedures/new?unit=${province}`);
  assert.deepEqual(await axeViolations(page), [], 'new procedure');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await page.waitForLoadState();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Có lỗi cần sửa/);
  assert.deepEqual(await axeViolations(page), [], 'error summary');
  await page.goto(`${base}/admin/procedures?unit=${binhCa}`);
  assert.deepEqual(await axeViolations(page), [], 'commune list');
  await page.getByRole('link', { name: /Áp dụng, điều chỉnh 1\.001612/ }).click();
  await page.waitForURL(/\/adoption\?unit=/);
  assert.deepEqual(await axeViolations(page), [], 'adoption');
  await context.close();
});
