// Audit coverage (issue 4 §1) of the foundation modules: organisation, identity, calendar, catalogue, dossier
// intake and views, signing, the log's own witnesses and the development OpenID provider. The trigger check
// and the per-file plan are in coverage.ts and plan.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { generate } from 'otplib';
import { createDevelopmentPki, writePkcs12 } from '../../src/lib/pki/index.ts';
import { generateCosignerKey } from '../../src/lib/tlog/index.ts';
import { addAuditWitness } from '../../src/modules/audit-log/add-audit-witness.ts';
import { deleteHolidayTable } from '../../src/modules/calendar/delete-holiday-table.ts';
import { setHolidayTable } from '../../src/modules/calendar/set-holiday-table.ts';
import { setOfficeHours } from '../../src/modules/calendar/set-office-hours.ts';
import { addProcedureVersion } from '../../src/modules/catalogue/add-procedure-version.ts';
import { adoptProcedure } from '../../src/modules/catalogue/adopt-procedure.ts';
import { createProcedure } from '../../src/modules/catalogue/create-procedure.ts';
import { loadSigningKeys } from '../../src/modules/dev-oidc/load-signing-keys.ts';
import { getDossier } from '../../src/modules/dossiers/get-dossier.ts';
import type { StaffActor } from '../../src/modules/identity/actor.ts';
import { clearLockout } from '../../src/modules/identity/clear-lockout.ts';
import { createStaff } from '../../src/modules/identity/create-staff.ts';
import { endSession } from '../../src/modules/identity/end-session.ts';
import { grantRole } from '../../src/modules/identity/grant-role.ts';
import { issueApiToken } from '../../src/modules/identity/issue-api-token.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { resetStaffPassword } from '../../src/modules/identity/reset-staff-password.ts';
import { revokeRole } from '../../src/modules/identity/revoke-role.ts';
import { setStaffDisabled } from '../../src/modules/identity/set-staff-disabled.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { startSession } from '../../src/modules/identity/start-session.ts';
import { createUnit } from '../../src/modules/organisation/create-unit.ts';
import { authorizeCredential } from '../../src/modules/signing/authorize-credential.ts';
import { changePin } from '../../src/modules/signing/change-pin.ts';
import { ensureDevelopmentPki } from '../../src/modules/signing/ensure-development-pki.ts';
import { importCaChain, importPkcs12Credential } from '../../src/modules/signing/import-credentials.ts';
import { issueCredential } from '../../src/modules/signing/issue-credential.ts';
import {
  renewCredential,
  revokeCredential,
  unlockCredential,
} from '../../src/modules/signing/manage-credential.ts';
import { confirmTotp, enrolTotp } from '../../src/modules/signing/totp.ts';
import { loadHolidayTable } from '../fixtures/calendar/fixtures.ts';
import { makeStaff, TEST_PASSWORD } from '../helpers/factories.ts';
import { testConfig } from '../helpers/test-app.ts';
import { minimalPdf, setUpDossierTests } from '../http/dossier-setup.ts';
import { auditCoverage, installAuditRefusal } from './coverage.ts';

const { app, db, dataDir, province, commune, content, staffWithToken } = await setUpDossierTests();
const config = testConfig({ DATA_DIR: dataDir });
const kek = config.secrets.keyEncryption;
/** SHA-256 (the hash algorithm of CSC signature requests). */
const SHA256_OID = '2.16.840.1.101.3.4.2.1';

await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'core');

async function actorOf(staffId: string): Promise<StaffActor> {
  const staff = await findStaffById(db, staffId);
  assert.ok(staff);
  return loadActor(db, staff);
}

const admin = await actorOf((await makeStaff(db, { unit: province, role: 'unit_admin' })).id);

