// Audit coverage (issue 4 §1) of the foundation's less travelled paths: an adoption adjusted and withdrawn,
// the fifth wrong password locking an account, the fifth wrong PIN locking a credential, a signHash under a
// SAD, and a bulk import of past dossiers. Each append refused (nothing changes: the failure counters
// included) and then run. See coverage.ts.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { adoptProcedure, NO_ADJUSTMENTS } from '../../src/modules/catalogue/adopt-procedure.ts';
import { importDossierHistory } from '../../src/modules/dossiers/import-dossier-history.ts';
import { loadActor } from '../../src/modules/identity/load-actor.ts';
import { findStaffById } from '../../src/modules/identity/staff.repository.ts';
import { startSession } from '../../src/modules/identity/start-session.ts';
import { authorizeCredential } from '../../src/modules/signing/authorize-credential.ts';
import { changePin } from '../../src/modules/signing/change-pin.ts';
import { signHashes } from '../../src/modules/signing/sign-hashes.ts';
import { makePerson, otpClock, SIGNING_PIN } from '../fixtures/signature-requests.ts';
import { makeStaff } from '../helpers/factories.ts';
import { ECDSA_SHA256 } from '../http/csc-helpers.ts';
import { PROCEDURE_CODE, setUpDossierTests } from '../http/dossier-setup.ts';
import { auditCoverage, installAuditRefusal, staffActor } from './coverage.ts';

const { db, province, commune } = await setUpDossierTests();
const kek = new Uint8Array(32).fill(9);
const tick = otpClock();
const SHA256_OID = '2.16.840.1.101.3.4.2.1';
const adminRow = await findStaffById(db, (await makeStaff(db, { unit: province, role: 'unit_admin' })).id);
assert.ok(adminRow);
const admin = await loadActor(db, adminRow);
const signer = await makePerson(db, kek, commune, 'leader');
await installAuditRefusal(db);
const { exercise, assertPlanDone } = auditCoverage(db, 'foundation');

test('the fifth wrong password locks the account', async () => {
  const staff = await makeStaff(db, { unit: commune, role: 'receptionist' });
  const wrong = () =>
    startSession({ db, username: staff.username, password: 'not-the-password', requestId: null });
  for (let i = 0; i < 4; i++) {
    await assert.rejects(wrong(), { code: 'INVALID_CREDENTIALS' });
  }
  await exercise('identity.account_locked', 'staff', wrong, {
    rejects: 'ACCOUNT_LOCKED',
    expect: { actor: { type: 'anonymous', id: null }, unit: null, subject: { type: 'staff', id: staff.id } },
  });
});

test('the fifth wrong PIN locks the credential', async () => {
  const holder = await makePerson(db, kek, commune, 'leader');
  const credentialId = holder.credentialId as string;
  const wrong = () =>
    changePin({
      db,
      keyEncryptionKey: kek,
      actor: holder.actor,
      requestId: null,
      credentialId,
      currentPin: '000000',
      newPin: '246801',
    });
  for (let i = 0; i < 4; i++) {
    await assert.rejects(wrong(), { code: 'INVALID_CREDENTIALS' });
  }
  await exercise('signing.credential_locked', 'signing_credentials', wrong, {
    rejects: 'ACCOUNT_LOCKED',
    expect: {
      actor: staffActor(holder.id),
      unit: commune.id,
      subject: { type: 'credential', id: credentialId },
    },
  });
});

test('hashes signed under a SAD', async () => {
  const credentialId = signer.credentialId as string;
  const hashes = [Buffer.alloc(32, 3).toString('base64')];
  const { now, otp } = await tick(signer.totpSecret);
  const { sad } = await authorizeCredential({
    db,
    keyEncryptionKey: kek,
    actor: signer.actor,
    requestId: null,
    credentialId,
    numSignatures: 1,
    hashes,
    hashAlgorithmOid: SHA256_OID,
    pin: SIGNING_PIN,
    otp,
    now,
  });
  const signatures = await exercise(
    'signing.hashes_signed',
    'signing_sads',
    () =>
      signHashes({
        db,
        keyEncryptionKey: kek,
        actor: signer.actor,
        requestId: null,
        credentialId,
        sad,
        hashes,
        hashAlgorithmOid: SHA256_OID,
        signAlgorithmOid: ECDSA_SHA256,
        now,
      }),
    {
      expect: {
        actor: staffActor(signer.id),
        unit: commune.id,
        subject: { type: 'credential', id: credentialId },
      },
    },
  );
  assert.equal(signatures?.length, 1);
});

test('past dossiers imported in bulk', async () => {
  const version = await db
    .selectFrom('procedure_versions')
    .innerJoin('procedures', 'procedures.id', 'procedure_versions.procedure_id')
    .select(['procedure_versions.id'])
    .where('procedures.code', '=', PROCEDURE_CODE)
    .executeTakeFirstOrThrow();
  const at = new Date('2026-03-02T02:00:00Z');
  const past = {
    procedure: { code: PROCEDURE_CODE, versionId: version.id, name: 'Thủ tục thử' },
    channel: 'counter' as const,
    applicant: {
      fullName: 'Nguyễn Thị Cũ',
      personalIdentifier: '001190055555',
      address: 'Thôn 2',
      phone: '0912555555',
      email: null,
      proxy: null,
    },
    feeVnd: 0,
    dueAt: new Date('2026-03-09T10:00:00Z'),
    events: [
      { status: 2 as const, at },
      { status: 4 as const, at: new Date('2026-03-03T02:00:00Z') },
    ],
  };
  await exercise(
    'dossier.history_imported',
    'dossiers',
    () => importDossierHistory({ db, unitId: commune.id, dossiers: [past, past] }),
    {
      expect: {
        actor: { type: 'system', id: null },
        unit: commune.id,
        subject: { type: 'unit', id: commune.id },
      },
    },
  );
});

test('an adoption adjusted, then withdrawn', async () => {
  const procedure = await db
    .selectFrom('procedures')
    .select('id')
    .where('code', '=', PROCEDURE_CODE)
    .executeTakeFirstOrThrow();
  const adopt = (effectiveFrom: string, isAdopted: boolean) => () =>
    adoptProcedure({
      db,
      actor: admin,
      requestId: null,
      procedureId: procedure.id,
      unitId: commune.id,
      effectiveFrom,
      isAdopted,
      adjustments: { ...NO_ADJUSTMENTS, note: 'Thu phí theo nghị quyết mới' },
    });
  const about = {
    expect: {
      actor: staffActor(admin.staffId),
      unit: commune.id,
      subject: { type: 'procedure', id: procedure.id },
    },
  };
  await exercise('catalogue.adoption_adjusted', 'procedure_adoptions', adopt('2027-01-01', true), about);
  await exercise('catalogue.procedure_withdrawn', 'procedure_adoptions', adopt('2027-06-01', false), about);
});

test('this file exercises exactly the actions the plan gives it', () => {
  assertPlanDone();
});
