// A real browser (Debian's chromium through playwright-core) against the real server: a demo citizen signs
// in from the home page through the bundled OpenID Connect provider and sees /cong-dan; the provider's
// login page and the citizen pages have no axe-core violations (issue 6 §3 "Online").
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { requireTool } from '../helpers/tools.ts';

let server: ServerProcess | undefined;
let browser: Browser | undefined;

before(async () => {
  server = await startServerProcess({ env: { XASO_DEMO: 'true' }, timeoutMs: 90_000 });
});
/**
 * The provider's redirects use PUBLIC_URL, which defaults to http://localhost:<port>: the browser must use
 * that very origin, or the sign-in cookies would not come back with the callback.
 */
function origin(): string {
  assert.ok(server);
  return server.baseUrl.replace('127.0.0.1', 'localhost');
}
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

async function runAxe(page: Page): Promise<string[]> {
  return await axeViolations(page);
}

test('a demo citizen signs in from the home page and sees /cong-dan; every page on the way passes axe', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  const context = await (await openBrowser()).newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${origin()}/`);
  await page.getByRole('link', { name: 'Đăng nhập công dân' }).click();

  await page.waitForURL(/\/dev-oidc\/interaction\//);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  assert.match(
    (await page.getByRole('heading', { level: 1 }).textContent()) ?? '',
    /Máy chủ định danh thử nghiệm/,
  );
  assert.deepEqual(await runAxe(page), [], 'the provider login page');

  await page.getByRole('button', { name: 'Đăng nhập là Ma Thị Hoa' }).click();
  await page.waitForURL(/\/cong-dan$/);
  assert.match((await page.getByRole('heading', { level: 1 }).textContent()) ?? '', /Xin chào, Ma Thị Hoa/);
  const main = (await page.locator('main').textContent()) ?? '';
  assert.match(main, /Hồ sơ của tôi/);
  assert.match(main, /008192013587/);
  assert.deepEqual(await runAxe(page), [], 'the citizen page');

  await page.getByRole('button', { name: 'Đăng xuất' }).click();
  await page.waitForURL(/\/cong-dan\?notice=signedOut$/);
  assert.match((await page.locator('main').textContent()) ?? '', /Bạn đã đăng xuất/);
  assert.deepEqual(await runAxe(page), [], 'the citizen sign-in page');
  await context.close();
});

test('the citizen sign-in page works without JavaScript up to the provider and back', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  const context = await (await openBrowser()).newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${origin()}/cong-dan`);
  await page.getByRole('link', { name: 'Đăng nhập bằng VNeID' }).click();
  await page.getByRole('button', { name: 'Đăng nhập là Sùng A Chu' }).click();
  await page.waitForURL(/\/cong-dan$/);
  assert.match((await page.locator('main').textContent()) ?? '', /Sùng A Chu/);
  await context.close();
});
