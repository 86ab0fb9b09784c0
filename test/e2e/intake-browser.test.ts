// Online intake and the kiosk in a real browser (Debian's chromium through playwright-core), issue 6 "Done
// when": a citizen signs in with the development provider and, without JavaScript, saves a draft with a
// scan, submits; a receptionist accepts it from the waiting list; the citizen sees the receipt; at the kiosk
// the receipt's QR content (typed by a scanner, ending with Enter) finds the dossier. Every page on the way
// has no axe-core violations. (The counter intake in a browser is test/http/dossier-axe.test.ts.)
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { DEMO_CITIZENS } from '../../src/modules/demo/demo-citizens.ts';
import { refuseOnlineDossier } from '../../src/modules/dossiers/refuse-online-dossier.ts';
import { submitOnlineDossier } from '../../src/modules/dossiers/submit-online-dossier.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { assertNoAxeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { makeStaff } from '../helpers/factories.ts';
import { requireTool } from '../helpers/tools.ts';
import { minimalPdf, PROCEDURE_CODE, setUpDossierTests } from '../http/dossier-setup.ts';

/** A free port, so PUBLIC_URL (which the provider's redirects use) can name it before the app listens. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const address = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  assert.ok(address && typeof address === 'object');
  return address.port;
}

const port = await freePort();
const origin = `http://localhost:${port}`;
const { app, db, commune, dataDir } = await setUpDossierTests({ PUBLIC_URL: origin });
await app.listen({ port, host: '127.0.0.1' });
const receptionist = await makeStaff(db, { unit: commune, role: 'receptionist' });
const [citizen] = DEMO_CITIZENS;
assert.ok(citizen);

let browser: Browser | undefined;
after(() => browser?.close());

/** axe-core on what a no-script page shows (test/helpers/browser.ts). */
function assertNoViolations(page: Page, label: string): Promise<void> {
  return assertNoAxeViolations(browser as Browser, page, label);
}

