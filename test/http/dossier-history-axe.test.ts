// The dossier history (issue 4 §6) in a real browser without JavaScript: the staff page with its verified
// marks and the folded views opened, the applicant's lookup with its proof forms, a proof downloaded by
// that form; no axe-core violations (WCAG 2.2 AA) on either page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { parseVerifierKey, verifyTlogProof } from '../../src/lib/tlog/index.ts';
import { integrateAuditLog } from '../../src/modules/audit-log/integrate-audit-log.ts';
import { loadOrCreateLogSigner } from '../../src/modules/audit-log/log-key.ts';
import { axeViolationsOfNoScriptPage, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { testConfig } from '../helpers/test-app.ts';
import { requireTool } from '../helpers/tools.ts';
import { setUpDossierTests } from './dossier-setup.ts';

const { app, db, dataDir, staffWithToken, receiveThroughApi } = await setUpDossierTests();
const signer = loadOrCreateLogSigner(testConfig({ DATA_DIR: dataDir }));
const receptionist = await staffWithToken('receptionist');
const dossier = await receiveThroughApi(receptionist.token, '0912345678');
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

let browser: Browser | undefined;
after(() => browser?.close());

test('history on the staff page and the lookup: no JavaScript, no axe violations, proof by form', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser = await launchChromium();
  const staff = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
  const page = await staff.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/Tên đăng nhập/).fill(receptionist.username);
  await page.getByLabel(/Mật khẩu/).fill(receptionist.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);
  await page.goto(`${baseUrl}/ho-so/${encodeURIComponent(dossier.code)}`);
  await integrateAuditLog({ db, signer });
  await page.reload();
  assert.match(await page.content(), /tag--green">Đã xác minh/);
  await page.locator('summary', { hasText: 'Lượt cán bộ xem hồ sơ' }).click();
  assert.ok(await page.locator('details[open]').count());
  assert.deepEqual(await axeViolationsOfNoScriptPage(browser, page), [], 'staff dossier page with history');

  const visitor = await browser.newContext({
    bypassCSP: true,
    javaScriptEnabled: false,
    acceptDownloads: true,
  });
  const lookup = await visitor.newPage();
  await lookup.goto(`${baseUrl}/tra-cuu?code=${encodeURIComponent(dossier.code)}`);
  await lookup.fill('#phone', '5678');
  await lookup.getByRole('button', { name: 'Tra cứu' }).click();
  assert.match(await lookup.content(), /tag--green">Đã xác minh/);
  assert.deepEqual(await axeViolationsOfNoScriptPage(browser, lookup), [], 'lookup result with history');
  const [download] = await Promise.all([
    lookup.waitForEvent('download'),
    lookup
      .getByRole('button', { name: /Tải bằng chứng/ })
      .first()
      .click(),
  ]);
  assert.match(download.suggestedFilename(), /\.tlog-proof$/);
  const proof = readFileSync(await download.path(), 'utf8');
  const received = await db
    .selectFrom('audit_events')
    .select('entry')
    .where('action', '=', 'dossier.received')
    .where('subject_id', '=', dossier.id)
    .executeTakeFirstOrThrow();
  const verifier = parseVerifierKey(signer.verifierKey);
  verifyTlogProof({
    proof,
    entry: new TextEncoder().encode(received.entry),
    origin: verifier.name,
    verifiers: [verifier],
  });
  await visitor.close();
  await staff.close();
});