test('organisation and identity: units, staff, roles, accounts, sessions, tokens', async () => {
  await exercise('organisation.unit_created', 'units', () =>
    createUnit({
      db,
      requestId: null,
      parentId: province.id,
      kind: 'commune',
      name: 'Xã Phủ Kín',
      sealName: 'UBND XÃ PHỦ KÍN',
      identifierCode: `${province.identifier_code}.COV1`,
    }),
  );
  const created = await exercise('identity.staff_created', 'staff', () =>
    createStaff({
      db,
      actor: admin,
      requestId: 'r1',
      username: 'coverage.staff',
      fullName: 'Phạm Văn Phủ',
      title: 'Chuyên viên',
      password: TEST_PASSWORD,
      unitId: commune.id,
      role: 'specialist',
    }),
  );
  const staffId = created?.id as string;
  await exercise('identity.role_granted', 'staff_roles', () =>
    grantRole({ db, actor: admin, requestId: 'r2', staffId, unitId: commune.id, role: 'clerk' }),
  );
  await exercise('identity.role_revoked', null, () =>
    revokeRole({ db, actor: admin, requestId: 'r3', staffId, unitId: commune.id, role: 'clerk' }),
  );
  await exercise('identity.staff_disabled', 'staff', () =>
    setStaffDisabled({ db, actor: admin, requestId: 'r4', staffId, isDisabled: true }),
  );
  await exercise('identity.staff_enabled', 'staff', () =>
    setStaffDisabled({ db, actor: admin, requestId: 'r5', staffId, isDisabled: false }),
  );
  await exercise('identity.password_reset', 'staff', () =>
    resetStaffPassword({ db, actor: admin, requestId: 'r6', staffId, newPassword: `${TEST_PASSWORD}-2` }),
  );
  await exercise(
    'identity.sign_in_failed',
    'staff',
    () => startSession({ db, username: 'coverage.staff', password: 'wrong-password-1', requestId: 'r7' }),
    { rejects: 'INVALID_CREDENTIALS' },
  );
  await exercise('identity.lockout_cleared', 'staff', () =>
    clearLockout({ db, actor: admin, requestId: 'r8', staffId }),
  );
  const session = await exercise('identity.signed_in', 'sessions', () =>
    startSession({ db, username: 'coverage.staff', password: `${TEST_PASSWORD}-2`, requestId: 'r9' }),
  );
  assert.ok(session);
  const { createHash } = await import('node:crypto');
  const sessionHash = createHash('sha256').update(session.token).digest('hex');
  const stored = await db.selectFrom('sessions').select('id_hash').where('staff_id', '=', staffId).execute();
  const hash = stored.find((s) => s.id_hash === sessionHash)?.id_hash ?? stored[0]?.id_hash ?? '';
  await exercise('identity.signed_out', 'sessions', async () => {
    await endSession({ db, actor: await actorOf(staffId), sessionHash: hash, requestId: 'r10' });
    // endSession is idempotent (no event for an ended session): the refused run must still fail.
  });
  await exercise('identity.token_issued', 'api_tokens', () =>
    issueApiToken({ db, username: 'coverage.staff', password: `${TEST_PASSWORD}-2`, requestId: 'r11' }),
  );
});

