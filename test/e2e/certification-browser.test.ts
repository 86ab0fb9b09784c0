// The same-day certified copy in a real browser without JavaScript (issue 7 §3 "Done when"; Debian's
// chromium through playwright-core): a citizen submits a certified-copy dossier online, the receptionist
// accepts it, the officer uploads the original's scan and certifies it (statement + register number), the
// chairman signs with PIN + OTP, the clerk seals, and the citizen downloads the signed copy, which poppler's
// pdfsig accepts with the root trusted. axe-core finds no WCAG 2.2 AA violation on any page.
// The app runs on a settable business clock (src/platform/clock.ts): the citizen submits at 09:00 on a
// working day, the dossier is due that same day, the statement carries that date, the chairman and the clerk
// finish at 14:00 (on time) and the citizen downloads at 15:30, which returns the result (9 → 10); a second
// dossier submitted at 15:30 (after the 15:00 cut-off) is due the next working day. Signatures, sessions and
// one-time codes keep the system time.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { computeUnitDueDate } from '../../src/modules/calendar/compute-unit-due-date.ts';
import { vietnamDate } from '../../src/modules/catalogue/vietnam-date.ts';
import { registerYear } from '../../src/modules/certification/assign-certification-number.ts';
import { DEMO_CITIZENS } from '../../src/modules/demo/demo-citizens.ts';
import { createSettableClock } from '../../src/platform/clock.ts';
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
const clock = createSettableClock(new Date());
const { app, db, config, province, commune, dataDir } = await setUpDossierTests(
  { PUBLIC_URL: origin },
  { clock },
);
await adoptCertificationProcedures(db, province, commune);
await app.listen({ port, host: '127.0.0.1' });
const kek = config.secrets.keyEncryption;
const receptionist = await makeStaff(db, { unit: commune, role: 'receptionist' });
const officer = await makePerson(db, kek, commune, 'specialist', 'Trần Văn Tư Pháp');
const chairman = await makePerson(db, kek, commune, 'leader', 'Hoàng Văn Chủ Tịch');
const clerk = await makePerson(db, kek, commune, 'clerk', 'Lê Thị Văn Thư');
const [citizen] = DEMO_CITIZENS;
assert.ok(citizen);

