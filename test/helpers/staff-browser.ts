// Staff in chromium without JavaScript (browser tests of signing and results): sign in with the password
// form, and sign or seal one request from the leader's (/ky-duyet) or the clerk's (/dong-dau) queue with
// PIN + the one-time code of the person's TOTP secret, axe-checked after.
import assert from 'node:assert/strict';
import { generate } from 'otplib';
import type { Browser, Page } from 'playwright-core';
import { SIGNING_PIN, type SigningPerson } from '../fixtures/signature-requests.ts';
import { assertNoAxeViolations } from './browser.ts';

export async function staffPage(
  browser: Browser,
  baseUrl: string,
  person: Pick<SigningPerson, 'username' | 'password'>,
): Promise<Page> {
  const context = await browser.newContext({ javaScriptEnabled: false, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/Tên đăng nhập/).fill(person.username);
  await page.getByLabel(/Mật khẩu/).fill(person.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);
  return page;
}

export async function signFromQueue(
  browser: Browser,
  page: Page,
  o: { baseUrl: string; person: SigningPerson; path: string; button: RegExp; title: string },
): Promise<void> {
  await page.goto(`${o.baseUrl}${o.path}`);
  await assertNoAxeViolations(browser, page, `${o.path} queue`);
  await page.getByLabel(new RegExp(o.title)).check();
  await page.getByLabel('Mã PIN').fill(SIGNING_PIN);
  const code = await generate({ secret: o.person.totpSecret, epoch: Math.floor(Date.now() / 1000) });
  await page.getByLabel(/Mã xác thực một lần/).fill(code);
  await page.getByRole('button', { name: o.button }).click();
  await page.waitForURL(new RegExp(`${o.path}\\?da-ky=1$`));
  assert.match((await page.locator('.banner').textContent()) ?? '', /1 văn bản/);
  await assertNoAxeViolations(browser, page, `${o.path} after signing`);
}
