// Audit coverage (issue 4 §1) of the foundation modules: organisation, identity, calendar, catalogue, dossier
// intake and views, the log's own witnesses and the development OpenID provider. The trigger check
// and the per-file plan are in coverage.ts and plan.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
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
import { loadHolidayTable } from '../fixtures/calendar/fixtures.ts';
import { makeStaff, TEST_PASSWORD } from '../helpers/factories.ts';
import { minimalPdf, setUpDossierTests } from '../http/dossier-setup.ts';
import { auditCoverage, by, installAuditRefusal } from './coverage.ts';

const { app, db, province, commune, content, staffWithToken } = await setUpDossierTests();

await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'core');

async function actorOf(staffId: string): Promise<StaffActor> {
  const staff = await findStaffById(db, staffId);
  assert.ok(staff);
  return loadActor(db, staff);
}

const admin = await actorOf((await makeStaff(db, { unit: province, role: 'unit_admin' })).id);

test('organisation and identity: units, staff, roles, accounts, sessions, tokens', async () => {
  await exercise(
    'organisation.unit_created',
    'units',
    () =>
      createUnit({
        db,
        requestId: null,
        parentId: province.id,
        kind: 'commune',
        name: 'Xã Phủ Kín',
        sealName: 'UBND XÃ PHỦ KÍN',
        identifierCode: `${province.identifier_code}.COV1`,
      }),
    {
      expect: (unit) => ({
        actor: { type: 'system', id: null },
        unit: unit?.id,
        subject: { type: 'unit', id: unit?.id },
      }),
    },
  );
  const created = await exercise(
    'identity.staff_created',
    'staff',
    () =>
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
    { expect: (staff) => by(admin.staffId, commune.id, 'staff', staff?.id) },
  );
  const staffId = created?.id as string;
  await exercise(
    'identity.role_granted',
    'staff_roles',
    () => grantRole({ db, actor: admin, requestId: 'r2', staffId, unitId: commune.id, role: 'clerk' }),
    { expect: () => by(admin.staffId, commune.id, 'staff', staffId) },
  );
  await exercise(
    'identity.role_revoked',
    null,
    () => revokeRole({ db, actor: admin, requestId: 'r3', staffId, unitId: commune.id, role: 'clerk' }),
    { expect: () => by(admin.staffId, commune.id, 'staff', staffId) },
  );
  await exercise(
    'identity.staff_disabled',
    'staff',
    () => setStaffDisabled({ db, actor: admin, requestId: 'r4', staffId, isDisabled: true }),
    { expect: () => by(admin.staffId, commune.id, 'staff', staffId) },
  );
  await exercise(
    'identity.staff_enabled',
    'staff',
    () => setStaffDisabled({ db, actor: admin, requestId: 'r5', staffId, isDisabled: false }),
    { expect: () => by(admin.staffId, commune.id, 'staff', staffId) },
  );
  await exercise(
    'identity.password_reset',
    'staff',
    () =>
      resetStaffPassword({ db, actor: admin, requestId: 'r6', staffId, newPassword: `${TEST_PASSWORD}-2` }),
    { expect: () => by(admin.staffId, commune.id, 'staff', staffId) },
  );
  await exercise(
    'identity.sign_in_failed',
    'staff',
    () => startSession({ db, username: 'coverage.staff', password: 'wrong-password-1', requestId: 'r7' }),
    {
      rejects: 'INVALID_CREDENTIALS',
      expect: () => ({
        actor: { type: 'anonymous', id: null },
        unit: null,
        subject: { type: 'staff', id: staffId },
      }),
    },
  );
  await exercise(
    'identity.lockout_cleared',
    'staff',
    () => clearLockout({ db, actor: admin, requestId: 'r8', staffId }),
    { expect: () => by(admin.staffId, commune.id, 'staff', staffId) },
  );
  const session = await exercise(
    'identity.signed_in',
    'sessions',
    () => startSession({ db, username: 'coverage.staff', password: `${TEST_PASSWORD}-2`, requestId: 'r9' }),
    { expect: () => by(staffId, null, 'staff', staffId) },
  );
  assert.ok(session);
  const { createHash } = await import('node:crypto');
  const sessionHash = createHash('sha256').update(session.token).digest('hex');
  const stored = await db.selectFrom('sessions').select('id_hash').where('staff_id', '=', staffId).execute();
  const hash = stored.find((s) => s.id_hash === sessionHash)?.id_hash ?? stored[0]?.id_hash ?? '';
  await exercise(
    'identity.signed_out',
    'sessions',
    async () => {
      await endSession({ db, actor: await actorOf(staffId), sessionHash: hash, requestId: 'r10' });
      // endSession is idempotent (no event for an ended session): the refused run must still fail.
    },
    { expect: () => by(staffId, null, 'staff', staffId) },
  );
  await exercise(
    'identity.token_issued',
    'api_tokens',
    () => issueApiToken({ db, username: 'coverage.staff', password: `${TEST_PASSWORD}-2`, requestId: 'r11' }),
    { expect: () => by(staffId, null, 'staff', staffId) },
  );
});