test('a citizen submits online with a scan, a receptionist accepts, the citizen sees the receipt; the kiosk finds it by the QR', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser = await launchChromium();
  const citizenContext = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
  const page = await citizenContext.newPage();
  await page.goto(`${origin}/cong-dan`);
  await assertNoViolations(page, 'citizen landing');
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.waitForURL(/\/dev-oidc\/interaction\//);
  await page.getByRole('button', { name: `Đăng nhập là ${citizen.name}` }).click();
  await page.waitForURL(/\/cong-dan$/);
  await assertNoViolations(page, 'my page');
  await page.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await assertNoViolations(page, 'procedure picker');
  await page.locator('ul.list a').first().click();
  await page.waitForURL(/\/cong-dan\/nop-ho-so\?unit=/);
  await assertNoViolations(page, 'online form');
  // Submitted empty: the error summary names what is missing.
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  assert.match((await page.locator('.error-summary').textContent()) ?? '', /Địa chỉ/);
  await assertNoViolations(page, 'online form with errors');
  assert.match((await page.locator('main').textContent()) ?? '', new RegExp(citizen.personalIdentifier));
  assert.equal(await page.inputValue('#phone'), citizen.phone);
  await page.fill('#address', citizen.address);
  await page.check('#doc-0');
  const scan = join(dataDir, 'to-khai.pdf');
  writeFileSync(scan, minimalPdf());
  await page.setInputFiles('#file-0', scan);
  await page.getByRole('button', { name: 'Lưu nháp' }).click();
  await page.waitForURL(/nhap=.+&luu=1$/);
  assert.match((await page.locator('main').textContent()) ?? '', /Đã lưu nháp/);
  await assertNoViolations(page, 'draft saved');
  const draftUrl = page.url();
  await page.goto(`${origin}/cong-dan`);
  assert.match((await page.locator('main').textContent()) ?? '', /Hồ sơ nháp/);
  await assertNoViolations(page, 'my page with a draft');
  await page.goto(draftUrl);
  await page.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await page.waitForURL(/\/cong-dan\/ho-so\/.+\?moi=1$/);
  await assertNoViolations(page, 'submitted dossier');
  const code = decodeURIComponent(new URL(page.url()).pathname.split('/')[3] ?? '');
  assert.match((await page.locator('main').textContent()) ?? '', /Mới đăng ký/);

  const staffContext = await browser.newContext({ bypassCSP: true, javaScriptEnabled: false });
  const staff = await staffContext.newPage();
  await staff.goto(`${origin}/sign-in`);
  await staff.getByLabel(/Tên đăng nhập/).fill(receptionist.username);
  await staff.getByLabel(/Mật khẩu/).fill(receptionist.password);
  await staff.getByRole('button', { name: /Đăng nhập/ }).click();
  await staff.waitForURL(/\/workspace$/);
  await staff.getByRole('link', { name: 'Hồ sơ trực tuyến chờ tiếp nhận' }).click();
  await assertNoViolations(staff, 'waiting list');
  await staff.getByRole('link', { name: code }).click();
  await assertNoViolations(staff, 'dossier awaiting acceptance');
  await staff.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await staff.waitForURL(/\?moi=1$/);
  assert.match((await staff.locator('main').textContent()) ?? '', /Được tiếp nhận/);
  await staffContext.close();

  await page.goto(`${origin}/cong-dan/ho-so/${encodeURIComponent(code)}`);
  await page.getByRole('link', { name: 'Giấy tiếp nhận và hẹn trả (mẫu 01)' }).click();
  await page.waitForURL(/\/bien-nhan$/);
  const receipt = (await page.locator('main').textContent()) ?? '';
  assert.ok(receipt.includes(code));
  assert.match(receipt, /HẸN TRẢ/i);
  await assertNoViolations(page, 'receipt');
  const qrContent = await page.locator('figcaption a').getAttribute('href');
  assert.equal(qrContent, `${origin}/tra-cuu?code=${encodeURIComponent(code)}`);

  // A second dossier, refused: the citizen reads BM.03 with the reasons.
  const row = await db
    .selectFrom('dossiers')
    .select('citizen_id')
    .where('code', '=', code)
    .executeTakeFirst();
  const owner = await db
    .selectFrom('citizens')
    .selectAll()
    .where('id', '=', row?.citizen_id ?? '')
    .executeTakeFirstOrThrow();
  const second = await submitOnlineDossier({
    db,
    blobStore: createFileSystemBlobStore(join(dataDir, 'blobs')),
    citizen: {
      kind: 'citizen',
      citizenId: owner.id,
      fullName: owner.full_name,
      personalIdentifier: owner.personal_identifier,
      phone: owner.phone,
      email: owner.email,
    },
    requestId: null,
    channel: 'online',
    unitId: commune.id,
    procedureCode: PROCEDURE_CODE,
    fields: { address: citizen.address, phone: citizen.phone },
    documents: [{ index: 0, files: [minimalPdf()] }],
  });
  const staffRow = await findStaffById(db, receptionist.id);
  assert.ok(staffRow);
  await refuseOnlineDossier({
    db,
    actor: await loadActor(db, staffRow),
    requestId: null,
    code: second.code,
    reasons: 'Tờ khai chưa có chữ ký.',
  });
  await page.goto(`${origin}/cong-dan/ho-so/${encodeURIComponent(second.code)}`);
  await page.getByRole('link', { name: 'Phiếu từ chối tiếp nhận (mẫu 03)' }).click();
  await page.waitForURL(/\/tu-choi$/);
  assert.match((await page.locator('main').textContent()) ?? '', /Tờ khai chưa có chữ ký\./);
  await assertNoViolations(page, 'refusal (BM.03)');
  await citizenContext.close();

  // The kiosk, scripts on: a scanner types the QR content into the focused field and presses Enter.
  const kioskContext = await browser.newContext({ bypassCSP: true });
  const kiosk = await kioskContext.newPage();
  const errors: string[] = [];
  kiosk.on('pageerror', (error) => errors.push(String(error)));
  await kiosk.goto(`${origin}/kiosk`);
  await assertNoViolations(kiosk, 'kiosk');
  await kiosk.locator('#code').pressSequentially(qrContent ?? '');
  await kiosk.locator('#code').press('Enter');
  await kiosk.waitForURL(/\/kiosk\/tra-cuu$/);
  assert.equal(await kiosk.inputValue('#code'), code);
  await assertNoViolations(kiosk, 'kiosk phone step');
  await kiosk.fill('#phone', citizen.phone.slice(-4));
  await kiosk.getByRole('button', { name: 'Tra cứu' }).click();
  await kiosk.waitForLoadState();
  const found = (await kiosk.locator('main').textContent()) ?? '';
  assert.ok(found.includes(code));
  assert.match(found, /Được tiếp nhận/);
  assert.doesNotMatch(found, new RegExp(citizen.name));
  assert.ok(
    await kiosk.getByRole('button', { name: 'In', exact: true }).isVisible(),
    'the script shows Print',
  );
  await assertNoViolations(kiosk, 'kiosk lookup result');
  assert.deepEqual(errors, []);
  await kioskContext.close();
});
