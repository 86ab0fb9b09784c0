// Certificate pages for unit administrators (issue 5 §1): list with expiry warnings, details; denied to
// staff without unit.configure and to administrators of other units.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { issueCredential } from '../../src/modules/signing/issue-credential.ts';
import { makeStaff, makeUnit } from '../helpers/factories.ts';
import { PageClient } from '../helpers/http.ts';
import { createTestApp, testConfig } from '../helpers/test-app.ts';

const config = testConfig();
const { app, db } = await createTestApp({ config });

test('an administrator lists the unit’s certificates with expiry warnings and opens one', async () => {
  const province = await makeUnit(db);
  const unit = await makeUnit(db, { parent: province, kind: 'commune' });
  const other = await makeUnit(db, { parent: province, kind: 'commune' });
  const leader = await makeStaff(db, { unit, role: 'leader', fullName: 'Hoàng Văn Thành' });
  const clerk = await makeStaff(db, { unit, role: 'clerk', fullName: 'Vũ Thị Mai' });
  const admin = await makeStaff(db, { unit, role: 'unit_admin' });
  const otherAdmin = await makeStaff(db, { unit: other, role: 'unit_admin' });
  const common = {
    db,
    keyEncryptionKey: config.secrets.keyEncryption,
    actor: null,
    requestId: null,
    unitId: unit.id,
  };
  const personal = await issueCredential({
    ...common,
    kind: 'personal',
    holderStaffId: leader.id,
    keyAlgorithm: 'ec-p256',
  });
  await issueCredential({ ...common, kind: 'seal', holderStaffId: clerk.id, validityDays: 10 });

  const browser = new PageClient(app, '10.5.0.1');
  await browser.signIn(admin.username, admin.password);
  const list = await browser.get('/admin/certificates');
  assert.equal(list.statusCode, 200);
  assert.match(list.body, /Hoàng Văn Thành/);
  assert.match(list.body, /Vũ Thị Mai/);
  assert.match(list.body, /Cơ quan \(con dấu\)/);
  assert.equal((list.body.match(/Sắp hết hạn/g) ?? []).length, 1, 'only the 10-day seal is flagged');
  const detail = await browser.get(`/admin/certificates/${personal.credentialId}`);
  assert.equal(detail.statusCode, 200);
  assert.match(detail.body, /CN=Hoàng Văn Thành/);
  assert.match(detail.body, /Demo Government Specialized CA - NOT FOR PRODUCTION/);

  const asLeader = new PageClient(app, '10.5.0.2');
  await asLeader.signIn(leader.username, leader.password);
  assert.equal((await asLeader.get('/admin/certificates')).statusCode, 403);
  const asOtherAdmin = new PageClient(app, '10.5.0.3');
  await asOtherAdmin.signIn(otherAdmin.username, otherAdmin.password);
  assert.equal((await asOtherAdmin.get(`/admin/certificates/${personal.credentialId}`)).statusCode, 403);
  assert.doesNotMatch((await asOtherAdmin.get('/admin/certificates')).body, /Hoàng Văn Thành/);
});
