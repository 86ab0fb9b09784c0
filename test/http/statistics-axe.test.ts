// The statistics and notification pages in a real browser (Debian's chromium through playwright-core):
// used without JavaScript (filter, open the register), and no axe-core violations (WCAG 2.2 AA) on each.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { deliverNotifications } from '../../src/modules/notifications/deliver-notifications.ts';
import { axeViolations, CHROMIUM, launchChromium } from '../helpers/browser.ts';
import { makeStaff } from '../helpers/factories.ts';
import { requireTool } from '../helpers/tools.ts';
import { receiveByApi, setUpDossierTests } from './dossier-setup.ts';
import { importOctoberDossiers } from './statistics-setup.ts';

const { app, db, commune, staffWithToken } = await setUpDossierTests();
const receptionist = await staffWithToken('receptionist');
const leader = await makeStaff(db, { unit: commune, role: 'leader' });
await importOctoberDossiers(db, commune.id);
const received = await receiveByApi(app, { token: receptionist.token, unitId: commune.id });
// No channel configured: the messages end skipped, so the pages show the resend button too.
await deliverNotifications({ db, channels: new Map(), publicUrl: 'http://localhost' });
const baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });

let browser: Browser | undefined;
after(() => browser?.close());

async function signIn(page: Page, staff: { username: string; password: string }) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel(/Tên đăng nhập/).fill(staff.username);
  await page.getByLabel(/Mật khẩu/).fill(staff.password);
  await page.getByRole('button', { name: /Đăng nhập/ }).click();
  await page.waitForURL(/\/workspace$/);
}

test('the dashboard filters and opens the register without JavaScript', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser ??= await launchChromium();
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, leader);
  await page.goto(`${baseUrl}/thong-ke`);
  await page.fill('#from', '2026-10-01');
  await page.fill('#to', '2026-10-31');
  await page.getByRole('button', { name: 'Xem thống kê' }).click();
  await page.waitForURL(/from=2026-10-01&to=2026-10-31/);
  assert.match((await page.locator('tfoot').textContent()) ?? '', /66,7 %/);
  await page.getByRole('link', { name: /Sổ theo dõi hồ sơ/ }).click();
  await page.waitForURL(/\/thong-ke\/so-theo-doi\?/);
  assert.equal(await page.locator('tbody tr').count(), 4);
  await context.close();
});

test('statistics, register, notifications and the dossier page have no axe-core violations', async (t) => {
  if (!requireTool(t, CHROMIUM, 'chromium')) {
    return;
  }
  browser ??= await launchChromium();
  // axe runs as a script: this context allows it (bypassCSP); the pages themselves need none.
  for (const [staff, paths] of [
    [
      leader,
      [
        '/thong-ke?from=2026-09-01&to=2026-11-30',
        '/thong-ke/so-theo-doi?from=2026-10-01&to=2026-10-31',
        '/workspace',
        '/thong-ke?from=2026-10-31&to=2026-10-01',
      ],
    ],
    [receptionist, ['/thong-bao', `/ho-so/${encodeURIComponent(received.code)}`]],
  ] as const) {
    const context = await browser.newContext({ bypassCSP: true });
    const page = await context.newPage();
    await signIn(page, staff);
    for (const path of paths) {
      await page.goto(`${baseUrl}${path}`);
      assert.deepEqual(await axeViolations(page), [], path);
    }
    await context.close();
  }
});