/** `hh:mm` on the Vietnam day `day` (YYYY-MM-DD). */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+07:00`);

/** The first day from `day` (a Vietnam date, tomorrow or later) on which the commune works (the engine's calendar). */
async function workingDayFrom(day: string): Promise<string> {
  let candidate = day;
  for (let i = 0; i < 30; i += 1) {
    const due = await computeUnitDueDate({
      db,
      unitId: commune.id,
      rule: { kind: 'sameDay', cutoff: { kind: 'time', after: '15:00' } },
      receivedAt: at(candidate, '09:00'),
    });
    if (vietnamDate(due.dueAt) === candidate) {
      return candidate;
    }
    candidate = vietnamDate(new Date(at(candidate, '12:00').getTime() + 86_400_000));
  }
  throw new Error(`no working day within 30 days of ${day}`);
}
const nextDay = (day: string) => vietnamDate(new Date(at(day, '12:00').getTime() + 86_400_000));
// Tomorrow or later: the signing certificates made today are valid then.
const day = await workingDayFrom(nextDay(vietnamDate(new Date())));
const followingWorkingDay = await workingDayFrom(nextDay(day));

async function dossierOf(code: string) {
  return db
    .selectFrom('dossiers as d')
    .leftJoin('dossier_workflows as w', 'w.dossier_id', 'd.id')
    .select(['d.status', 'd.due_at', 'd.received_at', 'w.finished_at', 'w.outcome', 'w.returned_at'])
    .where('d.code', '=', code)
    .executeTakeFirstOrThrow();
}

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
  // 09:00 on a working day: the citizen submits the certified-copy dossier online, with the original's scan.
  clock.set(at(day, '09:00'));
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

  // 09:10: the receptionist accepts it; it is due the same day (received before 15:00).
  clock.set(at(day, '09:10'));
  const reception = await staffPage(browser, origin, receptionist);
  await reception.goto(`${origin}/ho-so/${encodeURIComponent(code)}`);
  await reception.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await reception.waitForURL(/\?moi=1$/);
  const accepted = await dossierOf(code);
  assert.deepEqual(accepted.received_at, at(day, '09:10'));
  assert.ok(accepted.due_at);
  assert.equal(vietnamDate(accepted.due_at), day, 'a same-day certification received in the morning');
  await home.goto(`${origin}/cong-dan/ho-so/${encodeURIComponent(code)}`);
  const [yyyy, mm, dd] = day.split('-');
  assert.ok(((await home.locator('main').textContent()) ?? '').includes(`${dd}/${mm}/${yyyy}`));

  // 10:00: the officer certifies.
  clock.set(at(day, '10:00'));

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
  const year = registerYear(clock.now());
  const number = /(\d+\/1\/\d{4}\/SCT\/BS)/.exec((await desk.locator('.banner').textContent()) ?? '')?.[1];
  assert.equal(number, `1/1/${year}/SCT/BS`);
  await assertNoViolations(desk, 'certified, awaiting signature');
  await desk.goto(`${origin}/chung-thuc`);
  assert.match((await desk.locator('tbody').textContent()) ?? '', /1\/1\/\d{4}\/SCT\/BS.*Giấy khai sinh/s);
  await assertNoViolations(desk, 'register');

  // 14:00: the chairman signs with PIN + OTP, the clerk seals: processed on its due day, on time.
  clock.set(at(day, '14:00'));
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

  const processed = await dossierOf(code);
  assert.equal(processed.status, 9);
  assert.deepEqual(processed.finished_at, at(day, '14:00'));
  assert.equal(processed.outcome, 'on_time');

  // 15:30 the same afternoon: the citizen sees the dossier processed and downloads the signed copy.
  clock.set(at(day, '15:30'));
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
  // The download returned the result the same afternoon.
  const returned = await dossierOf(code);
  assert.equal(returned.status, 10);
  assert.deepEqual(returned.returned_at, at(day, '15:30'));

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
  assert.ok(text.includes(`Ngày ${dd} tháng ${mm} năm ${yyyy}, tại `), text);
  assert.match(text, /NGƯỜI THỰC HIỆN CHỨNG THỰC/);
  assert.match(text, /Hoàng Văn Chủ Tịch/);
  // Another citizen's session does not reach it; nor does anyone signed out.
  const stranger = await browser.newContext({ javaScriptEnabled: false });
  const anonymous = await stranger.request.get(`${origin}${href}`, { maxRedirects: 0 });
  assert.notEqual(anonymous.status(), 200);
  await stranger.close();
});

test('a certified copy submitted online after 15:00 is due the next working day', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser ??= await launchChromium();
  clock.set(at(day, '15:30'));
  const context = await browser.newContext({ javaScriptEnabled: false });
  const home = await context.newPage();
  await home.goto(`${origin}/cong-dan`);
  await home.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await home.waitForURL(/\/dev-oidc\/interaction\//);
  await home.getByRole('button', { name: `Đăng nhập là ${citizen.name}` }).click();
  await home.waitForURL(/\/cong-dan$/);
  await home.goto(`${origin}/cong-dan/nop-ho-so`);
  await home.getByRole('link', { name: /Chứng thực bản sao từ bản chính/ }).click();
  await home.fill('#address', citizen.address);
  await home.check('#doc-0');
  const scan = join(dataDir, 'giay-khai-sinh-chieu.jpg');
  writeFileSync(scan, colourScan());
  await home.setInputFiles('#file-0', scan);
  await home.getByRole('button', { name: 'Nộp hồ sơ' }).click();
  await home.waitForURL(/\/cong-dan\/ho-so\/.+\?moi=1$/);
  const code = decodeURIComponent(new URL(home.url()).pathname.split('/')[3] ?? '');
  clock.set(at(day, '15:35'));
  const reception = await staffPage(browser, origin, receptionist);
  await reception.goto(`${origin}/ho-so/${encodeURIComponent(code)}`);
  await reception.getByRole('button', { name: 'Tiếp nhận hồ sơ' }).click();
  await reception.waitForURL(/\?moi=1$/);
  const accepted = await dossierOf(code);
  assert.ok(accepted.due_at);
  assert.equal(vietnamDate(accepted.due_at), followingWorkingDay, 'after 15:00: the next working day');
  await context.close();
});
