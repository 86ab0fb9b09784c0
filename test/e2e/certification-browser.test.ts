// The same-day certified copy in a real browser without JavaScript (issue 7 §3 "Done when"; Debian's
// chromium through playwright-core): a citizen submits a certified-copy dossier online, the receptionist
// accepts it, the officer uploads the original's scan and certifies it (statement + register number), the
// chairman signs with PIN + OTP, the clerk seals, and the citizen downloads the signed copy, which poppler's
// pdfsig accepts with the root trusted. axe-core finds no WCAG 2.2 AA violation on any page.
// The app has no injectable clock: the journey runs at the wall time, and what it asserts (the dossier
// processed, the copy downloadable, the number of the current year) holds at any hour; the 15:00 rule
// only moves the due date, which this test does not check.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { registerYear } from '../../src/modules/certification/assign-certification-number.ts';
import { DEMO_CITIZENS } from '../../src/modules/demo/demo-citizens.ts';
import { adoptCertificationProcedures, colourScan } from '../fixtures/certification.ts';
import { makeNssDb, pdfsig, toPem } from '../fixtures/pdf/tools.ts';
import { makePerson } from '../fixtures/signature-requests.ts';
import { assertNoAxeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { makeStaff } from '../helpers/factories.ts';
import { freePort } from '../helpers/server-process.ts';
import { signFromQueue, staffPage } from '../helpers/staff-browser.ts';
import { requireTool } from '../helpers/tools.ts';
import { setUpDossierTests } from '../http/dossier-setup.ts';

const port = await freePort();
const origin = `http://localhost:${port}`;
const { app, db, config, province, commune, dataDir } = await setUpDossierTests({ PUBLIC_URL: origin });
await adoptCertificationProcedures(db, province, commune);
await app.listen({ port, host: '127.0.0.1' });
const kek = config.secrets.keyEncryption;
const receptionist = await makeStaff(db, { unit: commune, role: 'receptionist' });
const officer = await makePerson(db, kek, commune, 'specialist', 'Trần Văn Tư Pháp');
const chairman = await makePerson(db, kek, commune, 'leader', 'Hoàng Văn Chủ Tịch');
const clerk = await makePerson(db, kek, commune, 'clerk', 'Lê Thị Văn Thư');
const [citizen] = DEMO_CITIZENS;
assert.ok(citizen);

let browser: Browser | undefined;
after(() => browser?.close());

function assertNoViolations(page: Page, label: string): Promise<void> {
  return assertNoAxeViolations(browser as Browser, page, label);
}

test('online certified copy: submitted, accepted, certified, signed, sealed, downloaded and valid', async (t) => {
  if (
    !requireTool(t, CHROMIUM, 'chromium') ||
    !requireTool(t, 'pdfsig', 'poppler-utils') ||
    !requireTool(t, 'certutil', 'libnss3-tools') ||
    !requireTool(t, 'pdftotext', 'poppler-utils')
  ) {
    return;
  }
  browser = await launchChromium();
  // The citizen submits the certified-copy dossier online, with the scan of the original.
  const citizenContext = await browser.newContext({ javaScriptEnabled: false });
  const home = await citizenContext.newPage();
  await home.goto(`${origin}/cong-dan`);
  await home.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await home.waitForURL(/\/dev-oidc\/interaction\//);
  await home.getByRole('button', { name: `Đăng nhập là ${citizen.name}` }).click();
  await home.waitForURL(/\/cong-dan$/);
  await home.getByRole('link', { name: 'Nộp hồ sơ trực tuyến' }).click();
  await home.getByRole('link', { name: /Chứng thực bản sao từ bản chính/ }).click();
  await home.waitForURL(/\/cong-dan\/nop-ho-so\?unit=/);
  await home.fill('#address', citizen.address);
  await home.check('#doc-0');
  const scan = join(dataDir, 'giay-khai-sinh.jpg');
  writeFileSync(scan, colourScan());
  await home.setInputFiles('#file-0', scan);
  await home.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await home.waitForURL(/\/cong-dan\/ho-so\/.+\?moi=1$/);
  const code = decodeURIComponent(new URL(home.url()).pathname.split('/')[3] ?? '');

  // The receptionist accepts it.
  const reception = await staffPage(browser, origin, receptionist);
  await reception.goto(`${origin}/ho-so/${encodeURIComponent(code)}`);
  await reception.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await reception.waitForURL(/\?moi=1$/);

  // The officer certifies: the form refuses an empty post, then takes the scan.
  const desk = await staffPage(browser, origin, officer);
  await desk.goto(`${origin}/ho-so/${encodeURIComponent(code)}`);
  await desk.getByRole('link', { name: 'Chứng thực giấy tờ' }).click();
  await desk.waitForURL(/\/chung-thuc$/);
  await assertNoViolations(desk, 'certification dossier page');
  await desk.getByRole('button', { name: 'Ghi lời chứng và trình ký' }).click();
  assert.match((await desk.locator('.error-summary').textContent()) ?? '', /Tên giấy tờ/);
  await assertNoViolations(desk, 'certify form with errors');
  await desk.setInputFiles('#original', scan);
  await desk.getByLabel(/Tên giấy tờ, văn bản/).fill('Giấy khai sinh');
  await desk.getByLabel(/Số bản sao/).fill('2');
  await desk.getByRole('button', { name: 'Ghi lời chứng và trình ký' }).click();
  await desk.waitForURL(/\/chung-thuc\?so=/);
  const year = registerYear(new Date());
  const number = /(\d+\/1\/\d{4}\/SCT\/BS)/.exec((await desk.locator('.banner').textContent()) ?? '')?.[1];
  assert.equal(number, `1/1/${year}/SCT/BS`);
  await assertNoViolations(desk, 'certified, awaiting signature');
  await desk.goto(`${origin}/chung-thuc`);
  assert.match((await desk.locator('tbody').textContent()) ?? '', /1\/1\/\d{4}\/SCT\/BS.*Giấy khai sinh/s);
  await assertNoViolations(desk, 'register');

  // The chairman signs with PIN + OTP, the clerk seals.
  const title = `Chứng thực số ${number} — hồ sơ ${code}`;
  await signFromQueue(browser, await staffPage(browser, origin, chairman), {
    baseUrl: origin,
    person: chairman,
    path: '/ky-duyet',
    button: /Ký các văn bản đã chọn/,
    title,
  });
  await signFromQueue(browser, await staffPage(browser, origin, clerk), {
    baseUrl: origin,
    person: clerk,
    path: '/dong-dau',
    button: /Đóng dấu các văn bản đã chọn/,
    title,
  });

  // The citizen sees the dossier processed and downloads the signed copy.
  await home.goto(`${origin}/cong-dan/ho-so/${encodeURIComponent(code)}`);
  assert.match((await home.locator('main').textContent()) ?? '', /Đã xử lý xong/);
  await home.getByRole('link', { name: 'Tải bản chứng thực điện tử' }).click();
  await home.waitForURL(/\/chung-thuc$/);
  await assertNoViolations(home, 'citizen certified copies');
  const href = await home.getByRole('link', { name: /Tải bản chứng thực/ }).getAttribute('href');
  assert.ok(href);
  const response = await home.request.get(`${origin}${href}`);
  assert.equal(response.status(), 200);
  assert.equal(response.headers()['content-type'], 'application/pdf');
  const signedFile = join(dataDir, 'ban-sao-chung-thuc.pdf');
  writeFileSync(signedFile, await response.body());

  const root = await db
    .selectFrom('signing_authorities')
    .select('certificate')
    .where('role', '=', 'root')
    .executeTakeFirstOrThrow();
  const nss = makeNssDb(join(dataDir, 'trusted'), [
    toPem(new Uint8Array(Buffer.from(root.certificate, 'base64'))),
  ]);
  const signatures = pdfsig(nss, signedFile);
  assert.equal(signatures.length, 2);
  for (const signature of signatures) {
    assert.ok(signature.signatureValid, signature.text);
    assert.ok(signature.certificateTrusted, signature.text);
  }
  // The statement page: the Circular 01/2020 wording, the number, the date and place, the signer.
  const text = execFileSync('pdftotext', ['-layout', signedFile, '-'], { encoding: 'utf8' });
  assert.match(text, /Chứng thực bản sao này đúng với bản chính\./);
  assert.ok(text.includes(`Số chứng thực: ${number}`), text);
  assert.match(text, /Ngày \d{2} tháng \d{2} năm \d{4}, tại /);
  assert.match(text, /NGƯỜI THỰC HIỆN CHỨNG THỰC/);
  assert.match(text, /Hoàng Văn Chủ Tịch/);
  // Another citizen's session does not reach it; nor does anyone signed out.
  const stranger = await browser.newContext({ javaScriptEnabled: false });
  const anonymous = await stranger.request.get(`${origin}${href}`, { maxRedirects: 0 });
  assert.notEqual(anonymous.status(), 200);
  await stranger.close();
});