test('working calendar: holiday tables and office hours', async () => {
  await exercise(
    'calendar.holiday_table_set',
    'holiday_tables',
    () =>
      setHolidayTable({
        db,
        actor: admin,
        requestId: 'c1',
        unitId: province.id,
        table: loadHolidayTable('holidays-2027-hypothetical.json'),
      }),
    { expect: by(admin.staffId, province.id, 'holiday_table') },
  );
  await exercise(
    'calendar.holiday_table_deleted',
    null,
    () => deleteHolidayTable({ db, actor: admin, requestId: 'c2', unitId: province.id, year: 2027 }),
    { expect: by(admin.staffId, province.id, 'holiday_table') },
  );
  const hours = {
    sessions: [
      { from: '07:00', to: '11:30' },
      { from: '13:30', to: '17:00' },
    ],
    workingWeekdays: [1, 2, 3, 4, 5],
  };
  await exercise(
    'calendar.office_hours_set',
    'office_hours',
    () =>
      setOfficeHours({ db, actor: admin, requestId: 'c3', unitId: commune.id, officeHours: hours as never }),
    { expect: by(admin.staffId, commune.id, 'unit', commune.id) },
  );
  await exercise(
    'calendar.office_hours_cleared',
    null,
    () => setOfficeHours({ db, actor: admin, requestId: 'c4', unitId: commune.id, officeHours: null }),
    { expect: by(admin.staffId, commune.id, 'unit', commune.id) },
  );
});

test('procedure catalogue: procedures, versions, adoptions', async () => {
  const created = await exercise(
    'catalogue.procedure_created',
    'procedures',
    () =>
      createProcedure({
        db,
        actor: admin,
        requestId: 'p1',
        unitId: province.id,
        code: 'COV.PROC',
        effectiveFrom: '2027-01-01',
        content,
      }),
    { expect: (procedure) => by(admin.staffId, province.id, 'procedure', procedure?.id) },
  );
  const procedureId = created?.id as string;
  await exercise(
    'catalogue.procedure_version_added',
    'procedure_versions',
    () =>
      addProcedureVersion({
        db,
        actor: admin,
        requestId: 'p2',
        procedureId,
        effectiveFrom: '2027-06-01',
        content,
      }),
    { expect: () => by(admin.staffId, province.id, 'procedure', procedureId) },
  );
  await exercise(
    'catalogue.procedure_adopted',
    'procedure_adoptions',
    () =>
      adoptProcedure({
        db,
        actor: admin,
        requestId: 'p3',
        procedureId,
        unitId: commune.id,
        effectiveFrom: '2027-07-01',
      }),
    { expect: () => by(admin.staffId, commune.id, 'procedure', procedureId) },
  );
});

test('dossiers: received, refused, viewed, listed', async () => {
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
    return response.json() as { id: string; code: string };
  };
  const received = await exercise(
    'dossier.received',
    'dossiers',
    () => intake([{ index: 0, files: [{ contentBase64: minimalPdf().toString('base64') }] }]),
    { expect: (dossier) => by(receptionist.id, commune.id, 'dossier', dossier?.id) },
  );
  assert.ok(received);
  await exercise('dossier.refused', 'dossiers', () => intake([{ index: 0, files: [] }], 'Thiếu giấy tờ'), {
    expect: (dossier) => by(receptionist.id, commune.id, 'dossier', dossier?.id),
  });
  // A read: nothing but the event is written, so there is no changed row to compare.
  await exercise(
    'dossier.viewed',
    null,
    async () =>
      getDossier({ db, actor: await actorOf(receptionist.id), code: received.code, requestId: 'd1' }),
    { expect: () => by(receptionist.id, commune.id, 'dossier', received.id) },
  );
  // A list naming applicants: the work queue over the API (the one-stop desk sees the dossier received).
  await exercise(
    'register.viewed',
    null,
    async () => {
      const response = await app.inject({
        method: 'GET',
        url: '/api/v1/work-queues',
        headers: { authorization: `Bearer ${receptionist.token}` },
      });
      if (response.statusCode !== 200) {
        throw new Error(`${response.statusCode} ${response.body}`);
      }
      assert.ok(
        (response.json() as { items: { code: string }[] }).items.some((i) => i.code === received.code),
      );
    },
    { expect: () => by(receptionist.id, commune.id, 'register', 'work-queue') },
  );
});

test('the log itself and the development OpenID provider: witnesses, signing key', async () => {
  const witness = generateCosignerKey('witness.example/w1');
  await exercise(
    'audit.witness_added',
    'audit_witnesses',
    () => addAuditWitness({ db, url: 'https://witness.example/w1', verifierKey: witness.verifierKey }),
    { expect: { actor: { type: 'system', id: null }, unit: null, subject: { type: 'witness' } } },
  );
  await db.deleteFrom('dev_oidc_keys').execute();
  await exercise('dev_oidc.key_created', 'dev_oidc_keys', () => loadSigningKeys(db), {
    expect: { actor: { type: 'system', id: null }, unit: null, subject: { type: 'dev_oidc_key' } },
  });
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
