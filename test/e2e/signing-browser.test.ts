// Signing in a real browser without JavaScript (issue 5 "Done when"; Debian's chromium through
// playwright-core): a specialist submits a PDF, the leader signs it from the queue with PIN + a one-time
// code computed from their TOTP secret, the clerk seals it, and poppler's pdfsig accepts both signatures
// with the demo root trusted (and not without it). axe-core finds no WCAG 2.2 AA violation on any page.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import { makeNssDb, pdfsig, toPem } from '../fixtures/pdf/tools.ts';
import { makeSigningUnit, SIGNING_PIN, type SigningPerson } from '../fixtures/signature-requests.ts';
import { assertNoAxeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';
import { requireTool } from '../helpers/tools.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'xaso-signing-browser-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));
const config = testConfig({ DATA_DIR: dataDir });
const { app, db } = await createTestApp({ config });
const people = await makeSigningUnit(db, config.secrets.keyEncryption);
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

let browser: Browser | undefined;
after(() => browser?.close());

/** axe-core on what a no-script page shows (test/helpers/browser.ts). */
function assertNoViolations(page: Page, label: string): Promise<void> {
  return assertNoAxeViolations(browser as Browser, page, label);
}

async function signedInPage(person: SigningPerson): Promise<Page> {
  const context = await (browser as Browser).newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/Tên đăng nhập/).fill(person.username);
  await page.getByLabel(/Mật khẩu/).fill(person.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);
  return page;
}

async function signFromQueue(page: Page, person: SigningPerson, path: string, button: RegExp, title: string) {
  await page.goto(`${baseUrl}${path}`);
  await assertNoViolations(page, `${path} queue`);
  await page.getByLabel(new RegExp(title)).check();
  await page.getByLabel('Mã PIN').fill(SIGNING_PIN);
  const code = await generate({ secret: person.totpSecret, epoch: Math.floor(Date.now() / 1000) });
  await page.getByLabel(/Mã xác thực một lần/).fill(code);
  await page.getByRole('button', { name: button }).click();
  await page.waitForURL(new RegExp(`${path}\\?da-ky=1$`));
  assert.match((await page.locator('.banner').textContent()) ?? '', /1 văn bản/);
  await assertNoViolations(page, `${path} after signing`);
}

test('a leader signs in the browser with PIN + OTP, the clerk seals, pdfsig accepts both', async (t) => {
  if (
    !requireTool(t, CHROMIUM, 'chromium') ||
    !requireTool(t, 'pdfsig', 'poppler-utils') ||
    !requireTool(t, 'certutil', 'libnss3-tools')
  ) {
    return;
  }
  browser = await launchChromium();
  const title = 'Quyết định phê duyệt kế hoạch';

  const specialist = await signedInPage(people.specialist);
  await specialist.goto(`${baseUrl}/trinh-ky/moi`);
  await assertNoViolations(specialist, 'new request form');
  await specialist.getByRole('button', { name: 'Trình ký' }).click();
  assert.match((await specialist.locator('.error-summary').textContent()) ?? '', /Trích yếu/);
  await assertNoViolations(specialist, 'new request form with errors');
  await specialist.getByLabel(/Trích yếu văn bản/).fill(title);
  const file = join(dataDir, 'qd.pdf');
  writeFileSync(file, await basePdf(2));
  await specialist.setInputFiles('#pdf', file);
  await specialist.getByRole('button', { name: 'Trình ký' }).click();
  await specialist.waitForURL(/\/trinh-ky\/[0-9a-f-]{36}\?moi=1$/);
  const id = /\/trinh-ky\/([0-9a-f-]{36})/.exec(specialist.url())?.[1] ?? '';
  await assertNoViolations(specialist, 'request page');

  const leader = await signedInPage(people.leader);
  await leader.goto(`${baseUrl}/ky-so/otp`);
  await assertNoViolations(leader, 'authenticator page');
  await signFromQueue(leader, people.leader, '/ky-duyet', /Ký các văn bản đã chọn/, title);
  const clerk = await signedInPage(people.clerk);
  await signFromQueue(clerk, people.clerk, '/dong-dau', /Đóng dấu các văn bản đã chọn/, title);
  await clerk.goto(`${baseUrl}/trinh-ky/${id}`);
  assert.match(await clerk.content(), /Đã ký và đóng dấu/);
  await assertNoViolations(clerk, 'completed request page');

  const visitor = await (browser as Browser).newContext({ javaScriptEnabled: false });
  const verify = await visitor.newPage();
  await verify.goto(`${baseUrl}/xac-minh/${id}`);
  assert.match(await verify.content(), /Chữ ký 2/);
  await assertNoViolations(verify, 'public verification page');
  await verify.goto(`${baseUrl}/xac-minh`);
  await assertNoViolations(verify, 'verification upload form');

  const row = await db
    .selectFrom('signature_requests')
    .select('current_sha256')
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const signed = await createFileSystemBlobStore(join(dataDir, 'blobs')).get(row.current_sha256);
  assert.ok(signed);
  const signedFile = join(dataDir, 'signed.pdf');
  writeFileSync(signedFile, signed);
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
    assert.equal(signature.subFilter, 'ETSI.CAdES.detached');
  }
  const untrusted = pdfsig(makeNssDb(join(dataDir, 'empty'), []), signedFile);
  assert.ok(untrusted.every((s) => !s.certificateTrusted));

  // The public upload form reports on the same file.
  await verify.goto(`${baseUrl}/xac-minh`);
  await verify.setInputFiles('#file', signedFile);
  await verify.getByRole('button', { name: 'Xác minh' }).click();
  assert.match(await verify.content(), /Chữ ký 2/);
  await assertNoViolations(verify, 'verification result');
  await visitor.close();
});
