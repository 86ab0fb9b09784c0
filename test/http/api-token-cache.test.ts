// The memory of resolved bearer tokens (src/modules/identity/api-token-cache.ts): a change to who may do what
// made in this process takes effect on the very next request; a change made elsewhere (another server
// process, here a direct write) within API_TOKEN_CACHE_MS; the token's own expiry on every use.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { API_TOKEN_CACHE_MS } from '../../src/modules/identity/api-token-cache.ts';
import { issueApiToken } from '../../src/modules/identity/issue-api-token.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { resolveApiToken } from '../../src/modules/identity/resolve-api-token.ts';
import { revokeRole } from '../../src/modules/identity/revoke-role.ts';
import { setStaffDisabled } from '../../src/modules/identity/set-staff-disabled.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { createTestApp } from '../helpers/test-app.ts';

const { app, db } = await createTestApp();
const unit = await makeUnit(db);
const admin = await makeStaff(db, { unit, role: 'unit_admin' });
const adminRow = await findStaffById(db, admin.id);
assert.ok(adminRow);
const adminActor = await loadActor(db, adminRow);

async function tokenOf(staff: { username: string; password: string }): Promise<string> {
  return (await issueApiToken({ db, username: staff.username, password: staff.password, requestId: null }))
    .accessToken;
}
const me = (token: string) =>
  app.inject({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${token}` } });

test('disabling an account in this process refuses its remembered token on the very next request', async () => {
  const staff = await makeStaff(db, { unit });
  const token = await tokenOf(staff);
  assert.equal((await me(token)).statusCode, 200);
  assert.equal((await me(token)).statusCode, 200); // now remembered
  await setStaffDisabled({ db, actor: adminActor, requestId: null, staffId: staff.id, isDisabled: true });
  assert.equal((await me(token)).statusCode, 401);
});

test('revoking a role in this process removes it from the remembered actor at once', async () => {
  const staff = await makeStaff(db, { unit, role: 'clerk' });
  const token = await tokenOf(staff);
  assert.deepEqual(
    (await me(token)).json().roles.map((r: { role: string }) => r.role),
    ['clerk'],
  );
  await revokeRole({
    db,
    actor: adminActor,
    requestId: null,
    staffId: staff.id,
    unitId: unit.id,
    role: 'clerk',
  });
  assert.deepEqual((await me(token)).json().roles, []);
});

test('a revocation written by another process is seen within API_TOKEN_CACHE_MS', async () => {
  const staff = await makeStaff(db, { unit });
  const token = await tokenOf(staff);
  const t0 = new Date();
  assert.ok(await resolveApiToken({ db, token, now: t0 }));
  await db.updateTable('api_tokens').set({ revoked_at: t0 }).where('staff_id', '=', staff.id).execute();
  const soon = new Date(t0.getTime() + API_TOKEN_CACHE_MS - 1000);
  assert.ok(await resolveApiToken({ db, token, now: soon }), 'still remembered (the documented delay)');
  const later = new Date(t0.getTime() + API_TOKEN_CACHE_MS + 1);
  assert.equal(await resolveApiToken({ db, token, now: later }), undefined);
});

test('a remembered token is refused once its own expiry has passed', async () => {
  const staff = await makeStaff(db, { unit });
  const token = await tokenOf(staff);
  const row = await db
    .selectFrom('api_tokens')
    .select('expires_at')
    .where('staff_id', '=', staff.id)
    .executeTakeFirstOrThrow();
  const justBefore = new Date(row.expires_at.getTime() - 1000);
  assert.ok(await resolveApiToken({ db, token, now: justBefore }));
  assert.equal(await resolveApiToken({ db, token, now: new Date(row.expires_at.getTime() + 1) }), undefined);
});
