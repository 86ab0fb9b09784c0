// One authorisation test per sensitive staff-admin action (shared/STYLE.md, opencrvs *.scopes.test.ts):
// denied to a specialist and to the administrator of another commune, allowed to the administrator of
// the member's commune and of the province above it. Each allowed action leaves its audit event.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertStaffRole } from '../../src/modules/identity/staff.repository.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
const province = await makeUnit(db);
const commune = await makeUnit(db, { parent: province });
const otherCommune = await makeUnit(db, { parent: province });

let address = 0;
async function signedIn(staff: { username: string; password: string }): Promise<PageClient> {
  const browser = new PageClient(app, `10.2.0.${++address}`);
  const response = await browser.signIn(staff.username, staff.password);
  assert.equal(response.statusCode, 303);
  return browser;
}

const actors = {
  specialist: await makeStaff(db, { unit: commune, role: 'specialist' }),
  otherAdmin: await makeStaff(db, { unit: otherCommune, role: 'unit_admin' }),
  communeAdmin: await makeStaff(db, { unit: commune, role: 'unit_admin' }),
  provinceAdmin: await makeStaff(db, { unit: province, role: 'unit_admin' }),
};

interface Action {
  readonly name: string;
  readonly path: (memberId: string) => string;
  readonly form: Record<string, string>;
  readonly audit: string;
  /** Bring the member into a state where the action applies. */
  readonly prepare?: (memberId: string) => Promise<void>;
}

const ACTIONS: readonly Action[] = [
  {
    name: 'grant a role',
    path: (id) => `/admin/staff/${id}/roles`,
    form: { unitId: commune.id, role: 'receptionist' },
    audit: 'identity.role_granted',
  },
  {
    name: 'revoke a role',
    path: (id) => `/admin/staff/${id}/roles/revoke`,
    form: { unitId: commune.id, role: 'specialist' },
    audit: 'identity.role_revoked',
  },
  { name: 'disable', path: (id) => `/admin/staff/${id}/disable`, form: {}, audit: 'identity.staff_disabled' },
  {
    name: 'enable',
    path: (id) => `/admin/staff/${id}/enable`,
    form: {},
    audit: 'identity.staff_enabled',
    prepare: async (id) => {
      await db.updateTable('staff').set({ is_disabled: true }).where('id', '=', id).execute();
    },
  },
  {
    name: 'lift a lockout',
    path: (id) => `/admin/staff/${id}/unlock`,
    form: {},
    audit: 'identity.lockout_cleared',
    prepare: async (id) => {
      await db
        .updateTable('staff')
        .set({ locked_until: new Date(Date.now() + 600_000) })
        .where('id', '=', id)
        .execute();
    },
  },
  {
    name: 'reset the password',
    path: (id) => `/admin/staff/${id}/password`,
    form: { newPassword: 'a-brand-new-password' },
    audit: 'identity.password_reset',
  },
];

async function auditCount(memberId: string, action: string): Promise<number> {
  const rows = await db
    .selectFrom('audit_events')
    .select('seq')
    .where('subject_id', '=', memberId)
    .where('action', '=', action as never)
    .execute();
  return rows.length;
}

for (const action of ACTIONS) {
  test(`${action.name}: denied to a specialist (403) and to another commune's admin (404), allowed to admins above`, async () => {
    for (const [who, expected] of [
      ['specialist', 403],
      ['otherAdmin', 404],
      ['communeAdmin', 303],
      ['provinceAdmin', 303],
    ] as const) {
      const member = await makeStaff(db, { unit: commune, role: 'specialist' });
      await action.prepare?.(member.id);
      const before = await auditCount(member.id, action.audit);
      const browser = await signedIn(actors[who]);
      const page = await browser.get('/workspace');
      const response = await browser.post(action.path(member.id), {
        _csrf: PageClient.csrfFrom(page.body),
        ...action.form,
      });
      assert.equal(response.statusCode, expected, `${who}: ${response.body.slice(0, 300)}`);
      assert.equal(await auditCount(member.id, action.audit), before + (expected === 303 ? 1 : 0), who);
    }
  });
}