test('working calendar: holiday tables and office hours', async () => {
  await exercise('calendar.holiday_table_set', 'holiday_tables', () =>
    setHolidayTable({
      db,
      actor: admin,
      requestId: 'c1',
      unitId: province.id,
      table: loadHolidayTable('holidays-2027-hypothetical.json'),
    }),
  );
  await exercise('calendar.holiday_table_deleted', null, () =>
    deleteHolidayTable({ db, actor: admin, requestId: 'c2', unitId: province.id, year: 2027 }),
  );
  const hours = {
    sessions: [
      { from: '07:00', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ],
    workingWeekdays: [1, 2, 3, 4, 5],
  };
  await exercise('calendar.office_hours_set', 'office_hours', () =>
    setOfficeHours({ db, actor: admin, requestId: 'c3', unitId: commune.id, officeHours: hours as never }),
  );
  await exercise('calendar.office_hours_cleared', null, () =>
    setOfficeHours({ db, actor: admin, requestId: 'c4', unitId: commune.id, officeHours: null }),
  );
});

test('procedure catalogue: procedures, versions, adoptions', async () => {
  const created = await exercise('catalogue.procedure_created', 'procedures', () =>
    createProcedure({
      db,
      actor: admin,
      requestId: 'p1',
      unitId: province.id,
      code: 'COV.PROC',
      effectiveFrom: '2027-01-01',
      content,
    }),
  );
  const procedureId = created?.id as string;
  await exercise('catalogue.procedure_version_added', 'procedure_versions', () =>
    addProcedureVersion({
      db,
      actor: admin,
      requestId: 'p2',
      procedureId,
      effectiveFrom: '2027-06-01',
      content,
    }),
  );
  await exercise('catalogue.procedure_adopted', 'procedure_adoptions', () =>
    adoptProcedure({
      db,
      actor: admin,
      requestId: 'p3',
      procedureId,
      unitId: commune.id,
      effectiveFrom: '2027-07-01',
    }),
  );
});

test('dossiers: received, refused, viewed', async () => {
  const receptionist = await staffWithToken('receptionist');
  /** Intake through the API (a refusal when reasons are given); a refused append surfaces as a 500. */
  const intake = async (documents: unknown[], refusalReasons?: string) => {
    const response = await app.inject({
      method: 'POST',
      url: '/api/v1/dossiers',
      headers: { authorization: `Bearer ${receptionist.token}` },
      payload: {
        unitId: commune.id,
        procedureCode: 'TEST.DOSSIER',
        applicant: {
          fullName: 'Võ Thị Phủ',
          personalIdentifier: '001190099999',
          address: 'Xóm 3',
          phone: '0911111111',
        },
        documents,
        ...(refusalReasons ? { refusalReasons } : {}),
      },
    });
    if (response.statusCode !== 201) {
      throw new Error(`${response.statusCode} ${response.body}`);
    }
    return response.json() as { code: string };
  };
  const received = await exercise('dossier.received', 'dossiers', () =>
    intake([{ index: 0, files: [{ contentBase64: minimalPdf().toString('base64') }] }]),
  );
  assert.ok(received);
  await exercise('dossier.refused', 'dossiers', () => intake([{ index: 0, files: [] }], 'Thiếu giấy tờ'));
  // A read: nothing but the event is written, so there is no changed row to compare.
  await exercise('dossier.viewed', null, async () =>
    getDossier({ db, actor: await actorOf(receptionist.id), code: received.code, requestId: 'd1' }),
  );
});

test('signing: development PKI, credentials, PINs, second factor', async () => {
  await exercise('signing.pki_created', 'signing_authorities', () =>
    ensureDevelopmentPki({ db, keyEncryptionKey: kek }),
  );
  const leader = await makeStaff(db, { unit: commune, role: 'leader' });
  const unitAdmin = await actorOf((await makeStaff(db, { unit: commune, role: 'unit_admin' })).id);
  const issued = await exercise('signing.credential_issued', 'signing_credentials', () =>
    issueCredential({
      db,
      keyEncryptionKey: kek,
      actor: unitAdmin,
      requestId: 's1',
      kind: 'personal',
      unitId: commune.id,
      holderStaffId: leader.id,
      keyAlgorithm: 'ec-p256',
    }),
  );
  assert.ok(issued?.activationPin);
  const holder = await actorOf(leader.id);
  await exercise(
    'signing.pin_failed',
    'signing_credentials',
    () =>
      changePin({
        db,
        keyEncryptionKey: kek,
        actor: holder,
        requestId: 's2',
        credentialId: issued.credentialId,
        currentPin: '00000000',
        newPin: '975310',
      }),
    { rejects: 'INVALID_CREDENTIALS' },
  );
  await exercise('signing.pin_changed', 'signing_credentials', () =>
    changePin({
      db,
      keyEncryptionKey: kek,
      actor: holder,
      requestId: 's3',
      credentialId: issued.credentialId,
      currentPin: issued.activationPin as string,
      newPin: '975310',
    }),
  );
  const enrolled = await exercise('signing.totp_enrolled', 'signing_totp', () =>
    enrolTotp({ db, keyEncryptionKey: kek, staffId: leader.id, username: leader.username, requestId: 's4' }),
  );
  await exercise('signing.totp_confirmed', 'signing_totp', async () =>
    confirmTotp({
      db,
      keyEncryptionKey: kek,
      actor: holder,
      code: await generate({ secret: enrolled?.secret as string }),
      requestId: 's5',
    }),
  );
  // The authenticator as an administrator re-enrols it (confirmed, same secret): a fresh code step.
  const secret = enrolled?.secret as string;
  await enrolTotp({
    db,
    keyEncryptionKey: kek,
    staffId: leader.id,
    username: leader.username,
    requestId: null,
    secret,
    confirmed: true,
  });
  const hashes = [Buffer.alloc(32, 7).toString('base64')];
  const authorize = async (otp: string) =>
    authorizeCredential({
      db,
      keyEncryptionKey: kek,
      actor: holder,
      requestId: 's5b',
      credentialId: issued.credentialId,
      numSignatures: 1,
      hashes,
      hashAlgorithmOid: SHA256_OID,
      pin: '975310',
      otp,
    });
  await exercise('signing.authorized', 'signing_sads', async () => authorize(await generate({ secret })));
  await exercise(
    'signing.authorization_refused',
    'signing_credentials',
    async () => authorize((await generate({ secret })) === '000000' ? '111111' : '000000'),
    { rejects: 'INVALID_CREDENTIALS' },
  );
  await db
    .updateTable('signing_credentials')
    .set({ locked_at: new Date() })
    .where('id', '=', issued.credentialId)
    .execute();
  await exercise('signing.credential_unlocked', 'signing_credentials', () =>
    unlockCredential({ db, actor: unitAdmin, requestId: 's5c', credentialId: issued.credentialId }),
  );
  const renewed = await exercise('signing.credential_renewed', 'signing_credentials', () =>
    renewCredential({
      db,
      keyEncryptionKey: kek,
      actor: unitAdmin,
      requestId: 's6',
      credentialId: issued.credentialId,
    }),
  );
  assert.ok(renewed);
  await exercise('signing.credential_revoked', 'signing_credentials', () =>
    revokeCredential({
      db,
      actor: unitAdmin,
      requestId: 's7',
      credentialId: (renewed as { credentialId: string }).credentialId,
      reason: 'keyCompromise',
    }),
  );
});

test('signing: an external CA chain and a PKCS#12 credential it issued', async () => {
  const external = await createDevelopmentPki({ name: 'CA ngoài (thử)' });
  const pem = (der: Uint8Array) =>
    `-----BEGIN CERTIFICATE-----\n${Buffer.from(der)
      .toString('base64')
      .replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
  await exercise('signing.authority_imported', 'signing_authorities', () =>
    importCaChain({
      db,
      actor: admin,
      requestId: 'i1',
      unitId: province.id,
      certificates: Buffer.from(pem(external.issuingCa.certificate) + pem(external.root.certificate)),
    }),
  );
  const holder = await makeStaff(db, { unit: commune, role: 'leader' });
  const unitAdmin = await actorOf((await makeStaff(db, { unit: commune, role: 'unit_admin' })).id);
  await exercise('signing.credential_imported', 'signing_credentials', () =>
    importPkcs12Credential({
      db,
      keyEncryptionKey: kek,
      actor: unitAdmin,
      requestId: 'i2',
      unitId: commune.id,
      holderStaffId: holder.id,
      kind: 'personal',
      pkcs12: writePkcs12({
        privateKey: external.leader.privateKey,
        certificate: external.leader.certificate,
        chain: external.leader.chain,
        password: 'p12-secret',
      }),
      password: 'p12-secret',
      pin: '135790',
    }),
  );
});

test('the log itself and the development OpenID provider: witnesses, signing key', async () => {
  const witness = generateCosignerKey('witness.example/w1');
  await exercise('audit.witness_added', 'audit_witnesses', () =>
    addAuditWitness({ db, url: 'https://witness.example/w1', verifierKey: witness.verifierKey }),
  );
  await db.deleteFrom('dev_oidc_keys').execute();
  await exercise('dev_oidc.key_created', 'dev_oidc_keys', () => loadSigningKeys(db));
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
