// The counter and lookup pages in a real browser without JavaScript (Debian's chromium through
// playwright-core): a receptionist finds the procedure, fills the form, attaches a scan, receives; the public
// looks the dossier up by code and phone. No axe-core violations (WCAG 2.2 AA) on each page, errors included.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { assertNoAxeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { makeStaff } from '../helpers/factories.ts';
import { requireTool } from '../helpers/tools.ts';
import { minimalPdf, PROCEDURE_CODE, setUpDossierTests } from './dossier-setup.ts';

const { app, db, commune, dataDir } = await setUpDossierTests();
const receptionist = await makeStaff(db, { unit: commune, role: 'receptionist' });
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

let browser: Browser | undefined;
after(() => browser?.close());

/** axe-core on what a no-script page shows (test/helpers/browser.ts). */
function assertNoViolations(page: Page, label: string): Promise<void> {
  return assertNoAxeViolations(browser as Browser, page, label);
}

test('counter and lookup pages work without JavaScript and have no axe-core violations', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser = await launchChromium();
  const context = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/Tên đăng nhập/).fill(receptionist.username);
  await page.getByLabel(/Mật khẩu/).fill(receptionist.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);
  await page.goto(`${baseUrl}/ho-so/tiep-nhan`);
  await assertNoViolations(page, 'counter search');
  await page.getByRole('link', { name: new RegExp(PROCEDURE_CODE) }).click();
  await assertNoViolations(page, 'counter form');
  // Submitted empty: the error summary lists the fields.
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Họ và tên/);
  await assertNoViolations(page, 'counter form with errors');
  await page.fill('#fullName', 'Đinh Văn Trình');
  await page.fill('#personalIdentifier', '001190077777');
  await page.fill('#address', 'Xóm Trên');
  await page.fill('#phone', '0901234567');
  await page.check('#doc-0');
  const scan = join(dataDir, 'scan.pdf');
  writeFileSync(scan, minimalPdf());
  await page.setInputFiles('#file-0', scan);
  await page.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await page.waitForURL(/\/ho-so\/.+-\d{6}-\d{4}\?moi=1$/);
  await assertNoViolations(page, 'dossier page');
  const code = decodeURIComponent(new URL(page.url()).pathname.slice('/ho-so/'.length));
  const [stored] = await db.selectFrom('dossiers').select('documents').where('code', '=', code).execute();
  assert.equal(stored?.documents[0]?.files[0]?.mediaType, 'application/pdf');

  const visitor = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
  const lookup = await visitor.newPage();
  await lookup.goto(`${baseUrl}/tra-cuu?code=${encodeURIComponent(code)}`);
  await assertNoViolations(lookup, 'lookup form');
  await lookup.fill('#phone', '0000');
  await lookup.getByRole('button', { name: 'Tra cứu' }).click();
  await assertNoViolations(lookup, 'lookup not found');
  await lookup.fill('#phone', '4567');
  await lookup.getByRole('button', { name: 'Tra cứu' }).click();
  assert.match(await lookup.content(), /Được tiếp nhận/);
  await assertNoViolations(lookup, 'lookup result');
  await visitor.close();
  await context.close();
});
