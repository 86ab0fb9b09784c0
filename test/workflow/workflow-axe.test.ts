// The processing pages in a real browser without JavaScript (Debian's chromium through playwright-core):
// a specialist opens a dossier, expands an action and submits it (the <details> forms work without
// script), the queue, an action form with errors, the printable BM.02 and the citizen's supplement page.
// No axe-core violations (WCAG 2.2 AA) on any of them.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { CITIZEN_SESSION_COOKIE } from '../../src/modules/citizen-identity/authenticate-citizen.ts';
import { requestSupplement } from '../../src/modules/workflow/request-supplement.ts';
import { assertNoAxeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { makeStaff } from '../helpers/factories.ts';
import { requireTool } from '../helpers/tools.ts';
import { minimalPdf } from '../http/dossier-setup.ts';
import { setUpWorkflowTests } from '../http/workflow-setup.ts';

const w = await setUpWorkflowTests();
const { app, db, commune, actors } = w;
const specialist = await makeStaff(db, { unit: commune, role: 'specialist' });
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

let browser: Browser | undefined;
after(() => browser?.close());

const assertNoViolations = (page: Page, label: string) =>
  assertNoAxeViolations(browser as Browser, page, label);

test('processing pages work without JavaScript and have no axe-core violations', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser = await launchChromium();
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/Tên đăng nhập/).fill(specialist.username);
  await page.getByLabel(/Mật khẩu/).fill(specialist.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);

  const code = await w.receive();
  const path = `/ho-so/${encodeURIComponent(code)}`;
  await page.goto(`${baseUrl}${path}`);
  await assertNoViolations(page, 'dossier page with the processing section');
  await page.getByText('Bắt đầu xử lý', { exact: true }).first().click();
  await page.getByRole('button', { name: 'Bắt đầu xử lý' }).click();
  await page.waitForURL(/\?xong=start$/);
  assert.equal(await w.statusOf(code), 4);
  await assertNoViolations(page, 'dossier page after an action');

  // an empty supplement request: the form alone with its errors
  await page.getByText('Yêu cầu bổ sung hồ sơ', { exact: true }).first().click();
  await page.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Giấy tờ|Vui lòng/);
  await assertNoViolations(page, 'action form with errors');
  await page.fill('#items', 'Bản sao giấy khai sinh');
  await page.fill('#reason', 'Thiếu giấy tờ');
  await page.getByRole('button', { name: 'Yêu cầu bổ sung hồ sơ' }).click();
  await page.waitForURL(/\?xong=supplement-requests$/);
  assert.equal(await w.statusOf(code), 5);

  await page.goto(`${baseUrl}${path}/phieu/bm02`);
  await assertNoViolations(page, 'BM.02 printable page');
  await page.goto(`${baseUrl}/ho-so/hang-doi`);
  await assertNoViolations(page, 'work queue');

  // the citizen's supplement page
  const other = await w.dossierIn(4);
  await requestSupplement({
    db,
    requestId: null,
    code: other,
    actor: actors.specialist,
    items: 'Tờ khai',
    reason: 'Thiếu',
  });
  const token = await w.citizenSessionToken();
  const citizenContext = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
  await citizenContext.addCookies([{ name: CITIZEN_SESSION_COOKIE, value: token, url: baseUrl }]);
  const citizenPage = await citizenContext.newPage();
  await citizenPage.goto(`${baseUrl}/cong-dan/ho-so/${encodeURIComponent(other)}/bo-sung`);
  assert.match(await citizenPage.content(), /Tờ khai/);
  await assertNoViolations(citizenPage, 'citizen supplement page');
  // the citizen attaches the paper and sends it, without JavaScript; the dossier is back in processing
  const scan = join(w.dataDir, 'to-khai.pdf');
  writeFileSync(scan, minimalPdf());
  await citizenPage.setInputFiles('#files', scan);
  await citizenPage.getByRole('button', { name: 'Gửi hồ sơ bổ sung' }).click();
  await citizenPage.waitForURL(/bo-sung\?xong=1$/);
  assert.match(await citizenPage.content(), /Ngày hẹn trả kết quả mới/);
  await assertNoViolations(citizenPage, 'citizen supplement page, sent');
  assert.equal(await w.statusOf(other), 4);
});
