// The results pages of issue 7 §2 in a real browser without JavaScript: the clerk's register of results, the
// result template editor, the printable return record and the citizen's list with the download link.
// No axe-core violations (WCAG 2.2 AA) on any of them.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { CITIZEN_SESSION_COOKIE } from '../../src/modules/citizen-identity/authenticate-citizen.ts';
import { returnResult } from '../../src/modules/workflow/return-result.ts';
import { assertNoAxeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { makeStaff } from '../helpers/factories.ts';
import { staffPage } from '../helpers/staff-browser.ts';
import { requireTool } from '../helpers/tools.ts';
import { WORKFLOW_PROCEDURE } from '../http/workflow-setup.ts';
import { setUpResultSigning } from './result-signing-setup.ts';

const r = await setUpResultSigning();
const { w } = r;
const { app, db, commune } = w;
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

let browser: Browser | undefined;
after(() => browser?.close());

test('register, template editor, return record and the citizen’s list pass axe without JavaScript', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser = await launchChromium();
  const sealed = await r.sealedDossier();
  await returnResult({ ...w.common(sealed.code), actor: w.actors.receptionist, receivedBy: 'Trần Thị Nộp' });
  const clerk = await makeStaff(db, { unit: commune, role: 'clerk' });
  const admin = await makeStaff(db, { unit: commune, role: 'unit_admin' });
  const reception = await makeStaff(db, { unit: commune, role: 'receptionist' });

  const clerkPage = await staffPage(browser, baseUrl, clerk);
  await clerkPage.goto(`${baseUrl}/so-ket-qua`);
  assert.match(await clerkPage.content(), /Số: \d{2,}\//);
  await assertNoAxeViolations(browser, clerkPage, 'register of results');

  const adminPage = await staffPage(browser, baseUrl, admin);
  await adminPage.goto(`${baseUrl}/thu-tuc/${WORKFLOW_PROCEDURE}/mau-ket-qua?unit=${commune.id}`);
  await adminPage.locator('textarea[name="body"]').fill('Xác nhận {ten_sai}.');
  await adminPage.getByRole('button', { name: /Lưu mẫu/ }).click();
  assert.match(await adminPage.content(), /ten_sai/);
  await assertNoAxeViolations(browser, adminPage, 'result template with an error');

  const receptionPage = await staffPage(browser, baseUrl, reception);
  await receptionPage.goto(`${baseUrl}/ho-so/${encodeURIComponent(sealed.code)}/phieu/return`);
  assert.match(await receptionPage.content(), /BIÊN BẢN TRẢ KẾT QUẢ/);
  await assertNoAxeViolations(browser, receptionPage, 'return record');

  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies([
    { name: CITIZEN_SESSION_COOKIE, value: await w.citizenSessionToken(), url: baseUrl },
  ]);
  const citizen = await context.newPage();
  await citizen.goto(`${baseUrl}/cong-dan`);
  assert.match(await citizen.content(), /ket-qua\.pdf/);
  await assertNoAxeViolations(browser, citizen, 'citizen dossier list with the result');
  await citizen.goto(`${baseUrl}/cong-dan/ho-so/${encodeURIComponent(sealed.code)}`);
  await assertNoAxeViolations(browser, citizen, 'citizen dossier page with the result');
});
