import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RoleOnUnit, StaffActor } from './actor.ts';
import { assertCan, can, canAnywhere, PERMISSIONS, scopesFor } from './permissions.ts';
import { ROLES } from './roles.ts';

const PROVINCE = '/p/';
const COMMUNE = '/p/c1/';
const OTHER = '/p/c2/';

function actor(...roles: [RoleOnUnit['role'], string][]): StaffActor {
  return {
    kind: 'staff',
    staffId: 's',
    username: 'u',
    fullName: 'n',
    title: 't',
    roles: roles.map(([role, unitPath]) => ({ role, unitPath, unitId: unitPath, unitName: unitPath })),
  };
}

test('a role grants its permissions on its own unit only', () => {
  const leader = actor(['leader', COMMUNE]);
  assert.equal(can(leader, 'document.sign', { path: COMMUNE }), true);
  assert.equal(can(leader, 'document.sign', { path: OTHER }), false);
  assert.equal(can(leader, 'document.sign', { path: PROVINCE }), false);
  assert.equal(can(leader, 'document.seal', { path: COMMUNE }), false);
});

test('a leader of the province does not sign for a commune (signing is not inherited)', () => {
  assert.equal(can(actor(['leader', PROVINCE]), 'document.sign', { path: COMMUNE }), false);
});

test('unit administrators and auditors reach the whole subtree below their unit', () => {
  assert.equal(can(actor(['unit_admin', PROVINCE]), 'staff.manage', { path: COMMUNE }), true);
  assert.equal(can(actor(['auditor', PROVINCE]), 'audit.read', { path: OTHER }), true);
  assert.equal(can(actor(['unit_admin', COMMUNE]), 'staff.manage', { path: PROVINCE }), false);
  assert.equal(can(actor(['unit_admin', COMMUNE]), 'staff.manage', { path: OTHER }), false);
  // A path that merely starts with the same characters is not inside the subtree.
  assert.equal(can(actor(['unit_admin', '/p/c1/']), 'staff.manage', { path: '/p/c10/' }), false);
});

test('every permission names only known roles, and every role has some permission', () => {
  const used = new Set<string>();
  for (const roles of Object.values(PERMISSIONS)) {
    for (const role of roles) {
      assert.ok((ROLES as readonly string[]).includes(role), role);
      used.add(role);
    }
  }
  assert.deepEqual([...used].sort(), [...ROLES].sort());
});

test('canAnywhere, scopesFor and assertCan agree with can', () => {
  const clerk = actor(['clerk', COMMUNE], ['receptionist', OTHER]);
  assert.equal(canAnywhere(clerk, 'document.seal'), true);
  assert.equal(canAnywhere(clerk, 'staff.manage'), false);
  assert.deepEqual(
    scopesFor(clerk, 'dossier.receive').map((s) => s.unitPath),
    [OTHER],
  );
  assert.doesNotThrow(() => assertCan(clerk, 'document.seal', { path: COMMUNE }));
  assert.throws(
    () => assertCan(clerk, 'document.seal', { path: OTHER }),
    (e: unknown) => (e as { code?: string }).code === 'FORBIDDEN',
  );
});
