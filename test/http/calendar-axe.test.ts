// The calendar pages in a real browser (Debian's chromium through playwright-core): no axe-core violations
// (WCAG 2.2 AA) on the public calendar with a result and with errors, and on the administrator's pages with
// and without errors. The app listens on 127.0.0.1 on a free port for this file only.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';
import { requireTool } from '../helpers/tools.ts';

const { app, db } = await createTestApp();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const admin = await makeStaff(db, { unit: province, role: 'unit_admin' });
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

let browser: Browser | undefined;
after(() => browser?.close());

test('the calendar pages have no axe-core violations (WCAG 2.2 AA) and work without JavaScript', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser = await launchChromium();
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
  const page = await context.newPage();
  const check = async (label: string) => {
    // axe needs script; run it in a second, script-enabled page on the same HTML.
    const html = await page.content();
    const probe = await (browser as Browser).newContext({ bypassCSP: true });
    const probePage = await probe.newPage();
    await probePage.route('**/*', (route) =>
      route.request().url().endsWith('/assets/xaso.css')
        ? route.continue()
        : route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }),
    );
    await probePage.goto(page.url());
    const violations = await axeViolations(probePage);
    await probe.close();
    assert.deepEqual(violations, [], label);
  };

  // The calculator without JavaScript: fill the GET form and submit it.
  await page.goto(`${baseUrl}/lich-lam-viec?unit=${commune.id}&year=2026`);
  await check('public calendar');
  await page.selectOption('#cutoffRule', '15:00');
  await page.fill('#days', '5');
  await page.fill('#receivedDate', '2026-02-13');
  await page.fill('#receivedTime', '16:40');
  await page.getByRole('button', { name: 'Tính ngày hẹn trả' }).click();
  assert.match((await page.locator('#ket-qua').textContent()) ?? '', /17:00 27\/02\/2026/);
  await check('public calendar with a result');
  await page.goto(`${baseUrl}/lich-lam-viec?unit=${commune.id}&kind=sameDay&cutoffRule=`);
  await check('public calendar with errors');

  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/Tên đăng nhập/).fill(admin.username);
  await page.getByLabel(/Mật khẩu/).fill(admin.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);
  await page
    .getByRole('link', { name: /Lịch làm việc/ })
    .first()
    .click();
  await page.waitForURL(/\/admin\/calendar$/);
  await check('admin home');
  await page.goto(`${baseUrl}/admin/calendar/holidays?unit=${province.id}&year=2027`);
  await check('holiday table editor');
  await page.fill('#date_0', '2027-13-40');
  await page.getByRole('button', { name: 'Lưu bảng ngày nghỉ' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Dòng 1: Ngày/);
  await check('holiday table with errors');
  await page.goto(`${baseUrl}/admin/calendar/office-hours?unit=${commune.id}`);
  await check('office hours');
  await page.fill('#morningTo', '');
  await page.getByRole('button', { name: 'Lưu' }).click();
  await check('office hours with errors');
  await context.close();
});
