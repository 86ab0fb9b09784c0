// A real browser (Debian's chromium through playwright-core) against the real server: the public home page
// has no axe-core violations, and a leader signs in and sees the workspace (issue 2 §10).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { axeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { requireTool } from '../helpers/tools.ts';

let server: ServerProcess | undefined;
let browser: Browser | undefined;

before(async () => {
  server = await startServerProcess({ env: { XASO_DEMO: 'true' } });
});
after(async () => {
  await browser?.close();
  await server?.stop();
});

async function openBrowser(): Promise<Browser> {
  browser ??= await launchChromium();
  return browser;
}

async function violationsAt(url: string): Promise<string[]> {
  const context = await (await openBrowser()).newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(url);
  const violations = await axeViolations(page);
  await context.close();
  return violations;
}

for (const [name, path] of [
  ['the public home page', '/'],
  ['the sign-in page', '/sign-in'],
  ['the English home page', '/lang/en?next=/'],
] as const) {
  test(`${name} has no axe-core violations (WCAG 2.2 AA)`, async (t) => {
    if (!requireTool(t, CHROMIUM, 'chromium')) {
      return;
    }
    assert.ok(server);
    const violations = await violationsAt(`${server.baseUrl}${path}`);
    assert.deepEqual(violations, []);
  });
}

test('a leader signs in with the form and sees the workspace; it passes axe too', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  assert.ok(server);
  const context = await (await openBrowser()).newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(`${server.baseUrl}/`);
  assert.equal(await page.getAttribute('html', 'lang'), 'vi');
  await page
    .getByRole('link', { name: /Đăng nhập/ })
    .first()
    .click();
  await page.getByLabel(/Tên đăng nhập/).fill('binhca.chutich');
  await page.getByLabel(/Mật khẩu/).fill('demo-xaso-2026');
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);
  const heading = await page.getByRole('heading', { level: 1 }).textContent();
  assert.ok(heading && heading.length > 0);
  const text = await page.locator('main').textContent();
  assert.match(text ?? '', /Bình Ca/);
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
