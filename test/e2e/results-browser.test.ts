// Issue 7 "Done when", in chromium without JavaScript: (a) a long procedure goes through a supplement request
// (the clock stops; the receipt shows the new due date), the result's upload and approval, the leader's
// signature (PIN + a one-time code from the TOTP secret), the seal, and the citizen downloads from the lookup
// page a result that pdfsig accepts (demo root trusted) and that the public verification page shows as
// valid; (b) an overdue dossier gets its apology slip (BM.04) and the citizen's 'late' message is queued.
// axe-core finds no WCAG 2.2 AA violation on the pages visited.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { findDossierByCode } from '../../src/modules/dossiers/dossier.repository.ts';
import { requestSupplement } from '../../src/modules/workflow/request-supplement.ts';
import { startProcessing } from '../../src/modules/workflow/start-processing.ts';
import { supplyDossier } from '../../src/modules/workflow/supply-dossier.ts';
import { formatVietnamTime } from '../../src/web/pages/dossier-format.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import { pdfsigWithDemoRoot } from '../fixtures/pdf/trusted-pdfsig.ts';
import { makePerson } from '../fixtures/signature-requests.ts';
import { assertNoAxeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { signFromQueue, staffPage } from '../helpers/staff-browser.ts';
import { requireTool } from '../helpers/tools.ts';
import { minimalPdf } from '../http/dossier-setup.ts';
import { setUpWorkflowTests } from '../http/workflow-setup.ts';

const w = await setUpWorkflowTests();
const { app, db, config, commune, dataDir, actors, blobStore, common } = w;
const kek = config.secrets.keyEncryption;
const specialist = await makePerson(db, kek, commune, 'specialist', 'Trần Văn Chuyên');
const leader = await makePerson(db, kek, commune, 'leader', 'Hoàng Văn Thành');
const clerk = await makePerson(db, kek, commune, 'clerk', 'Lê Thị Văn Thư');
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

let browser: Browser | undefined;
after(() => browser?.close());

/** A Vietnamese wall-clock time (UTC+7) as an instant. */
const vn = (local: string) => new Date(`${local}+07:00`);

/** Opens the action's <details> on the dossier page (no script needed) and returns its form. */
async function actionForm(page: Page, code: string, path: string) {
  await page.goto(`${baseUrl}/ho-so/${encodeURIComponent(code)}`);
  const form = page.locator(`form[action$="/xu-ly/${path}"]`);
  await page.locator('details', { has: form }).locator('summary').click();
  return form;
}

function tools(t: Parameters<typeof requireTool>[0]): boolean {
  return (
    requireTool(t, CHROMIUM, 'chromium') &&
    requireTool(t, 'pdfsig', 'poppler-utils') &&
    requireTool(t, 'certutil', 'libnss3-tools')
  );
}

test('(a) supplement, approval, signature, seal; the citizen downloads a result pdfsig accepts', async (t) => {
  if (!tools(t)) {
    return;
  }
  browser = await launchChromium();
  // Received last Wednesday, a supplement asked on Thursday and brought to the counter now: the clock
  // stood still in between, so the appointment moves later.
  const code = await w.receive(vn('2026-12-02T09:00:00'));
  await startProcessing({ ...common(code), actor: actors.specialist, now: vn('2026-12-02T10:00:00') });
  await requestSupplement({
    ...common(code),
    actor: actors.specialist,
    items: ['Bản sao giấy khai sinh'],
    reason: 'Thiếu giấy tờ',
    now: vn('2026-12-03T10:00:00'),
  });
  const dueBefore = (await findDossierByCode(db, code))?.due_at;
  await supplyDossier({ ...common(code), actor: actors.receptionist, blobStore, files: [minimalPdf()] });
  const dueAfter = (await findDossierByCode(db, code))?.due_at;
  assert.ok(dueBefore && dueAfter && dueAfter.getTime() > dueBefore.getTime(), 'the appointment moved');

  const staff = await staffPage(browser as Browser, baseUrl, specialist);
  await staff.goto(`${baseUrl}/ho-so/${encodeURIComponent(code)}/bien-nhan`);
  assert.match(await staff.content(), new RegExp(formatVietnamTime(dueAfter).replace(/[()]/g, '.')));
  const upload = await actionForm(staff, code, 'result');
  const file = join(dataDir, 'ket-qua.pdf');
  writeFileSync(file, await basePdf(1));
  await upload.locator('input[type=file]').setInputFiles(file);
  await upload.locator('button').click();
  await staff.waitForURL(/xong=result$/);

  const boss = await staffPage(browser as Browser, baseUrl, leader);
  const approve = await actionForm(boss, code, 'approve');
  await approve.locator('button').click();
  await boss.waitForURL(/xong=approve$/);
  assert.match(await boss.content(), /Chờ lãnh đạo ký/);
  await assertNoAxeViolations(browser, boss, 'dossier page awaiting the signature');
  const title = `Kết quả giải quyết hồ sơ ${code}`;
  await signFromQueue(browser, boss, {
    baseUrl,
    person: leader,
    path: '/ky-duyet',
    button: /Ký các văn bản đã chọn/,
    title,
  });
  const sealer = await staffPage(browser as Browser, baseUrl, clerk);
  await signFromQueue(browser, sealer, {
    baseUrl,
    person: clerk,
    path: '/dong-dau',
    button: /Đóng dấu các văn bản đã chọn/,
    title,
  });
  assert.equal(await w.statusOf(code), 9);
  await sealer.goto(`${baseUrl}/ho-so/${encodeURIComponent(code)}`);
  assert.match(await sealer.content(), /Đã ký và đóng dấu/);
  const verifyHref = await sealer.locator('a[href^="/xac-minh/"]').first().getAttribute('href');
  assert.ok(verifyHref);

  // The citizen: lookup with the code and the phone's last 4 digits, then the download.
  const visitor = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const citizen = await visitor.newPage();
  await citizen.goto(`${baseUrl}/tra-cuu`);
  await citizen.getByLabel(/Mã hồ sơ/).fill(code);
  await citizen.getByLabel(/4 số cuối điện thoại/).fill('5678');
  await citizen.getByRole('button', { name: /Tra cứu/ }).click();
  await assertNoAxeViolations(browser, citizen, 'lookup with the result ready');
  const downloading = citizen.waitForEvent('download');
  await citizen.getByRole('button', { name: /Tải kết quả đã ký số/ }).click();
  const download = await downloading;
  const signedFile = join(dataDir, 'downloaded.pdf');
  await download.saveAs(signedFile);
  // The applicant's download is the return (9 → 10, online).
  assert.equal(await w.statusOf(code), 10);

  const signatures = await pdfsigWithDemoRoot(db, dataDir, signedFile);
  assert.equal(signatures.length, 2);
  for (const signature of signatures) {
    assert.ok(signature.signatureValid, signature.text);
    assert.ok(signature.certificateTrusted, signature.text);
  }

  await citizen.goto(`${baseUrl}${verifyHref}`);
  const report = await citizen.content();
  assert.match(report, /Hợp lệ/);
  assert.match(report, /Chữ ký 2/);
  await assertNoAxeViolations(browser, citizen, 'public verification page');
  await visitor.close();
});

test('(b) BM.04 comes at least 1 day before the due date (refused once overdue); the "late" message is queued', async (t) => {
  if (!tools(t)) {
    return;
  }
  browser ??= await launchChromium();
  const overdue = await w.receive(vn('2026-11-23T09:00:00'));
  await startProcessing({ ...common(overdue), actor: actors.specialist, now: vn('2026-11-23T10:00:00') });
  const pastDue = await findDossierByCode(db, overdue);
  assert.ok(pastDue?.due_at && pastDue.due_at.getTime() < Date.now(), 'the dossier is overdue');
  const boss = await staffPage(browser as Browser, baseUrl, leader);
  const extendLate = await actionForm(boss, overdue, 'extend');
  await extendLate.locator('input[name="days"]').fill('3');
  await extendLate.locator('textarea[name="reason"]').fill('Cần xác minh thêm tại địa phương');
  await extendLate.locator('button').click();
  assert.match(await boss.content(), /chậm nhất 01 ngày trước hạn trả kết quả/);

  // received now: due in 5 working days, so the slip is in time
  const code = await w.receive();
  await startProcessing({ ...common(code), actor: actors.specialist });
  const dossier = await findDossierByCode(db, code);
  assert.ok(dossier);
  const extend = await actionForm(boss, code, 'extend');
  await extend.locator('input[name="days"]').fill('3');
  await extend.locator('textarea[name="reason"]').fill('Cần xác minh thêm tại địa phương');
  await extend.locator('button').click();
  await boss.waitForURL(/xong=extend$/);
  await boss.goto(`${baseUrl}/ho-so/${encodeURIComponent(code)}/phieu/bm04`);
  assert.match(await boss.content(), /PHIẾU XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN/);
  await assertNoAxeViolations(browser, boss, 'BM.04');
  const late = await db
    .selectFrom('notification_outbox')
    .select(['kind', 'channel'])
    .where('dossier_id', '=', dossier.id)
    .where('kind', '=', 'late')
    .execute();
  assert.ok(late.length > 0, 'the late message is queued');
});