test("an account change names the unit the admin reaches the member through, so that unit's auditors see it", async () => {
  // A member working both at the province and in the commune: the commune's admin reaches them through the
  // commune only; the province's admin through both, and the event names the higher unit (the province).
  const member = await makeStaff(db, { unit: province, role: 'specialist' });
  await insertStaffRole(db, member.id, commune.id, 'clerk');
  for (const [who, path, unit] of [
    ['communeAdmin', 'disable', commune],
    ['provinceAdmin', 'enable', province],
  ] as const) {
    const browser = await signedIn(actors[who]);
    const response = await browser.post(`/admin/staff/${member.id}/${path}`, {
      _csrf: PageClient.csrfFrom((await browser.get('/workspace')).body),
    });
    assert.equal(response.statusCode, 303, who);
    const event = await db
      .selectFrom('audit_events')
      .select('unit_id')
      .where('subject_id', '=', member.id)
      .where('action', '=', `identity.staff_${path}d`)
      .executeTakeFirstOrThrow();
    assert.equal(event.unit_id, unit.id, who);
  }
});

test('creating a staff member: allowed on the own subtree only; a taken username is a 409 form error', async () => {
  const form = (unitId: string, username: string) => ({
    fullName: 'Phạm Thị Mới',
    username,
    title: 'Công chức',
    email: '',
    phone: '',
    unitId,
    role: 'receptionist',
    password: 'a-long-enough-password',
  });
  const admin = await signedIn(actors.communeAdmin);
  const csrf = PageClient.csrfFrom((await admin.get('/admin/staff/new')).body);
  const created = await admin.post('/admin/staff', { _csrf: csrf, ...form(commune.id, 'pham.moi') });
  assert.equal(created.statusCode, 303);
  const row = await db.selectFrom('staff').select('id').where('username', '=', 'pham.moi').executeTakeFirst();
  assert.ok(row);
  assert.equal(await auditCount(row.id, 'identity.staff_created'), 1);

  const taken = await admin.post('/admin/staff', { _csrf: csrf, ...form(commune.id, 'pham.moi') });
  assert.equal(taken.statusCode, 409);
  assert.match(taken.body, /error-summary/);

  const elsewhere = await admin.post('/admin/staff', { _csrf: csrf, ...form(otherCommune.id, 'pham.khac') });
  assert.equal(elsewhere.statusCode, 403);
  const none = await db
    .selectFrom('staff')
    .select('id')
    .where('username', '=', 'pham.khac')
    .executeTakeFirst();
  assert.equal(none, undefined, 'nothing half-written');

  const specialist = await signedIn(actors.specialist);
  const denied = await specialist.post('/admin/staff', {
    _csrf: PageClient.csrfFrom((await specialist.get('/workspace')).body),
    ...form(commune.id, 'pham.ba'),
  });
  assert.equal(denied.statusCode, 403);
});

test('an admin cannot disable their own account or revoke their own admin role (409)', async () => {
  const admin = await makeStaff(db, { unit: commune, role: 'unit_admin' });
  const browser = await signedIn(admin);
  const csrf = PageClient.csrfFrom((await browser.get('/workspace')).body);
  const disable = await browser.post(`/admin/staff/${admin.id}/disable`, { _csrf: csrf });
  assert.equal(disable.statusCode, 409);
  const revoke = await browser.post(`/admin/staff/${admin.id}/roles/revoke`, {
    _csrf: csrf,
    unitId: commune.id,
    role: 'unit_admin',
  });
  assert.equal(revoke.statusCode, 409);
});

test('a reset password works for sign-in and the old one no longer does', async () => {
  const member = await makeStaff(db, { unit: commune });
  const admin = await signedIn(actors.communeAdmin);
  const csrf = PageClient.csrfFrom((await admin.get('/workspace')).body);
  const reset = await admin.post(`/admin/staff/${member.id}/password`, {
    _csrf: csrf,
    newPassword: 'another-fresh-password',
  });
  assert.equal(reset.statusCode, 303);
  const old = await new PageClient(app, '10.2.1.1').signIn(member.username, member.password);
  assert.equal(old.statusCode, 401);
  const fresh = await new PageClient(app, '10.2.1.2').signIn(member.username, 'another-fresh-password');
  assert.equal(fresh.statusCode, 303);
});
