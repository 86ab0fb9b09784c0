// The staff workspace: one card per role held, linking to that role's pages where they exist.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeStaff } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
let address = 0;

async function workspaceOf(role: 'auditor' | 'unit_admin' | 'specialist'): Promise<string> {
  const staff = await makeStaff(db, { role });
  const browser = new PageClient(app, `10.3.0.${++address}`);
  await browser.signIn(staff.username, staff.password);
  const page = await browser.get('/workspace');
  assert.equal(page.statusCode, 200);
  return page.body;
}

test('an auditor is led to the audit log, an administrator to staff, the calendar and the catalogue', async () => {
  const auditor = await workspaceOf('auditor');
  assert.match(auditor, /href="\/audit"/);
  assert.doesNotMatch(auditor, /href="\/admin\/staff"/);
  const admin = await workspaceOf('unit_admin');
  for (const href of ['/admin/staff', '/admin/calendar', '/admin/procedures']) {
    assert.match(admin, new RegExp(`href="${href}"`));
  }
  const specialist = await workspaceOf('specialist');
  assert.doesNotMatch(specialist, /href="\/(audit|admin\/[a-z]+)"/);
});

test('the public home page links the procedures, the working calendar and the citizen sign-in', async () => {
  const home = await app.inject({ method: 'GET', url: '/' });
  for (const href of ['/thu-tuc', '/lich-lam-viec', '/cong-dan/dang-nhap']) {
    assert.match(home.body, new RegExp(`href="${href}"`));
  }
});
