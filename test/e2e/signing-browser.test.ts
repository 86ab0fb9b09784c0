// Signing in a real browser without JavaScript (issue 5 "Done when"; Debian's chromium through
// playwright-core): a specialist submits a PDF, the leader signs it from the queue with PIN + a one-time
// code computed from their TOTP secret, the clerk seals it, and poppler's pdfsig accepts both signatures
// with the demo root trusted (and not without it). axe-core finds no WCAG 2.2 AA violation on any page.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createFileSystemBlobStore } from '../../src/platform/blob-store/file-system-blob-store.ts';
import { basePdf } from '../fixtures/pdf/corpus.ts';
import { makeNssDb, pdfsig } from '../fixtures/pdf/tools.ts';
import { pdfsigWithDemoRoot } from '../fixtures/pdf/trusted-pdfsig.ts';
import { makeSigningUnit } from '../fixtures/signature-requests.ts';
import { assertNoAxeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { signFromQueue, staffPage } from '../helpers/staff-browser.ts';
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

  const specialist = await staffPage(browser, baseUrl, people.specialist);
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

  const leader = await staffPage(browser, baseUrl, people.leader);
  await leader.goto(`${baseUrl}/ky-so/otp`);
  await assertNoViolations(leader, 'authenticator page');
  await signFromQueue(browser, leader, {
    baseUrl,
    person: people.leader,
    path: '/ky-duyet',
    button: /Ký các văn bản đã chọn/,
    title,
  });
  const clerk = await staffPage(browser, baseUrl, people.clerk);
  await signFromQueue(browser, clerk, {
    baseUrl,
    person: people.clerk,
    path: '/dong-dau',
    button: /Đóng dấu các văn bản đã chọn/,
    title,
  });
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
  const signatures = await pdfsigWithDemoRoot(db, dataDir, signedFile);
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
